// One function per subcommand of docs/runtime.md: parse flags, read inputs, call the pure core,
// write outputs. Each returns its exit code or throws CheckFailed (1) / UsageError (2).
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyOutcomeCommand } from './apply-outcome.ts';
import { integerFlag, oneOf, parseFlags, required } from './args.ts';
import { checkBudget, DEFAULT_ACK_LABEL, parseCost } from './budget.ts';
import { changedStages, parsePipeline } from './changed-stacks.ts';
import { checkRunCommand, publishBudgetCheckRun } from './check-run.ts';
import { parseStages, renderComment, renderFull } from './comment.ts';
import { comparePlans, describeDifferences, type PlanDifference } from './compare-plan.ts';
import { CheckFailed, UsageError } from './errors.ts';
import { runOk } from './exec.ts';
import { again, githubClient } from './github.ts';
import { renderHealthMarkdown, runHealth } from './health/index.ts';
import { helmRollbackCommand } from './helm-rollback.ts';
import { appendSummary, eventPayload, readJson, readText, repository, requireEnv, runUrl, setOutput, type Io } from './io.ts';
import { describeManifestDrift, hashOnDisk, manifestDrift } from './manifest-check.ts';
import { mdFence } from './markdown.ts';
import { summarizePlan } from './plan-summary.ts';
import { deploymentStatus, startDeployment, syncDriftIssue, upsertComment } from './publish.ts';
import { redactRenderCommand } from './redact-render.ts';
import { openRevertPullRequest, planTheRevert, pushRevertBranch } from './revert.ts';
import { mergedPullOf, PLAN_ARTIFACT_PREFIX, reviewedPlanRun, type PassedOver } from './reviewed-plan.ts';
import { renderSection, type Section } from './sections.ts';
import { appendStatusEvent, githubRemote } from './status-branch.ts';
import { parseEvent } from './status-log.ts';

export type Command = (argv: readonly string[], io: Io) => Promise<number>;

const STAGE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
function stageFlag(flags: Record<string, string>, cmd: string): string {
  const s = required(flags, 'stage', cmd);
  if (!STAGE.test(s)) throw new UsageError(`${cmd}: --stage must be a stage id like 10-network, got ${JSON.stringify(s)}`);
  return s;
}

function writeSection(dir: string, name: string, section: Section): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.${section.type}-summary.json`), `${JSON.stringify(section, null, 2)}\n`);
}

const changedStacks: Command = async (argv, io) => {
  const f = parseFlags(argv, ['base', 'head', 'pipeline'], 'changed-stacks');
  const base = required(f, 'base', 'changed-stacks');
  const head = required(f, 'head', 'changed-stacks');
  for (const [k, v] of [['base', base], ['head', head]] as const) if (v.startsWith('-')) throw new UsageError(`changed-stacks: --${k} must be a ref or commit, got ${JSON.stringify(v)}`);
  const pipeline = parsePipeline(readJson(f.pipeline ?? '.opsta/pipeline.json', 'the pipeline file'));
  const paths = runOk('git', ['diff', '--name-only', '--no-renames', `${base}...${head}`, '--']).split('\n').filter(Boolean);
  const changed = changedStages(pipeline, paths);
  const planned = changed.filter((s) => s.planOnPullRequest);
  setOutput(io, 'stacks', JSON.stringify(planned.map((s) => s.id)));
  setOutput(io, 'all', JSON.stringify(changed.map((s) => s.id)));
  setOutput(io, 'any', String(planned.length > 0));
  io.stdout(`${paths.length} changed file(s); stages to plan: ${planned.map((s) => s.id).join(', ') || 'none'}${changed.length > planned.length ? `; apply-only (not planned on pull requests): ${changed.filter((s) => !s.planOnPullRequest).map((s) => s.id).join(', ')}` : ''}\n`);
  return 0;
};

const summarizePlanCmd: Command = async (argv, io) => {
  const f = parseFlags(argv, ['stage', 'plan-json', 'out-dir'], 'summarize-plan');
  const stage = stageFlag(f, 'summarize-plan');
  const summary = summarizePlan(stage, readJson(required(f, 'plan-json', 'summarize-plan'), 'the plan JSON'));
  writeSection(required(f, 'out-dir', 'summarize-plan'), stage, summary);
  const md = renderSection(summary);
  io.stdout(md);
  appendSummary(io, md);
  return 0;
};

const summarizeHelm: Command = async (argv, io) => {
  const f = parseFlags(argv, ['stage', 'diff', 'out-dir', 'title'], 'summarize-helm');
  const stage = stageFlag(f, 'summarize-helm');
  const section: Section = { type: 'text', stage, title: f.title ?? 'Helm changes (rendered manifests)', body: readText(required(f, 'diff', 'summarize-helm'), 'the Helm diff'), lang: 'diff' };
  writeSection(required(f, 'out-dir', 'summarize-helm'), stage, section);
  appendSummary(io, renderSection(section));
  return 0;
};

function readSections(dir: string): Section[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (e) {
    throw new UsageError(`comment: cannot read --from ${dir} (${(e as { code?: string }).code}); pass the directory the summarize-* steps wrote`);
  }
  return names
    .filter((n) => /\.(plan|text|cost)-summary\.json$/.test(n))
    .sort()
    .map((n) => {
      const s = readJson(join(dir, n), 'a summary') as Section;
      if (!['plan', 'text', 'cost'].includes(s?.type)) throw new UsageError(`${join(dir, n)} is not a summary written by summarize-plan, summarize-helm or budget`);
      return s;
    });
}

function pullRequestNumber(io: Io, flag: string | undefined): number {
  if (flag !== undefined) {
    if (!/^[1-9]\d*$/.test(flag)) throw new UsageError(`comment: --pr must be a pull request number, got ${JSON.stringify(flag)}`);
    return Number(flag);
  }
  const n = (eventPayload(io)?.pull_request as { number?: unknown } | undefined)?.number;
  if (typeof n !== 'number') throw new UsageError('comment: no pull request number: pass --pr or run on a pull_request event (GITHUB_EVENT_PATH)');
  return n;
}

const comment: Command = async (argv, io) => {
  const f = parseFlags(argv, ['marker', 'from', 'pr', 'title', 'stages'], 'comment');
  const markerName = required(f, 'marker', 'comment');
  if (!/^[A-Za-z0-9][A-Za-z0-9:._-]{0,99}$/.test(markerName)) throw new UsageError(`comment: --marker must be letters, digits and : . _ -, got ${JSON.stringify(markerName)}`);
  const sections = readSections(required(f, 'from', 'comment'));
  const input = { markerName, sections, ...(f.stages !== undefined ? { stages: parseStages(f.stages) } : {}), ...(runUrl(io) ? { runUrl: runUrl(io)! } : {}), ...(io.env.GITHUB_SHA ? { sha: io.env.GITHUB_SHA } : {}), ...(f.title ? { title: f.title } : {}) };
  const { body, truncated } = renderComment(input);
  appendSummary(io, renderFull(input));
  const gh = githubClient(io);
  const r = repository(io);
  const pr = pullRequestNumber(io, f.pr);
  const res = await again(gh, () => upsertComment(gh, r, pr, markerName, body));
  setOutput(io, 'comment_id', String(res.id));
  io.stdout(`${res.created ? 'created' : 'updated'} comment ${res.id} (${body.length} characters${truncated ? ', shortened to fit' : ''})\n`);
  return 0;
};

const budget: Command = async (argv, io) => {
  const f = parseFlags(argv, ['cost', 'base-cost', 'ack-label', 'out-dir', 'check-run', 'sha'], 'budget');
  const costPath = required(f, 'cost', 'budget');
  const cost = parseCost(readJson(costPath, 'the cost estimate'), costPath);
  const base = f['base-cost'] ? parseCost(readJson(f['base-cost'], 'the base cost estimate'), f['base-cost']) : undefined;
  const labels = ((eventPayload(io)?.pull_request as { labels?: { name?: string }[] } | undefined)?.labels ?? []).map((l) => String(l?.name));
  const section = checkBudget(cost, { ...(base ? { base } : {}), labels, ackLabel: f['ack-label'] ?? DEFAULT_ACK_LABEL });
  if (f['out-dir']) writeSection(f['out-dir'], 'cost', section);
  setOutput(io, 'status', section.status === 'no-budget' ? 'ok' : section.status);
  appendSummary(io, renderSection(section));
  if (f['check-run']) await publishBudgetCheckRun(io, section, { name: f['check-run'], sha: f.sha, ackLabel: f['ack-label'] ?? DEFAULT_ACK_LABEL });
  if (section.status === 'over') throw new CheckFailed(section.message);
  io.stdout(`${section.status === 'warn' ? 'warning: ' : ''}${section.message}\n`);
  if (section.status === 'warn') io.stdout(`::warning title=Budget::${section.message}\n`);
  return 0;
};

/**
 * The fresh plan has no change (terraform plan -detailed-exitcode said 0) but the reviewed one had
 * some: nothing is applied, so nothing unreviewed can be, and a re-run of an apply that already
 * applied this stage must pass; the run still says that what was reviewed is not being applied.
 */
function reviewedNotApplied(io: Io, stage: string | undefined, diffs: readonly PlanDifference[]): number {
  const where = stage ? `stage ${stage}` : 'the stage';
  const text = `${where}: the plan reviewed on the pull request changes ${diffs.length} resource${diffs.length === 1 ? '' : 's'}, but the fresh plan has no changes, so nothing is applied. They were applied already (an earlier attempt of this run, another run, or by hand) or the infrastructure was changed to match; check that this is expected.`;
  setOutput(io, 'differences', JSON.stringify({ count: 0, first: [] }));
  setOutput(io, 'not_applied', String(diffs.length));
  io.stdout(`::warning title=Reviewed changes not applied::${text}\n`);
  appendSummary(io, `### Reviewed changes not applied\n\n${mdFence([text, ...diffs.map((d) => `  - ${d.address}: ${d.reviewed}`)].join('\n'))}\n`);
  return 0;
}

const comparePlan: Command = async (argv, io) => {
  const f = parseFlags(argv, ['reviewed', 'fresh', 'stage', 'fresh-unchanged'], 'compare-plan');
  const unchanged = f['fresh-unchanged'] === undefined ? false : oneOf(f['fresh-unchanged'], ['true', 'false'] as const, 'compare-plan --fresh-unchanged') === 'true';
  const diffs = comparePlans(readJson(required(f, 'reviewed', 'compare-plan'), 'the reviewed plan JSON'), readJson(required(f, 'fresh', 'compare-plan'), 'the fresh plan JSON'));
  // Only when the fresh plan really changes nothing: a fresh change not in the review is a stop as always.
  if (unchanged && diffs.length && diffs.every((d) => d.fresh === undefined)) return reviewedNotApplied(io, f.stage, diffs);
  const text = describeDifferences(f.stage, diffs);
  appendSummary(io, diffs.length ? `### Plan changed since review\n\n${mdFence(text)}\n` : `${text}\n`);
  // apply-outcome puts what differs into the deploy event (the first 50; the count is exact).
  setOutput(io, 'differences', JSON.stringify({ count: diffs.length, first: diffs.slice(0, 50) }));
  if (diffs.length) throw new CheckFailed(text);
  io.stdout(`${text}\n`);
  return 0;
};

const deployment: Command = async (argv, io) => {
  const [sub, ...rest] = argv;
  const r = repository(io);
  if (sub === 'start') {
    const f = parseFlags(rest, ['environment', 'ref'], 'deployment start');
    const ref = f.ref ?? requireEnv(io, 'GITHUB_SHA', 'it is the commit deployed (or pass --ref)');
    const gh = githubClient(io);
    const d = { environment: required(f, 'environment', 'deployment start'), ref, runId: `${requireEnv(io, 'GITHUB_RUN_ID', 'it keys the deployment to this run')}` };
    const res = await again(gh, () => startDeployment(gh, r, d));
    setOutput(io, 'deployment_id', String(res.id));
    io.stdout(`${res.created ? 'created' : 'reusing'} deployment ${res.id}\n`);
    return 0;
  }
  if (sub === 'stage' || sub === 'finish') {
    const f = parseFlags(rest, sub === 'stage' ? ['id', 'stage', 'state'] : ['id', 'state'], `deployment ${sub}`);
    const id = integerFlag(f, 'id', `deployment ${sub}`);
    if (sub === 'stage') {
      const stage = stageFlag(f, 'deployment stage');
      const state = oneOf(required(f, 'state', 'deployment stage'), ['started', 'succeeded', 'failed'] as const, 'deployment stage --state');
      const gh = githubClient(io);
      await again(gh, () => deploymentStatus(gh, r, id, 'in_progress', `${stage}: ${state}`, runUrl(io)));
    } else {
      const state = oneOf(required(f, 'state', 'deployment finish'), ['success', 'failure'] as const, 'deployment finish --state');
      const gh = githubClient(io);
      await again(gh, () => deploymentStatus(gh, r, id, state, state === 'success' ? 'every stage applied' : 'a stage failed; see the run', runUrl(io)));
    }
    return 0;
  }
  throw new UsageError('deployment: the first argument must be start, stage or finish');
};

const revertPr: Command = async (argv, io) => {
  const f = parseFlags(argv, ['stage', 'sha', 'base', 'remote'], 'revert-pr');
  const stage = stageFlag(f, 'revert-pr');
  const sha = f.sha ?? requireEnv(io, 'GITHUB_SHA', 'it is the merge commit to revert (or pass --sha)');
  if (!/^[0-9a-f]{40}$/.test(sha)) throw new UsageError(`revert-pr: --sha must be a full 40-character commit id, got ${JSON.stringify(sha)}`);
  const repo = repository(io);
  const ev = eventPayload(io);
  const base = f.base ?? (typeof ev?.ref === 'string' ? ev.ref.replace(/^refs\/heads\//, '') : undefined) ?? requireEnv(io, 'GITHUB_REF_NAME', 'it is the branch the revert targets (or pass --base)');
  const { remote, gitEnv } = githubRemote(io.env, f.remote);
  const { branch } = pushRevertBranch({ cwd: process.cwd(), sha, remote, gitEnv });
  const gh = githubClient(io);
  const pr = await again(gh, () => openRevertPullRequest(gh, repo, { stage, sha, branch, base, ...(runUrl(io) ? { runUrl: runUrl(io)! } : {}) }));
  setOutput(io, 'pr_number', String(pr.number));
  setOutput(io, 'pr_url', pr.url);
  io.stdout(`${pr.created ? 'opened' : 'already open:'} revert pull request #${pr.number} ${pr.url}\n`);
  // An annotation too: the run page shows it without opening the summary.
  io.stdout(`::warning title=Revert pull request not planned::GitHub runs no workflow on a pull request opened with the workflow token: close and reopen #${pr.number}, or push a commit to ${branch}, so plan.yml plans it before it is merged.\n`);
  appendSummary(io, `Stage \`${stage}\` failed: revert pull request [#${pr.number}](${pr.url}).\n\n${planTheRevert(branch)}\n`);
  return 0;
};

const statusAppend: Command = async (argv, io) => {
  const f = parseFlags(argv, ['event', 'branch', 'remote'], 'status-append');
  let json: unknown;
  try {
    json = JSON.parse(required(f, 'event', 'status-append'));
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`status-append: --event is not valid JSON (${(e as Error).message})`);
  }
  const runId = io.env.GITHUB_RUN_ID;
  const type = (json as { type?: unknown })?.type;
  const stage = (json as { stage?: unknown })?.stage;
  const defaults = {
    id: [runId ?? `local${Date.now()}`, io.env.GITHUB_RUN_ATTEMPT ?? '1', String(type), ...(typeof stage === 'string' ? [stage] : [])].join('-').replace(/[^A-Za-z0-9._-]/g, '_'),
    at: new Date().toISOString(),
    ...(io.env.GITHUB_SHA ? { sha: io.env.GITHUB_SHA } : {}),
    ...(runId ? { runId } : {}),
  };
  const event = parseEvent(json, defaults);
  const branch = f.branch ?? 'opsta-status';
  if (!/^[A-Za-z0-9][A-Za-z0-9._/-]{0,99}$/.test(branch) || branch.includes('..')) throw new UsageError(`status-append: --branch must be a branch name, got ${JSON.stringify(branch)}`);
  const { remote, gitEnv } = githubRemote(io.env, f.remote);
  const res = appendStatusEvent(event, { remote, branch, gitEnv });
  io.stdout(res.added ? `appended ${event.type} event ${event.id} to ${branch} (attempt ${res.attempts})\n` : `event ${event.id} is already on ${branch}; nothing to do\n`);
  return 0;
};

const drift: Command = async (argv, io) => {
  const f = parseFlags(argv, ['stage', 'exitcode', 'plan-json'], 'drift');
  const stage = stageFlag(f, 'drift');
  const code = integerFlag(f, 'exitcode', 'drift');
  // What the plan found, before the issue is touched: drift.yml's event log records it per stack.
  setOutput(io, 'status', code === 2 ? 'drifted' : code === 0 ? 'clean' : 'failed');
  if (code !== 0 && code !== 2) throw new CheckFailed(`drift: terraform plan of ${stage} failed (exit ${code}); the drift issue is left as it is. See the plan step's log.`);
  let details = '';
  if (code === 2) {
    if (!f['plan-json']) throw new UsageError('drift: --plan-json is required when --exitcode is 2 (drift found)');
    details = renderSection(summarizePlan(stage, readJson(f['plan-json'], 'the plan JSON')));
  }
  const gh = githubClient(io);
  const r = repository(io);
  const res = await again(gh, () => syncDriftIssue(gh, r, stage, code === 2 ? { stage, details, ...(runUrl(io) ? { runUrl: runUrl(io)! } : {}) } : undefined));
  io.stdout(`${stage}: ${code === 2 ? 'drift found' : 'no drift'}; issue ${res.action}${res.number ? ` (#${res.number})` : ''}\n`);
  if (details) appendSummary(io, details);
  return 0;
};

/** "run 12 (no plans: a label's run), run 11 (its plans expired)": numbers and fixed words only. */
function describePassedOver(list: readonly PassedOver[]): string {
  return list.map((x) => `run ${x.id} (${x.why === 'expired' ? 'its plans expired' : `no ${PLAN_ARTIFACT_PREFIX}* artifact: a label's run plans nothing`})`).join(', ');
}

const reviewedPlan: Command = async (argv, io) => {
  const f = parseFlags(argv, ['sha', 'workflow', 'base'], 'reviewed-plan');
  const sha = f.sha ?? requireEnv(io, 'GITHUB_SHA', 'it is the merged commit being applied (or pass --sha)');
  if (!/^[0-9a-f]{40}$/.test(sha)) throw new UsageError(`reviewed-plan: --sha must be a full 40-character commit id, got ${JSON.stringify(sha)}`);
  const workflow = f.workflow ?? 'plan.yml';
  if (!/^(?:[A-Za-z0-9][A-Za-z0-9._-]{0,99}\.ya?ml|[1-9]\d*)$/.test(workflow)) throw new UsageError(`reviewed-plan: --workflow must be a workflow file name like plan.yml (or its id), got ${JSON.stringify(workflow)}`);
  const gh = githubClient(io);
  const r = repository(io);
  const short = sha.slice(0, 12);
  // The branch this push landed on (the apply runs on a push to it); a local run may name it or not.
  const base = f.base ?? (io.env.GITHUB_REF_NAME || undefined);
  if (base !== undefined && (!/^[A-Za-z0-9][A-Za-z0-9._/-]{0,254}$/.test(base) || base.includes('..'))) throw new UsageError(`reviewed-plan: --base must be a branch name, got ${JSON.stringify(base)}`);
  const { pull, others } = await mergedPullOf(gh, r, sha, base);
  const plan = pull ? await reviewedPlanRun(gh, r, pull, workflow) : undefined;
  setOutput(io, 'run_id', plan?.run ? String(plan.run.id) : '');
  setOutput(io, 'run_attempt', plan?.run ? String(plan.run.attempt) : '');
  setOutput(io, 'pr_number', pull ? String(pull.number) : '');
  setOutput(io, 'head_sha', pull?.headSha ?? '');
  setOutput(io, 'stages', JSON.stringify(plan?.run?.stages ?? []));
  let text: string;
  if (!pull) {
    text = `No reviewed plan for ${short}: no merged pull request${base ? ` into ${base}` : ''} has it as its merge commit${others.length ? ` (it is only part of ${others.map((n) => `#${n}`).join(', ')})` : ''}. Only stages without changes, and apply-only stages approved in the environment, can be applied.`;
    io.stdout(`::notice title=No reviewed plan::${text}
`);
  } else if (!plan?.run) {
    const expired = plan?.passedOver.filter((x) => x.why === 'expired') ?? [];
    const found = plan?.passedOver.length
      ? `its completed ${workflow} run(s) of that final head hold no plan to download (${describePassedOver(plan.passedOver)})${expired.length ? '; expired plans cannot be compared: open a new pull request so the change is planned again' : ': it planned no Terraform stage'}`
      : `no completed ${workflow} run (success or failure) of that final head was found`;
    text = `No reviewed plan for ${short}: pull request #${pull.number} was merged from ${pull.headSha.slice(0, 12)}, and ${found}. Plans of earlier heads do not count.`;
    io.stdout(`::notice title=No reviewed plan::${text}
`);
  } else {
    const skipped = plan.passedOver.length ? ` Passed over, newer but without plans: ${describePassedOver(plan.passedOver)}.` : '';
    text = `Reviewed plans of pull request #${pull.number}: ${workflow} run ${plan.run.id} (attempt ${plan.run.attempt}, ${plan.run.conclusion}) of its final head ${pull.headSha.slice(0, 12)}, with the plans of ${plan.run.stages.join(', ')}.${skipped}`;
    io.stdout(`${text}
`);
  }
  // Only numbers, commit ids and the checked workflow name: nothing to escape.
  appendSummary(io, `${text}\n`);
  return 0;
};

const health: Command = async (argv, io) => {
  const f = parseFlags(argv, ['pipeline', 'out', 'only', 'dns'], 'health');
  const list = (v: string | undefined) => (v ? v.split(',').map((x) => x.trim()).filter(Boolean) : undefined);
  const only = list(f.only);
  const dns = list(f.dns);
  const report = await runHealth(readJson(f.pipeline ?? '.opsta/pipeline.json', 'the pipeline file'), { env: io.env, ...(only ? { only } : {}), ...(dns ? { dnsServers: dns } : {}) });
  if (f.out) writeFileSync(f.out, `${JSON.stringify(report, null, 2)}\n`);
  const md = renderHealthMarkdown(report);
  appendSummary(io, md);
  io.stdout(md);
  if (report.status === 'fail') throw new CheckFailed(`health: ${report.checks.filter((c) => c.status === 'fail').length} check(s) failed; see the report`);
  return 0;
};

const manifestCheck: Command = async (argv, io) => {
  const f = parseFlags(argv, ['manifest', 'root'], 'manifest-check');
  const root = f.root ?? '.';
  const manifestPath = f.manifest ?? join(root, '.opsta/manifest.json');
  const drift = manifestDrift(readText(manifestPath, 'the manifest'), hashOnDisk(root));
  const text = describeManifestDrift(drift);
  appendSummary(io, drift.length ? `### Generated files edited by hand\n\n${mdFence(text)}\n` : `${text}\n`);
  if (drift.length) throw new CheckFailed(text);
  io.stdout(`${text}\n`);
  return 0;
};

export const COMMANDS: Record<string, { run: Command; summary: string }> = {
  'changed-stacks': { run: changedStacks, summary: '--base <ref> --head <ref>: stages whose inputs changed (stacks=<json>)' },
  'summarize-plan': { run: summarizePlanCmd, summary: '--stage <id> --plan-json <file> --out-dir <dir>: a plan as counts, destructive changes, resources' },
  'summarize-helm': { run: summarizeHelm, summary: '--stage <id> --diff <file> --out-dir <dir>: the Helm diff as a comment section' },
  comment: { run: comment, summary: '--marker <name> --from <dir> [--stages <json>]: the sticky pull-request comment' },
  budget: { run: budget, summary: '--cost <json>: fail over budget.monthlyUsd, warn at 80 %' },
  'check-run': { run: checkRunCommand, summary: '--stages <json> --from <dir> [--sha <head>]: a check run per planned stage on the head commit, destructive changes annotated' },
  'compare-plan': { run: comparePlan, summary: '--reviewed <json> --fresh <json> [--fresh-unchanged true]: stop when the plan changed since review' },
  deployment: { run: deployment, summary: 'start|stage|finish: the GitHub Deployment and its statuses' },
  'apply-outcome': { run: applyOutcomeCommand, summary: '--steps <json> [--job-status s] [--deployment-id n]: what a failed apply did and what follows (revert_stage= only for a failed terraform apply)' },
  'helm-rollback': { run: helmRollbackCommand, summary: 'roll failed Helm releases back to their last good revision' },
  'reviewed-plan': { run: reviewedPlan, summary: '[--sha <commit>] [--base <branch>] [--workflow plan.yml]: the plan run reviewed on the merged pull request (run_id=, pr_number=)' },
  'revert-pr': { run: revertPr, summary: '--stage <id>: open a pull request reverting the merge' },
  'status-append': { run: statusAppend, summary: '--event <json>: append to the opsta-status branch' },
  drift: { run: drift, summary: '--stage <id> --exitcode <n> [--plan-json <file>]: the drift tracking issue (status=drifted|clean|failed)' },
  health: { run: health, summary: '[--out <file>] [--only <ids>]: the platform health checks (JSON report and Markdown)' },
  'redact-render': { run: redactRenderCommand, summary: '--base <file> --head <file>: Secret values of two platform renders replaced by per-run tags, in place' },
  'manifest-check': { run: manifestCheck, summary: 'generated files edited by hand (.opsta/manifest.json)' },
};
