// Check runs on the pull request's head commit: one per planned stage ("opsta plan / 10-network")
// and one for the budget ("opsta budget"), with annotations on the declarations of destructive
// changes and on the budget. The outputs and annotations are pure; upsertCheckRun is the edge.
//
// Why a destructive plan is `neutral`, not `failure` or `action_required`: a destroy can be the
// intended change, and both of the others block a merge where the check is required (with no
// acknowledgement to lift it, unlike the budget's label). `neutral` passes, but shows apart from
// the green checks, its title leads with the destroy count, and each destroyed or replaced
// resource is a warning annotation on its declaration in "Files changed".
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFlags, required } from './args.ts';
import { UsageError } from './errors.ts';
import { again, GitHubApiError, githubClient, query, type GitHub } from './github.ts';
import { appendSummary, eventPayload, readJson, repository, runUrl, setOutput, type Io } from './io.ts';
import type { CostSection, Section, TextSection } from './sections.ts';
import { clip } from './sections.ts';
import { mdCode, mdText } from './markdown.ts';
import { countsLine, hasChanges, type PlanSummary, type ResourceLine } from './plan-summary.ts';
import { repoPath, type Repo } from './publish.ts';

/** GitHub refuses an output.summary or output.text longer than this. */
export const OUTPUT_LIMIT = 65_535;
/** GitHub takes at most this many annotations in one request; the rest go in further updates. */
export const ANNOTATIONS_PER_REQUEST = 50;

export type Conclusion = 'success' | 'neutral' | 'failure' | 'skipped';

export interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  title: string;
  message: string;
}

export interface CheckRunSpec {
  name: string;
  /** Ours, not another app's or a person's check of the same name: the key a rerun finds it by. */
  externalId: string;
  headSha: string;
  conclusion: Conclusion;
  title: string;
  summary: string;
  text?: string;
  annotations: Annotation[];
  detailsUrl?: string;
}

export interface SourceFile {
  /** Repository-relative, with forward slashes (what an annotation's path is). */
  path: string;
  text: string;
}

/** The stack's own .tf files (Terraform reads only the root directory's), sorted; none when the directory is absent. */
export function readStackFiles(root: string, dir: string): SourceFile[] {
  let names: string[];
  try {
    names = readdirSync(join(root, dir));
  } catch {
    return [];
  }
  return names
    .filter((n) => n.endsWith('.tf'))
    .sort()
    .map((n) => ({ path: `${dir.replace(/\\/g, '/').replace(/\/+$/, '')}/${n}`, text: readFileSync(join(root, dir, n), 'utf8') }));
}

/** Splits a resource address at the dots outside index brackets: module.a["x.y"].t.n[0] → module, a["x.y"], t, n[0]. */
function addressParts(address: string): string[] {
  const parts: string[] = [];
  let cur = '';
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < address.length; i++) {
    const c = address[i]!;
    if (quoted) {
      if (c === '\\') (cur += c + (address[i + 1] ?? '')), i++;
      else {
        if (c === '"') quoted = false;
        cur += c;
      }
      continue;
    }
    if (c === '"') quoted = true;
    else if (c === '[') depth++;
    else if (c === ']') depth--;
    if (c === '.' && depth === 0) {
      parts.push(cur);
      cur = '';
    } else cur += c;
  }
  parts.push(cur);
  return parts.map((p) => p.replace(/\[.*$/s, ''));
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The line of a block's header (`resource "t" "n" {`, labels quoted or not), outside comments; 0 when absent. */
function blockLine(text: string, keyword: string, labels: string[]): number {
  const re = new RegExp(`^\\s*${keyword}${labels.map((l) => `\\s+(?:"${escapeRe(l)}"|${escapeRe(l)})`).join('')}\\s*\\{`);
  let inComment = false;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    if (inComment) {
      const end = line.indexOf('*/');
      if (end < 0) continue;
      line = line.slice(end + 2);
      inComment = false;
    }
    if (re.test(line)) return i + 1;
    const open = line.lastIndexOf('/*');
    if (open >= 0 && line.indexOf('*/', open) < 0) inComment = true;
  }
  return 0;
}

/**
 * Where a resource is declared in the stack: its `resource "<type>" "<name>"` block, or for a
 * resource inside a module the stack's `module "<name>"` block (what the pull request edits);
 * the stack's main.tf line 1 when neither is found (a generated or a removed declaration).
 */
export function declarationOf(address: string, files: readonly SourceFile[], dir: string): { path: string; line: number; found: boolean } {
  const parts = addressParts(address);
  const [keyword, labels] = parts[0] === 'module' && parts[1] ? ['module', [parts[1]]] : ['resource', parts.slice(0, 2)];
  if (labels.length === (keyword === 'module' ? 1 : 2) && labels.every(Boolean)) {
    for (const f of files) {
      const line = blockLine(f.text, keyword, labels);
      if (line) return { path: f.path, line, found: true };
    }
  }
  return { path: `${dir.replace(/\/+$/, '')}/main.tf`, line: 1, found: false };
}

/** Cut at a line so that `text` plus the note fits `limit`; unchanged when it fits. */
export function fit(text: string, limit: number, note: (cutChars: number) => string): string {
  if (text.length <= limit) return text;
  const tail = `\n\n${note(text.length)}\n`;
  const room = limit - tail.length - 32;
  let cut = text.lastIndexOf('\n', room);
  if (cut <= 0) cut = Math.max(0, room);
  // Never leave half a surrogate pair.
  if (/[\uD800-\uDBFF]/.test(text[cut - 1] ?? '')) cut--;
  return `${text.slice(0, cut)}\n\n${note(text.length - cut)}\n`;
}

function line(r: ResourceLine): string {
  const notes = [r.reason?.replace(/_/g, ' '), r.movedFrom ? `moved from ${mdCode(clip(r.movedFrom))}` : undefined, r.importing ? 'imported' : undefined].filter(Boolean);
  return `- **${r.kind}** ${mdCode(clip(r.address))}${notes.length ? ` (${notes.join('; ')})` : ''}`;
}

export interface PlanCheckContext {
  stage: string;
  headSha: string;
  /** The stack directory, repository-relative (stacks/<stage>). */
  dir: string;
  files: readonly SourceFile[];
  runUrl?: string;
}

export const planCheckName = (stage: string) => `opsta plan / ${stage}`;

function elsewhere(ctx: { runUrl?: string }, artifact?: string): string {
  return `the full plan is in the job summary${ctx.runUrl ? ` of [the run](${ctx.runUrl})` : ''}${artifact ? ` and in its artifact ${mdCode(artifact)}` : ''}`;
}

/** A stage's check run from its plan summary (summarize-plan's <stage>.plan-summary.json). */
export function planCheckRun(s: PlanSummary, ctx: PlanCheckContext): CheckRunSpec {
  const artifact = `opsta-plan-${ctx.stage}`;
  const cutNote = (n: number) => `_… ${n} more characters cut to fit GitHub's limit: ${elsewhere(ctx, artifact)}._`;
  const destroyed = s.destructive.length;
  const conclusion: Conclusion = s.errored ? 'failure' : destroyed ? 'neutral' : 'success';
  const counts = `${s.add} to add, ${s.change} to change, ${s.destroy} to destroy`;
  const title = s.errored ? `Plan errored (${counts})` : destroyed ? `${destroyed} destructive: ${counts}` : hasChanges(s) ? counts : 'No changes';
  const head = [`### ${mdCode(ctx.stage)}: ${countsLine(s)}`, ''];
  if (s.errored) head.push('> [!WARNING]', '> The plan errored: what follows is what Terraform planned before the error, not the whole change.', '');
  if (destroyed) {
    const replaced = s.destructive.filter((r) => r.kind === 'replace').length;
    head.push('> [!CAUTION]', `> **${destroyed} resource${destroyed === 1 ? '' : 's'} will be destroyed** (${replaced} of them replaced): deleted data does not come back. Each is annotated on its declaration. The check is neutral, not failed: a destroy can be intended; read each one before approving.`, '');
    head.push(...s.destructive.map(line), '');
  }
  if (!hasChanges(s)) head.push('_No changes: the infrastructure matches the configuration._', '');
  head.push(`Plan of ${mdCode(ctx.headSha.slice(0, 12))}; ${elsewhere(ctx, artifact)}.`);
  const rest = [...s.changes.map(line), ...s.outputs.map((o) => `- **output** ${mdCode(clip(o))}`)];
  const text = rest.length ? [`#### Other changes (${rest.length})`, '', ...rest].join('\n') : undefined;
  const annotations = s.destructive.map((r): Annotation => {
    const at = declarationOf(r.address, ctx.files, ctx.dir);
    const what = r.kind === 'replace' ? 'destroyed and created again (replace)' : 'destroyed';
    return {
      path: at.path,
      start_line: at.line,
      end_line: at.line,
      annotation_level: 'warning',
      title: clip(`${r.kind} ${r.address}`, 250),
      message: clip(`${r.address} will be ${what}${r.reason ? ` (${r.reason.replace(/_/g, ' ')})` : ''}${at.found ? '' : '; its declaration was not found in this stack'}. Deleted data does not come back.`, 4000),
    };
  });
  return {
    name: planCheckName(ctx.stage),
    externalId: `opsta:plan:${ctx.stage}`,
    headSha: ctx.headSha,
    conclusion,
    title,
    summary: fit(head.join('\n'), OUTPUT_LIMIT, cutNote),
    ...(text ? { text: fit(text, OUTPUT_LIMIT, cutNote) } : {}),
    annotations,
    ...(ctx.runUrl ? { detailsUrl: ctx.runUrl } : {}),
  };
}

/** A stage the pull request does not plan (summarize-helm's "Terraform plan skipped" section), or one whose plan never got summarised. */
export function unplannedCheckRun(stage: string, ctx: { headSha: string; runUrl?: string }, skipped?: TextSection): CheckRunSpec {
  const base = { name: planCheckName(stage), externalId: `opsta:plan:${stage}`, headSha: ctx.headSha, annotations: [], ...(ctx.runUrl ? { detailsUrl: ctx.runUrl } : {}) };
  if (skipped) return { ...base, conclusion: 'skipped', title: 'Not planned on pull requests', summary: fit(mdText(skipped.body.trim()), OUTPUT_LIMIT, () => '_… cut; see the job summary._') };
  return { ...base, conclusion: 'failure', title: 'No plan', summary: `The plan of ${mdCode(stage)} did not finish (init, validate or plan failed): see the ${ctx.runUrl ? `[run](${ctx.runUrl})` : 'run'}'s terraform job.` };
}

/** Where the budget is set: the `monthlyUsd:` line of opsta.plan.yaml, else its line 1. */
export function budgetLine(planText: string | undefined): number {
  const i = (planText ?? '').split('\n').findIndex((l) => /^\s*monthlyUsd\s*:/.test(l));
  return i >= 0 ? i + 1 : 1;
}

/**
 * The budget check: failure over budget, neutral when a maintainer acknowledged it with the
 * label (named) or at 80 % or more (a warning annotation on the budget), success below, skipped
 * without a budget.
 */
export function budgetCheckRun(c: CostSection, ctx: { name: string; headSha: string; ackLabel: string; planPath: string; planText?: string; runUrl?: string }): CheckRunSpec {
  const conclusion: Conclusion = { over: 'failure', acknowledged: 'neutral', warn: 'neutral', ok: 'success', 'no-budget': 'skipped' }[c.status] as Conclusion;
  const pct = c.budgetUsd ? Math.round((c.totalUsd / c.budgetUsd) * 100) : undefined;
  const money = (n: number) => `$${n.toFixed(2)}`;
  const title = {
    over: `Over budget: ${money(c.totalUsd)} of ${money(c.budgetUsd ?? 0)} a month (${pct} %)`,
    acknowledged: `Over budget (${pct} %), acknowledged with the label ${ctx.ackLabel}`,
    warn: `${pct} % of the budget: ${money(c.totalUsd)} of ${money(c.budgetUsd ?? 0)} a month`,
    ok: `${pct} % of the budget: ${money(c.totalUsd)} of ${money(c.budgetUsd ?? 0)} a month`,
    'no-budget': `No budget set: ${money(c.totalUsd)} a month`,
  }[c.status];
  const line = budgetLine(ctx.planText);
  const level = ({ over: 'failure', acknowledged: 'notice', warn: 'warning' } as const)[c.status as 'over' | 'acknowledged' | 'warn'];
  const annotations: Annotation[] = level ? [{ path: ctx.planPath, start_line: line, end_line: line, annotation_level: level, title: clip(title, 250), message: clip(c.message, 4000) }] : [];
  return {
    name: ctx.name,
    externalId: 'opsta:budget',
    headSha: ctx.headSha,
    conclusion,
    title,
    summary: fit(`${mdText(c.message)}\n`, OUTPUT_LIMIT, () => '_… cut._'),
    annotations,
    ...(ctx.runUrl ? { detailsUrl: ctx.runUrl } : {}),
  };
}

interface CheckRunJson {
  id: number;
  name: string;
  external_id?: string | null;
  conclusion?: string | null;
  status?: string;
  details_url?: string | null;
  output?: { title?: string | null; summary?: string | null; text?: string | null; annotations_count?: number };
}

interface AnnotationJson {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level?: string | null;
  title?: string | null;
  message?: string | null;
}

const annotationKey = (a: AnnotationJson) => JSON.stringify([a.path, a.start_line, a.end_line, a.annotation_level ?? '', a.title ?? '', a.message ?? '']);

export interface UpsertResult {
  id: number;
  created: boolean;
  /** Annotations sent by this call (those already on the check run are not sent again). */
  annotationsSent: number;
  /** Annotations an earlier run left that this plan no longer has (GitHub cannot remove them). */
  stale: number;
}

/**
 * Create the check run, or update ours of the same name on the same commit (found by its
 * external id): a rerun never makes a second one. Annotations are appended by GitHub on every
 * update, so a rerun (or a retry after a lost answer) reads those already there and sends only
 * the missing ones, ≤ 50 a request. `once` is a client that never repeats a request by itself: an
 * annotation update whose answer was lost may have been applied, so the whole operation is run
 * again instead, and it finds them.
 */
export async function upsertCheckRun(gh: GitHub, once: GitHub, r: Repo, spec: CheckRunSpec): Promise<UpsertResult> {
  return again(gh, async () => {
    const list = await gh.paginate<CheckRunJson>(`${repoPath(r)}/commits/${spec.headSha}/check-runs${query({ check_name: spec.name, filter: 'all', per_page: 100 })}`, 'check_runs');
    const mine = list.filter((c) => c.name === spec.name && c.external_id === spec.externalId).sort((a, b) => b.id - a.id)[0];
    let have = new Set<string>();
    let staleKeys = 0;
    const wanted = new Set(spec.annotations.map(annotationKey));
    if (mine && (mine.output?.annotations_count ?? 1) > 0) {
      const existing = await gh.paginate<AnnotationJson>(`${repoPath(r)}/check-runs/${mine.id}/annotations${query({ per_page: 100 })}`);
      have = new Set(existing.map(annotationKey));
      staleKeys = [...have].filter((k) => !wanted.has(k)).length;
    }
    const summary = staleKeys ? fit(`${spec.summary}\n\n_${staleKeys} annotation${staleKeys === 1 ? '' : 's'} from an earlier run of this check no longer appl${staleKeys === 1 ? 'ies' : 'y'} to this plan (GitHub keeps a check run's annotations; they cannot be removed)._`, OUTPUT_LIMIT, () => '_… cut._') : spec.summary;
    const output = { title: spec.title, summary, ...(spec.text !== undefined ? { text: spec.text } : {}) };
    const missing = spec.annotations.filter((a) => !have.has(annotationKey(a)));
    const batches: Annotation[][] = [];
    for (let i = 0; i < missing.length; i += ANNOTATIONS_PER_REQUEST) batches.push(missing.slice(i, i + ANNOTATIONS_PER_REQUEST));
    const fields = { status: 'completed', conclusion: spec.conclusion, external_id: spec.externalId, ...(spec.detailsUrl ? { details_url: spec.detailsUrl } : {}) };
    let id: number;
    let created = false;
    if (!mine) {
      // The first batch rides on the create: a lost answer is found by the next find, annotations included.
      const { data } = await gh.request<CheckRunJson>('POST', `${repoPath(r)}/check-runs`, { name: spec.name, head_sha: spec.headSha, ...fields, output: { ...output, annotations: batches.shift() ?? [] } });
      id = data.id;
      created = true;
    } else {
      id = mine.id;
      const same = mine.status === 'completed' && mine.conclusion === spec.conclusion && (mine.output?.title ?? '') === output.title && (mine.output?.summary ?? '') === output.summary && (mine.output?.text ?? '') === (output.text ?? '') && (!spec.detailsUrl || mine.details_url === spec.detailsUrl);
      if (!same) await gh.request('PATCH', `${repoPath(r)}/check-runs/${id}`, { ...fields, output });
    }
    for (const batch of batches) {
      try {
        await once.request('PATCH', `${repoPath(r)}/check-runs/${id}`, { output: { ...output, annotations: batch } });
      } catch (e) {
        // GitHub may have appended this batch before the answer was lost: find, then send what is missing.
        if (e instanceof GitHubApiError && (e.status === undefined || e.status >= 500)) throw new GitHubApiError(e.message, e.status, true);
        throw e;
      }
    }
    return { id, created, annotationsSent: missing.length, stale: staleKeys };
  });
}

// ---- the subcommand and the budget's hook (the edge: flags, files, environment) ----

/**
 * The pull request's head commit. Not GITHUB_SHA: on pull_request events that is the merge
 * commit GitHub made for the run, and a check run there shows on no pull request.
 */
export function headSha(io: Io, flag: string | undefined, cmd: string): string {
  const fromEvent = (eventPayload(io)?.pull_request as { head?: { sha?: unknown } } | undefined)?.head?.sha;
  const sha = flag ?? (io.env.OPSTA_HEAD_SHA || undefined) ?? (typeof fromEvent === 'string' ? fromEvent : undefined);
  if (sha === undefined) throw new UsageError(`${cmd}: no head commit: pass --sha (env HEAD_SHA: \${{ github.event.pull_request.head.sha }}) or run on a pull_request event (GITHUB_EVENT_PATH)`);
  if (!/^[0-9a-f]{40}$/.test(sha)) throw new UsageError(`${cmd}: --sha must be a full 40-character commit id, got ${JSON.stringify(sha)}`);
  return sha;
}

const STAGE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

function stageList(raw: string): string[] {
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    v = undefined;
  }
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string' && STAGE.test(x))) throw new UsageError(`check-run: --stages must be a JSON list of stage ids like ["10-network"], got ${JSON.stringify(raw.slice(0, 100))}`);
  return v as string[];
}

function readSection(dir: string, name: string): Section | undefined {
  const p = join(dir, name);
  return existsSync(p) ? (readJson(p, 'a summary') as Section) : undefined;
}

/** `check-run --stages <json> --from <dir> [--sha <head>] [--root .]`: a check run per stage (docs/runtime.md). */
export async function checkRunCommand(argv: readonly string[], io: Io): Promise<number> {
  const f = parseFlags(argv, ['stages', 'from', 'sha', 'root'], 'check-run');
  const stages = stageList(required(f, 'stages', 'check-run'));
  const from = required(f, 'from', 'check-run');
  const sha = headSha(io, f.sha, 'check-run');
  const root = f.root ?? '.';
  const gh = githubClient(io);
  const once = githubClient(io, { attempts: 1 });
  const r = repository(io);
  const url = runUrl(io);
  const results: { stage: string; id: number; conclusion: Conclusion }[] = [];
  const report: string[] = [];
  for (const stage of stages) {
    const plan = readSection(from, `${stage}.plan-summary.json`);
    const skipped = readSection(from, `${stage}.text-summary.json`);
    let spec: CheckRunSpec;
    if (plan?.type === 'plan') {
      const dir = `stacks/${stage}`;
      spec = planCheckRun(plan, { stage, headSha: sha, dir, files: readStackFiles(root, dir), ...(url ? { runUrl: url } : {}) });
    } else spec = unplannedCheckRun(stage, { headSha: sha, ...(url ? { runUrl: url } : {}) }, skipped?.type === 'text' ? skipped : undefined);
    const res = await upsertCheckRun(gh, once, r, spec);
    results.push({ stage, id: res.id, conclusion: spec.conclusion });
    report.push(`${spec.name}: ${spec.conclusion}, ${spec.title} (${res.created ? 'created' : 'updated'} check run ${res.id}, ${res.annotationsSent} annotation(s) sent${res.stale ? `, ${res.stale} stale kept by GitHub` : ''})`);
  }
  setOutput(io, 'check_runs', JSON.stringify(results));
  io.stdout(`${report.join('\n')}${report.length ? '\n' : 'no stage to report\n'}`);
  appendSummary(io, report.map((l) => `- ${mdText(l)}`).join('\n'));
  return 0;
}

/** The budget subcommand's `--check-run <name>`: the same verdict as a check run on the head commit. */
export async function publishBudgetCheckRun(io: Io, section: CostSection, opts: { name: string; sha: string | undefined; ackLabel: string; planFile?: string }): Promise<void> {
  if (!/^[A-Za-z0-9][A-Za-z0-9 ./:_-]{0,99}$/.test(opts.name)) throw new UsageError(`budget: --check-run must be a check name like "opsta budget", got ${JSON.stringify(opts.name)}`);
  const sha = headSha(io, opts.sha, 'budget');
  const planPath = opts.planFile ?? 'opsta.plan.yaml';
  const planText = existsSync(planPath) ? readFileSync(planPath, 'utf8') : undefined;
  const url = runUrl(io);
  const spec = budgetCheckRun(section, { name: opts.name, headSha: sha, ackLabel: opts.ackLabel, planPath: planPath.replace(/^\.\//, ''), ...(planText !== undefined ? { planText } : {}), ...(url ? { runUrl: url } : {}) });
  const res = await upsertCheckRun(githubClient(io), githubClient(io, { attempts: 1 }), repository(io), spec);
  io.stdout(`${spec.name}: ${spec.conclusion} (${res.created ? 'created' : 'updated'} check run ${res.id})\n`);
}
