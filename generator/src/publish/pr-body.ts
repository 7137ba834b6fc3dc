// The pull request a reviewer approves: what the platform is, its graph, what it costs and how that
// changes, which files change per stage, and what must be true before merging. Every plan string
// goes through the Markdown escaper (encode.ts): a plan value cannot ping anyone, cross-link an
// issue, inject HTML or break out of a table. GitHub caps a body at 65,536 characters: the file
// list is cut first (each stage keeps its heading), then the graph, then the summary; the cost and
// the checklist are always there, whole.
import type { ResolvedPlan } from '../../../schemas/plan.ts';
import type { Catalog } from '../../../schemas/blueprint.ts';
import { borrowedSummary, type CostReport } from '../cost.ts';
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
  lines.push('', `Estimated from list prices in ${markdownText(cost.region)}${cost.borrowed.length ? ` (${markdownText(borrowedSummary(cost))} priced at ${markdownText(cost.referenceRegion)}'s figures)` : ''}; \`opsta cost opsta.plan.yaml\` shows each price's source and date.`);
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
    lines.push(`- [ ] ${input.conflicts.length} hand-edited generated file${input.conflicts.length === 1 ? ' is' : 's are'} kept as edited (not regenerated): ${input.conflicts.slice(0, 20).map((p) => code(p.length > 200 ? `${p.slice(0, 199)}…` : p)).join(', ')}${input.conflicts.length > 20 ? `, … ${input.conflicts.length - 20} more` : ''}.`);
  }
  return lines.join('\n');
}

/**
 * The changed files under a heading per stage. When they do not all fit in `budget`, every stage
 * keeps its heading and the files are taken from each stage in turn, so a reviewer still sees
 * which stages change and a few files of each; the rest are counted ("… and 12 more").
 */
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
  const title = (stage: string) => `\n\n**${markdownText(stage)}**\n`;
  const line = (f: FileDelta) => `\n- ${code(f.path)} ${mark[f.change]}`;
  const more = (n: number) => `\n- … and ${n} more`;
  const omitted = (n: number) => `\n\n… and ${n} more file${n === 1 ? '' : 's'} (see the Files changed tab).`;
  const list = [...groups];
  const render = (shown: number[]) => {
    const out = [head];
    let total = 0;
    list.forEach(([stage, files], i) => {
      out.push(title(stage), ...files.slice(0, shown[i]).map(line));
      if (shown[i]! < files.length) out.push(more(files.length - shown[i]!));
      total += shown[i]!;
    });
    if (total < input.files.length) out.push(omitted(input.files.length - total));
    return out.join('');
  };
  const all = render(list.map(([, files]) => files.length));
  if (all.length <= budget) return all;
  // Headings, each stage's "and N more" and the closing count first; then one file per stage per round.
  const shown = list.map(() => 0);
  let used = render(shown).length;
  if (used > budget) return `${head}${omitted(input.files.length)}`;
  for (let round = 0, added = true; added; round++) {
    added = false;
    list.forEach(([, files], i) => {
      if (round >= files.length) return;
      const f = files[round]!;
      // The line replaces part of the stage's "and N more" count; that count's line goes when the stage is complete.
      const delta = line(f).length + (round + 1 === files.length ? -more(files.length - round).length : more(files.length - round - 1).length - more(files.length - round).length);
      if (used + delta > budget) return;
      used += delta;
      shown[i] = round + 1;
      added = true;
    });
  }
  return render(shown);
}

/** A summary too long for the body (far beyond what the schema allows) is cut, with a note. */
function cutSummary(summary: string, room: number): string {
  if (summary.length <= room) return summary;
  const note = "\n\n… (the summary is cut at GitHub's size limit)";
  let kept = summary.slice(0, Math.max(0, room - note.length));
  if (/[\ud800-\udbff]$/.test(kept)) kept = kept.slice(0, -1);
  return `${kept}${note}`;
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
  const cost = costSection(input);
  const check = checklist(input);
  const limit = BODY_LIMIT - MARGIN;
  // What gives way, in this order: the file list (stage by stage), the graph, then the summary.
  // The cost and the checklist are never cut: both are bounded (the catalog's components; at most
  // six reviewers and twenty conflicts, each path capped), far below the limit.
  const smallest = fileSection(input, 0);
  const around = (top: string, g: string) => [top, g, cost, check, footer].reduce((n, s) => n + s.length + 2, 0);
  const graphPart = around(summary, graph) + smallest.length <= limit ? graph : '### Dependency graph\n\nToo large to show here: run `opsta graph opsta.plan.yaml`.';
  const top = cutSummary(summary, limit - (around('', graphPart) + smallest.length));
  const files = fileSection(input, Math.max(0, limit - around(top, graphPart)));
  // The file list goes after the cost and the checklist, the summary before them.
  const body = [top, graphPart, cost, check, files, footer].join('\n\n');
  if (body.length > BODY_LIMIT) throw new Error(`the pull request body's cost and checklist alone exceed GitHub's ${BODY_LIMIT} characters (${body.length}); this is a bug in Opsta, please report it`);
  return body;
}
