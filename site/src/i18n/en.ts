// The English message catalog: every user-facing string of the site. Korean (ko.ts) must have
// exactly these keys (its type is `Messages`; tests/site/i18n.test.ts checks it too).
// Placeholders are `{name}`; plurals are `.one`/`.other` pairs (see t.ts).
import type { CostRule } from './cost-text.ts';
import type { ProblemCode } from './problem-codes.ts';

export const en = {
  // Layout (layouts/Base.astro)
  'site.description': 'Plan a cloud-native platform and get a reviewable Terraform + Helm repository.',
  'site.skip': 'Skip to content',
  'site.home': 'Opsta home',
  'site.nav': 'Site',
  'site.nav.overview': 'Overview',
  'site.nav.planner': 'Planner',
  'site.nav.schema': 'Plan schema',
  'site.theme.dark': 'Dark theme',
  'site.footer': 'Opsta runs entirely in your browser: no account, no backend. Nothing leaves the page unless you publish, and then only to the GitHub API you choose.',
  /** The toggle names the OTHER language in that language. */
  'site.lang.other': '한국어',
  'site.lang.otherTitle': 'Show the site in Korean',
  'list.separator': ', ',
  'list.join': '{head} and {last}',

  // Landing page (pages/index.astro)
  'landing.title': 'Opsta · plan a cloud-native platform',
  'landing.hero': 'From a few choices to a reviewable platform repository',
  'landing.lead':
    'Pick a cloud and region, turn on the platform components you need, and Opsta shows the dependency graph and the monthly cost as you go. You get a validated {file} and the Terraform + Helm repository it generates, with GitHub Actions as the executor: produced in your browser by the same generator as the CLI.',
  'landing.start': 'Start planning',
  'landing.sample.title': 'What a plan looks like',
  'landing.sample.desc':
    'Sample dependency graph: the network comes first, then the Kubernetes cluster, then cert-manager, the gateway, and the components that need them: Vault, Harbor, Prometheus and Grafana.',
  'landing.sample.network': 'Network · VPC',
  'landing.sample.cluster': 'Kubernetes cluster',
  'landing.sample.caption': 'Stages run in order (network, cluster, platform); each component waits for what it needs.',
  'landing.how.title': 'How it works',
  'landing.how.cloud.title': 'Cloud and region.',
  'landing.how.cloud.one': '{clouds} today; more clouds appear as their blueprints land.',
  'landing.how.cloud.other': '{clouds}.',
  'landing.how.components.title': 'Components.',
  'landing.how.components': '{components}. Dependencies turn on automatically.',
  'landing.how.parameters.title': 'Parameters.',
  'landing.how.parameters': 'Size profile, network, cluster, DNS and TLS, GitHub target and budget, checked as you type.',
  'landing.how.review.title': 'Review.',
  'landing.how.review': 'Cost per component and resource kind with price sources, the generated files, a zip, and a diff against an earlier plan.',
  'landing.terminal': 'Prefer the terminal? {command} produces the same files byte for byte. The plan format is described by {schema}.',
  'landing.terminal.schema': 'its JSON Schema',

  // Planner page (pages/planner.astro)
  'planner.title': 'Planner · Opsta',
  'planner.heading': 'Plan your platform',
  'planner.noscript': 'The planner runs in your browser and needs JavaScript. The CLI does the same: {command}.',

  // Wizard (components/Planner.tsx)
  'step.cloud': 'Cloud and region',
  'step.components': 'Components',
  'step.parameters': 'Parameters',
  'step.review': 'Review',
  'step.publish': 'Publish',
  'steps.nav': 'Planner steps',
  'steps.heading': '{n}. {title}',
  'steps.back': 'Back: {title}',
  'steps.next': 'Next: {title}',
  'summary.components.one': '{count} component',
  'summary.components.other': '{count} components',
  'summary.cost': 'about {usd}/month',
  'summary.noCost': 'cost shown once the plan is valid',
  'summary.valid': 'plan is valid',
  'summary.problems.one': '{count} problem to fix',
  'summary.problems.other': '{count} problems to fix',
  'notice.dismiss': 'Dismiss',
  'notice.restoredLink': 'Plan restored from the link.',
  'notice.restoredDraft': 'Your draft was restored.',
  'review.loading': 'Loading the review…',
  'field.listItem': 'item {n} {message}',
  'field.listSeparator': '; ',

  'cloud.intro':
    "Pick where the platform runs. Prices are on-demand list prices for the region; a cost line with no sourced price there is priced at the cloud's reference region and marked borrowed.",
  'cloud.legend': 'Cloud',
  'cloud.regions.one': '{count} region',
  'cloud.regions.other': '{count} regions',
  'region.legend': 'Region',
  'region.zones.one': '{count} zone',
  'region.zones.other': '{count} zones',
  'region.regionalPrices': 'regional prices',
  'region.pricedAs': 'priced as {region}',
  'import.summary': 'Import an existing plan (opsta.plan.yaml)',
  'import.file': 'Plan file',
  'import.paste': 'Or paste the plan YAML',
  'import.button': 'Import pasted plan',
  'import.problems': 'Problems in the imported plan',
  'import.pasted': 'the pasted plan',
  'import.done': 'Imported {source}.',
  'import.doneProblems': 'Imported {source}: {count} problem(s) to fix.',
  'import.noProvider': 'the plan needs cloud.provider set to one of: {clouds}',
  'problem.wholePlan': '(plan)',

  'components.intro': 'Turn on what the platform needs. Turning one on also turns on what it depends on.',
  'components.cost': 'about {usd}/mo',
  'components.needs': ' · needs {names}',
  'components.total': 'Estimated total: {total}.',
  'components.totalUsd': '{usd}/month',
  'components.totalBorrowed.one': 'Estimated total: {total} ({count} line item borrowed from {region}).',
  'components.totalBorrowed.other': 'Estimated total: {total} ({count} line items borrowed from {region}).',
  'components.graph': 'Dependency graph',
  'toggle.on': '{name} turned on.',
  'toggle.onWith': '{name} needs {names}: turned on.',
  'toggle.off': '{name} turned off.',
  'toggle.offWith.one': '{name} turned off, and {names}, which needs it.',
  'toggle.offWith.other': '{name} turned off, and {names}, which need it.',
  'confirm.title': 'Turn off {name}?',
  'confirm.button': 'Turn off {name} and {count} more',
  'confirm.body.one': '{names} needs {name}. Turning it off turns it off too.',
  'confirm.body.other': '{names} need {name}. Turning it off turns them off too.',
  'confirm.keep': 'Keep it on',

  'profile.legend': 'Size profile (fills zones and node pool defaults)',
  'profile.small': 'Small',
  'profile.medium': 'Medium',
  'profile.large': 'Large',
  'profile.zones.one': '{count} zone',
  'profile.zones.other': '{count} zones',
  'profile.natSingle': 'one NAT gateway',
  'profile.natPerZone': 'NAT per zone',
  'plan.legend': 'Plan',
  'plan.name': 'Name',
  'plan.name.hint': 'Lowercase, e.g. `acme-prod`; names the cluster and state bucket',
  'plan.environment': 'Environment',
  'plan.environment.hint': 'e.g. `prod`',
  'plan.description': 'Description (optional)',
  'account.hint': 'Required: {format}. Find it in {where}.',
  'network.legend': 'Network',
  'network.cidr': 'VPC CIDR',
  'network.cidr.hint': 'Private range, /16 to /22, e.g. 10.40.0.0/16',
  'network.zones': 'Availability zones',
  'network.zones.default': 'Profile default ({n})',
  'cluster.legend': 'Cluster',
  'cluster.distribution': 'Distribution',
  'cluster.managed': '{name} (managed)',
  'cluster.rke2': 'RKE2 (self-managed)',
  'cluster.version': 'Kubernetes version',
  'cluster.version.default': 'Catalog default ({version})',
  'pools.heading': 'Node pools',
  'pools.default': "Using the {profile} profile's default pool ({type}, sized for the components). Add a node pool to set it yourself.",
  'pools.legend': 'Node pool {n}',
  'pools.name': 'Name',
  'pools.instanceType': 'Instance type',
  'pools.choose': 'Choose',
  'pools.notInCatalog': '{type} (not in the catalog)',
  'pools.instanceOption': '{id} ({vcpu} vCPU, {memory} GiB)',
  'pools.min': 'Min nodes',
  'pools.max': 'Max nodes',
  'pools.disk': 'Disk (GiB)',
  'pools.remove': 'Remove node pool {n}',
  'pools.add': 'Add node pool',
  'dns.legend': 'DNS and TLS',
  'dns.domain': 'Platform domain',
  'dns.domain.hint': 'Components get hostnames under it, e.g. vault.platform.acme.example',
  'dns.zone': 'DNS zone',
  'dns.zone.create': 'Create a new hosted zone',
  'dns.zone.existing': 'Use an existing zone',
  'tls.issuer': 'Certificate issuer',
  'tls.letsencrypt': "Let's Encrypt",
  'tls.letsencryptStaging': "Let's Encrypt (staging)",
  'tls.selfsigned': 'Self-signed',
  'tls.email': 'ACME email',
  'tls.email.hint': "Required for Let's Encrypt",
  'keycloak.realm': 'Keycloak realm (optional)',
  'keycloak.realm.hint': 'Defaults to the plan name',
  'github.legend': 'GitHub target',
  'github.owner': 'Owner (user or organization)',
  'github.repo': 'Repository',
  // The GitHub fields' hint (schemas/plan.ts GITHUB_FIELDS, GITHUB_WHERE), shown through account.hint.
  'github.owner.format': 'the GitHub user or organization that owns the repository for the generated code (OWNER in github.com/OWNER/REPO)',
  'github.repo.format': 'the name of the GitHub repository for the generated code (REPO in github.com/OWNER/REPO)',
  'github.where': 'the repository\'s address on GitHub (create an empty repository first), or `gh repo view --json nameWithOwner --jq .nameWithOwner` in a clone of it',
  'github.baseBranch': 'Base branch',
  'github.environment': 'Environment (optional)',
  'github.environment.hint': 'Defaults to the plan environment',
  'github.reviewers': 'Required reviewers (optional)',
  'github.reviewers.hint': 'GitHub usernames, separated by commas; at most 6',
  'github.ownerId': 'Owner ID (optional)',
  'github.ownerId.hint': 'Numeric; with the repository ID it pins OIDC to immutable IDs',
  'github.repoId': 'Repository ID (optional)',
  'budget.legend': 'Budget',
  'budget.monthly': 'Monthly budget in USD (optional)',

  // Graph (components/Graph.tsx)
  'graph.empty': 'The graph appears once the plan has a valid cloud, region and network.',
  'graph.drawing': 'Drawing the graph…',
  'graph.failed': 'The graph could not be drawn here ({reason}); it is shown as text below.',
  'graph.scriptFailed': 'its script could not be loaded',
  'graph.caption': 'Deployment order: network, then the cluster, then the platform components in dependency order.',
  'graph.text': 'Graph as text (Mermaid)',
  // The graph's own labels, as generator/src/graph.ts writes them (the English graph is used as is).
  'graph.label.s10': '10 network · Terraform',
  'graph.label.s20': '20 cluster · Terraform',
  'graph.label.s25': '25 prerequisites · Terraform',
  'graph.label.s30': '30 platform · Helm',
  'graph.label.s40': '40 config · Terraform',
  'graph.label.network': '{cloud} network {cidr}, {zones} zones',
  'graph.label.prerequisites': 'Namespaces, generated credentials',
  'graph.label.config': 'SSO clients and realm',
  'graph.label.money': '{label} · {usd}/mo',
} as const;

export type MessageKey = keyof typeof en;
/** A catalog: a string for every English key, and no other key. */
export type Messages = { readonly [K in MessageKey]: string };

/**
 * Text that comes with the catalog data (blueprints, schemas/plan.ts) in English: a language
 * other than English gives its own per component, region and account field. Missing entries
 * fall back to the English data (tests/site/i18n.test.ts requires Korean for all of them).
 */
export interface DataText {
  components: Record<string, { name?: string; description: string }>;
  regions: Record<string, string>;
  /** Per ACCOUNT_FIELDS entry; `where` may hold `{command}`, the command of the English text. */
  accounts: Record<string, { label: string; format: string; where: string }>;
  /** Validation problems with values, by code (problem-codes.ts); params as the code gives them. */
  problems: Partial<Record<ProblemCode, string>>;
  /** Validation messages without values, by their exact English text (schemas/plan.ts). */
  problemTexts: Record<string, string>;
  /**
   * Validation messages with values no code covers, by their English shape: `{name}` stands for
   * any text, the same name in this language's text is filled with it (problem-text.ts).
   * Listed most specific first; also used for values that are phrases (`the text "x"`).
   */
  problemPatterns: Record<string, string>;
  /** Phrases a message carries as a value (`a mapping`, what a component needs), by their English text. */
  problemWords: Record<string, string>;
  /** Cost lines and notes (generator/src/cost.ts), by shape (cost-text.ts). */
  cost: Partial<Record<CostRule, string>>;
}
/** The validation messages' part of DataText: a page can load it after its first paint (PlannerKo.tsx). */
export type ProblemData = Pick<DataText, 'problems' | 'problemTexts' | 'problemPatterns' | 'problemWords'>;
/** The rest: what the page shows before any validation message. */
export type PageData = Omit<DataText, keyof ProblemData>;
export const enData: DataText = { components: {}, regions: {}, accounts: {}, problems: {}, problemTexts: {}, problemPatterns: {}, problemWords: {}, cost: {} };
