// The pull request a reviewer approves: what the platform is, its graph, what it costs and how that
// changes, which files change per stage, and what must be true before merging. Every plan string
// goes through the Markdown escaper (encode.ts): a plan value cannot ping anyone, cross-link an
// issue, inject HTML or break out of a table. GitHub caps a body at 65,536 characters: the file
// list is cut first, then the graph; the cost and the checklist are always there.
import type { ResolvedPlan } from '../../../schemas/plan.ts';
import type { Catalog } from '../../../schemas/blueprint.ts';
import type { CostReport } from '../cost.ts';
import { markdownText } from '../encode.ts';
import { stagesFor } from '../graph.ts';
import type { FileDelta } from './tree.ts';

export const BODY_LIMIT = 65_536;
export const PR_LABELS = ['opsta', 'infrastructure'] as const;
/** Leaves room for GitHub counting differently (it counts UTF-16 code units too, but be safe). */
const MARGIN = 512;

export interface PullRequestInput {
  plan: ResolvedPlan;
  catalog: Catalog;
  cost: CostReport;
  /** The cost of the base branch's opsta.plan.yaml, when it has a valid one. */
  baseCost?: CostReport;
  /** Why there is no base cost ("the base branch has no opsta.plan.yaml"). */
  baseCostNote?: string;
  graph: string;
  files: FileDelta[];
  /** Hand-edited files kept as they are on the branch (conflicts). */
  conflicts: string[];
  planSha256: string;
  generatorVersion: string;
  base: string;
}

const usd = (n: number) => `$${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const signed = (n: number) => (Math.abs(n) < 0.005 ? '±$0.00' : `${n > 0 ? '+' : '−'}${usd(Math.abs(n))}`);
/** A code span (nothing renders inside one: no mention, link or HTML); backticks are dropped so none can end it early. Used for generated paths and validated names. */
const code = (p: string) => `\`${p.replace(/`/g, '')}\``;

export function pullRequestTitle(plan: ResolvedPlan): string {
  // A title is plain text on GitHub; strip what could still act (controls, bidi).
  return `Opsta: ${plan.name} on ${plan.cloud.provider} ${plan.cloud.region}`.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, ' ');
}

/** Stage of a path, by the stage directories of the plan; anything else is repository-level. */
function stageOf(path: string, stages: { id: string; dir: string; title: string }[]): string {
  if (path.startsWith('bootstrap/')) return 'Bootstrap (applied once by an administrator)';
  for (const s of stages) if (path === s.dir || path.startsWith(`${s.dir}/`)) return `${s.id} ${s.title}`;
  if (path.startsWith('.github/')) return 'Workflows and review rules';
  return 'Repository';
}

function fence(content: string, info: string): string {
  const longest = Math.max(2, ...[...content.matchAll(/`+/g)].map((m) => m[0].length));
  const f = '`'.repeat(longest + 1);
  return `${f}${info}\n${content.trimEnd()}\n${f}`;
}

function costSection(input: PullRequestInput): string {
  const { cost, baseCost } = input;
  const lines = ['### Monthly cost', ''];
  if (baseCost) {
    lines.push(`| Component | ${markdownText(input.base)} | This pull request | Change |`, '|---|--:|--:|--:|');
    const owners = [...new Set([...baseCost.byComponent.map((c) => c.owner), ...cost.byComponent.map((c) => c.owner)])];
    for (const o of owners) {
      const now = cost.byComponent.find((c) => c.owner === o);
      const was = baseCost.byComponent.find((c) => c.owner === o);
      const name = now?.name ?? was?.name ?? o;
      lines.push(`| ${markdownText(name)} | ${was ? usd(was.monthlyUsd) : '—'} | ${now ? usd(now.monthlyUsd) : '—'} | ${signed((now?.monthlyUsd ?? 0) - (was?.monthlyUsd ?? 0))} |`);
    }
    lines.push(`| **Total** | **${usd(baseCost.totalUsd)}** | **${usd(cost.totalUsd)}** | **${signed(cost.totalUsd - baseCost.totalUsd)}** |`);
  } else {
    lines.push(`| Component | This pull request |`, '|---|--:|');
    for (const c of cost.byComponent) lines.push(`| ${markdownText(c.name)} | ${usd(c.monthlyUsd)} |`);
    lines.push(`| **Total** | **${usd(cost.totalUsd)}** |`);
    if (input.baseCostNote) lines.push('', markdownText(`No change to compare with: ${input.baseCostNote}.`));
  }
  if (cost.budget) lines.push('', `Budget ${usd(cost.budget.monthlyUsd)}: ${cost.budget.over ? `**over by ${usd(-cost.budget.remainingUsd)}**` : `${usd(cost.budget.remainingUsd)} left`}.`);
  lines.push('', `Estimated from list prices in ${markdownText(cost.region)}${cost.borrowed.length ? ` (${cost.borrowed.length} item${cost.borrowed.length === 1 ? '' : 's'} priced at ${markdownText(cost.referenceRegion)}'s figures)` : ''}; \`opsta cost opsta.plan.yaml\` shows each price's source and date.`);
  return lines.join('\n');
}

function checklist(input: PullRequestInput): string {
  const g = input.plan.github;
  const reviewers = g.reviewers.length ? g.reviewers.map((r) => markdownText(r)).join(', ') : 'none set (nothing requires review: add github.reviewers to the plan)';
  const lines = [
    '### Before you merge',
    '',
    '- [ ] The bootstrap (`bootstrap/`) is applied by an administrator, and its outputs are set as repository variables (`opsta setup-repo opsta.plan.yaml --repo … --bootstrap-outputs outputs.json`).',
    `- [ ] The environment ${code(g.environment)} is protected: required reviewers (${reviewers}) and deployments from protected branches only (\`opsta setup-repo\` sets both).`,
    '- [ ] The plans the pull-request workflow posts are reviewed, stage by stage (stages that hold secrets are planned only at apply, in the protected environment).',
    '- [ ] The monthly cost above is expected.',
  ];
  if (input.conflicts.length) {
    lines.push(`- [ ] ${input.conflicts.length} hand-edited generated file${input.conflicts.length === 1 ? ' is' : 's are'} kept as edited (not regenerated): ${input.conflicts.slice(0, 20).map(code).join(', ')}${input.conflicts.length > 20 ? `, … ${input.conflicts.length - 20} more` : ''}.`);
  }
  return lines.join('\n');
}

function fileSection(input: PullRequestInput, budget: number): string {
  const stages = stagesFor(input.plan);
  const head = `### Files changed (${input.files.length})`;
  if (input.files.length === 0) return `${head}\n\nNone: the branch already holds this plan's files.`;
  const groups = new Map<string, FileDelta[]>();
  for (const f of input.files) {
    const s = stageOf(f.path, stages);
    if (!groups.has(s)) groups.set(s, []);
    groups.get(s)!.push(f);
  }
  const mark = { added: 'added', modified: 'modified', removed: 'removed' } as const;
  const out = [head];
  let used = head.length;
  let shown = 0;
  const omitted = (n: number) => `\n\n… and ${n} more file${n === 1 ? '' : 's'} (see the Files changed tab).`;
  const reserve = omitted(input.files.length).length;
  outer: for (const [stage, files] of groups) {
    const title = `\n\n**${markdownText(stage)}**\n`;
    if (used + title.length + reserve > budget) break;
    out.push(title);
    used += title.length;
    for (const f of files) {
      const line = `\n- ${code(f.path)} ${mark[f.change]}`;
      if (used + line.length + reserve > budget) break outer;
      out.push(line);
      used += line.length;
      shown++;
    }
  }
  if (shown < input.files.length) out.push(omitted(input.files.length - shown));
  return out.join('');
}

/** The body, always under BODY_LIMIT characters. */
export function pullRequestBody(input: PullRequestInput): string {
  const { plan, catalog } = input;
  const cloud = catalog.clouds[plan.cloud.provider]!;
  const componentNames = plan.components.map((k) => catalog.components[k]?.name ?? k);
  const summary = [
    `## ${markdownText(plan.name)}`,
    '',
    ...(plan.description ? [markdownText(plan.description), ''] : []),
    '| | |',
    '|---|---|',
    `| Cloud | ${markdownText(cloud.name)}, ${markdownText(plan.cloud.region)} |`,
    `| Kubernetes | ${plan.kubernetes.distribution === 'managed' ? markdownText(cloud.managedKubernetes) : 'RKE2'} ${markdownText(String(plan.kubernetes.version))} |`,
    `| Profile | ${markdownText(plan.profile)} |`,
    `| Components | ${componentNames.length ? componentNames.map(markdownText).join(', ') : 'none'} |`,
    `| Environment | ${markdownText(plan.github.environment)} |`,
  ].join('\n');
  const graph = `### Dependency graph\n\n${fence(input.graph, 'mermaid')}`;
  const footer = `---\n<sub>Generated by Opsta ${markdownText(input.generatorVersion)} from \`opsta.plan.yaml\` (sha256 \`${input.planSha256.replace(/[^0-9a-f]/g, '')}\`). Regenerate and update this pull request with \`opsta publish\`; hand edits to generated files are kept and shown as conflicts.</sub>`;
  const fixed = [summary, costSection(input), checklist(input), footer];
  const fixedLen = fixed.reduce((n, s) => n + s.length + 2, 0);
  const withGraph = fixedLen + graph.length + 2 <= BODY_LIMIT - MARGIN;
  const graphPart = withGraph ? graph : '### Dependency graph\n\nToo large to show here: run `opsta graph opsta.plan.yaml`.';
  const files = fileSection(input, Math.max(0, BODY_LIMIT - MARGIN - fixedLen - graphPart.length - 2));
  // The file list goes after the cost and the checklist: whatever is cut, it is never those.
  const parts = [summary, graphPart, fixed[1]!, fixed[2]!, files, fixed[3]!];
  const body = parts.join('\n\n');
  // The fixed parts are bounded by the schema (at most a few dozen components, short strings); if a
  // future plan broke that, cutting here still keeps GitHub from refusing the request.
  return body.length <= BODY_LIMIT ? body : `${body.slice(0, BODY_LIMIT - 80)}\n\n… (cut at GitHub's size limit)`;
}
