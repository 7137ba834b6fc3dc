// Command-line edge: parses arguments, reads the plan, calls the pure core,
// writes results. Exit codes: 0 success, 1 invalid plan, 2 usage or environment error
// (a path, a permission, a full disk), 70 a bug in Opsta.
import { existsSync, readdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Catalog } from '../../schemas/blueprint.ts';
import { formatProblems, type Validation } from '../../schemas/validate.ts';
import { validatePlanText } from '../../schemas/plan-yaml.ts';
import { compareClouds, type CloudComparison } from './compare.ts';
import { borrowedSummary, estimateCost, type CostReport } from './cost.ts';
import { generateRepository, planJsonSchema } from './generate.ts';
import { planGraph } from './graph.ts';
import { nodeGenerateOptions } from './node.ts';
import { runDiff, runGenerate } from './cli-generate.ts';
import { errnoCode, fsErrorToUserError, UsageError, UserError } from './errors.ts';
import { readPlanFile } from './plan-file.ts';
import { escapingWriter, forTerminal } from './terminal.ts';

// publish and setup-repo bring isomorphic-git and the GitHub client: loaded by those two commands
// only, so every other command (and --help) starts without them.
const publishCommands = () => import('./cli-publish.ts');

export interface Io {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
}

const HELP: Record<string, string> = {
  main: `opsta: plan a cloud-native platform and generate its Terraform + Helm repository

Usage: opsta <command> [options]

Commands:
  validate <plan>                       check a plan and report every problem with its path
  generate <plan> --out <dir> [--force] validate, then write the repository (nothing is written if invalid)
  diff <plan> --in <dir>                what generate would change in <dir>, without writing anything
  cost <plan> [--json] [--compare]      monthly cost per component and resource kind, with price sources;
                                        --compare prices the same plan on every cloud
  graph <plan>                          Mermaid flowchart of stages, components and dependencies
  schema                                print the plan's JSON Schema
  publish <plan> --repo <owner/name>    commit the generated repository to a branch and open or update
                                        its pull request (token from GITHUB_TOKEN or GH_TOKEN)
  setup-repo <plan> --repo <owner/name> create the protected environment and set the workflows' variables

Options:
  -o, --out <dir>   generate: the directory to write the repository into
  --force           generate: write into a <dir> that already holds files (see "opsta generate --help")
  --force-file <p>  generate, diff: overwrite the conflicting file <p> (repeatable)
  --in <dir>        diff: the generated repository to compare with
  --json            cost: the full report as JSON
  --compare         cost: the same plan on AWS, Azure and GCP side by side
  --repo <o/n>      publish, setup-repo: the GitHub repository (the plan's github.owner/repo)
  --base <branch>   publish: the branch the pull request targets (default: the plan's github.baseBranch)
  --branch <name>   publish: the branch to commit to (default opsta/<plan name>)
  --dry-run         publish: print what would change, write nothing
  --via api|git     publish: GitHub's API (default), or a git push to --git-url
  --api-url <url>   publish, setup-repo: GitHub's API (default https://api.github.com; GHES: https://<host>/api/v3)
  --git-url <url>   publish --via git: where to push (default https://github.com/<owner>/<name>.git)
  --bootstrap-outputs <file>  setup-repo: the JSON of terraform -chdir=bootstrap output -json
  -h, --help        a command's usage

<plan> is a YAML file of at most 1 MiB, in UTF-8.
Exit codes: 0 success, 1 invalid plan, 2 usage or environment error (a path, a
permission, a full disk: the message says which), 70 internal error (a bug in Opsta).`,
  validate: `Usage: opsta validate <plan.yaml>

Checks the plan against the schema and the catalog: regions, versions, instance
types, CIDR rules, component dependencies and node capacity. Prints every
problem as "path: message". Exit 1 when the plan is invalid.`,
  generate: `Usage: opsta generate <plan.yaml> --out|-o <dir> [--force] [--force-file <path>]...

Validates the plan, then writes the generated repository into <dir>. An invalid
plan writes nothing and exits 1.

<dir> may be absent, empty or hold only .git. --force allows a <dir> that already
holds files (an earlier generation, or someone else's); it never overwrites a
file by itself. Regenerating follows .opsta/manifest.json: files Opsta wrote and
nobody edited are updated, or deleted when the plan no longer produces them;
files Opsta did not write are never touched; a hand-edited file, or someone
else's file at a generated path, is a conflict: shown as a diff and kept, unless
named with --force-file <path> (repeatable). <dir>/opsta.plan.yaml is kept as
written (comments and all) when it says the same plan. Symlinks inside <dir>
are never followed. The write is all or nothing: a kill or an error leaves the
old tree, or an interrupted write that the next run finishes.

Exit codes: 0 written or up to date; 1 invalid plan, or conflicts kept (the
rest was applied); 2 usage error, or refused/failed with nothing changed.`,
  diff: `Usage: opsta diff <plan.yaml> --in <dir> [--force-file <path>]...

Prints the change set generate would apply to <dir> (added, updated, deleted,
unchanged, conflicts with their diffs, files not Opsta's) without writing
anything: the drift check for a generated repository (opsta diff opsta.plan.yaml
--in .).

Exit codes: 0 <dir> is exactly what generate would leave; 1 generate would
change something, or finds hand edits or conflicts; 2 usage or file error.`,
  cost: `Usage: opsta cost <plan.yaml> [--json] [--compare]

Prints the estimated monthly cost per component and per resource kind, with each
price's source and date. --json prints the full report as JSON. --compare prices
the same plan on every cloud in the catalog side by side, showing the equivalent
region and instance types chosen.`,
  graph: `Usage: opsta graph <plan.yaml>

Prints a Mermaid flowchart of the plan's stages, components and dependencies.`,
  publish: `Usage: opsta publish <plan.yaml> --repo <owner/name> [--base <branch>] [--branch <name>]
                     [--dry-run] [--via api|git] [--api-url <url>] [--git-url <url>] [--force-file <path>]...

Generates the repository and commits it to <branch> (default opsta/<plan name>) in one commit,
then opens the pull request into <base>, or updates the open one. Nothing is written when nothing
changed. Only files Opsta generated (.opsta/manifest.json) are updated or deleted; a generated file
edited by hand on the branch is a conflict, shown with its diff and kept unless named with
--force-file <path>; files Opsta does not own are never touched. A branch that moves while
publishing (another push) makes the publish fail with nothing committed; run it again.

The token comes from GITHUB_TOKEN or GH_TOKEN: a fine-grained token for the repository with
Contents, Pull requests and Workflows: write. It is never printed.
--via api (default): GitHub's API, a constant number of requests whatever the number of files.
--via git: a git push to --git-url (the token as the HTTP password); a pull request is opened only
when an API is known (--api-url, or github.com), and the output says so.

Exit codes: 0 published or up to date; 1 invalid plan, or conflicts kept (the rest was
published); 2 usage, token or GitHub error (the message names the fix).`,
  'setup-repo': `Usage: opsta setup-repo <plan.yaml> --repo <owner/name> [--bootstrap-outputs <outputs.json>] [--api-url <url>]

Creates (or updates) the plan's GitHub environment with its required reviewers and deployments
from protected branches only, and sets the repository and environment variables the workflows
read (role ARNs, client or service-account IDs) from the bootstrap outputs: the JSON of
terraform -chdir=bootstrap output -json. Only what differs is written. Whatever the token may not
do (it needs Administration, Environments and Variables: write) is printed as exact steps for an
administrator, and the rest is done.

Exit codes: 0 everything is set; 1 steps are left for an administrator (printed); 2 usage, file,
token or GitHub error.`,
  schema: `Usage: opsta schema

Prints the JSON Schema of opsta.plan.yaml (draft 2020-12).`,
};

function readPlan(path: string | undefined, catalog: Catalog): Validation {
  if (!path) throw new UsageError('missing the plan file argument');
  return validatePlanText(readPlanFile(path), catalog);
}

function printInvalid(io: Io, path: string, v: Extract<Validation, { ok: false }>): number {
  io.stderr.write(`${path} is invalid (${v.problems.length} problem${v.problems.length > 1 ? 's' : ''}):\n${formatProblems(v.problems)}\n`);
  return 1;
}

const usd = (n: number) => `$${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

function formatCost(r: CostReport): string {
  const w = Math.max(...r.byComponent.map((c) => c.name.length), 5);
  const lines = [`${r.cloud} ${r.region}: estimated monthly cost`, ''];
  for (const c of r.byComponent) lines.push(`  ${c.name.padEnd(w)}  ${usd(c.monthlyUsd).padStart(12)}`);
  lines.push(`  ${'Total'.padEnd(w)}  ${usd(r.totalUsd).padStart(12)}`, '', 'By resource kind:');
  for (const k of r.byKind) lines.push(`  ${k.kind.padEnd(w)}  ${usd(k.monthlyUsd).padStart(12)}`);
  if (r.budget) lines.push('', `Budget ${usd(r.budget.monthlyUsd)}: ${r.budget.over ? `OVER by ${usd(-r.budget.remainingUsd)}` : `${usd(r.budget.remainingUsd)} left`}`);
  // Every line with where its price comes from: a line with no sourced figure for the region says so.
  lines.push('', `Line items (priced in ${r.region} unless marked):`);
  const names = new Map(r.byComponent.map((c) => [c.owner, c.name]));
  const amounts = r.lines.map((l) => usd(l.monthlyUsd));
  const aw = Math.max(...amounts.map((a) => a.length));
  r.lines.forEach((l, i) => {
    const marks = [l.borrowedFrom ? `borrowed from ${l.borrowedFrom}` : '', l.pricedIn === 'all' ? 'one price for every region' : '', l.approximate ? 'approximate' : ''].filter(Boolean);
    lines.push(`  ${amounts[i]!.padStart(aw)}  ${names.get(l.owner) ?? l.owner}: ${l.description}${marks.length ? ` [${marks.join('; ')}]` : ''}`);
  });
  lines.push('', 'Prices:');
  for (const s of r.sources) {
    lines.push(`  - ${s.title}${s.class === 'secondary' ? ' (third party)' : ''}: ${s.dated ? `dated ${s.dated}` : 'undated'}, read ${s.read}${s.url ? ` <${s.url}>` : ''}`);
  }
  lines.push('', ...r.notes.map((n) => `Note: ${n}`));
  return `${lines.join('\n')}\n`;
}

function formatComparison(cmp: CloudComparison[], catalog: Catalog): string {
  const cols = cmp.map((c) => `${catalog.clouds[c.cloud]!.name} ${c.region}`);
  const rows = new Map<string, string[]>();
  cmp.forEach((c, i) => {
    for (const b of c.report?.byComponent ?? []) {
      if (!rows.has(b.name)) rows.set(b.name, cols.map(() => '—'));
      rows.get(b.name)![i] = usd(b.monthlyUsd);
    }
  });
  rows.set('Total', cmp.map((c) => (c.report ? `${usd(c.report.totalUsd)}${c.report.borrowed.length ? '*' : ''}` : 'n/a')));
  const w0 = Math.max(...[...rows.keys()].map((k) => k.length));
  const w = cols.map((c, i) => Math.max(c.length, ...[...rows.values()].map((r) => r[i]!.length)));
  const line = (first: string, cells: string[]) => `  ${first.padEnd(w0)}  ${cells.map((c, i) => c.padStart(w[i]!)).join('  ')}`;
  const out = ['Monthly cost of the same plan on each cloud', '', line('', cols)];
  for (const [k, r] of rows) out.push(line(k, r));
  out.push('', '* some line items have no sourced price for that region and are priced at the cloud\'s reference region (borrowed, listed below).', '');
  for (const c of cmp) {
    out.push(`${catalog.clouds[c.cloud]!.name}:`);
    if (c.unavailable) out.push(`  not available: ${c.unavailable}`);
    for (const ch of c.choices) out.push(`  ${ch}`);
    if (!c.unavailable && c.choices.length === 0) out.push('  as planned');
    const borrowed = c.report?.borrowed ?? [];
    if (borrowed.length) out.push(`  borrowed from ${borrowed[0]!.from}: ${borrowedSummary(c.report!)}`);
  }
  return `${out.join('\n')}\n`;
}

/** A write to standard output or error failed (EPIPE: the reader went away; ENOSPC: /dev/full). */
class StreamError extends Error {
  constructor(readonly stream: 'standard output' | 'standard error', readonly reason: unknown) {
    super(`cannot write to ${stream}`);
  }
}

/** `w` with a failed write turned into a StreamError, so main() can tell it from every other error. */
function guarded(w: Io['stdout'], stream: StreamError['stream']): Io['stdout'] {
  return {
    write(s: string) {
      try {
        return w.write(s);
      } catch (e) {
        throw new StreamError(stream, e);
      }
    },
  };
}

/** Own properties only: "constructor", "__proto__" or "toString" are unknown commands like any other. */
const isCommand = (name: string | undefined): name is string => name !== undefined && name !== 'main' && Object.hasOwn(HELP, name);

export async function main(argv: string[], rawIo: Io): Promise<number> {
  const [command, ...rest] = argv;
  // Messages quote the plan and paths: escape both streams for the terminal. JSON output is
  // unchanged in meaning (forTerminal uses JSON's escapes, and JSON.stringify leaves no C0 raw).
  const io: Io = { stdout: escapingWriter(guarded(rawIo.stdout, 'standard output')), stderr: escapingWriter(guarded(rawIo.stderr, 'standard error')) };
  try {
    if (!command || command === '--help' || command === '-h' || command === 'help') {
      io.stdout.write(`${HELP.main}\n`);
      return command ? 0 : 2;
    }
    if (!isCommand(command)) throw new UsageError(`unknown command "${command}"`);
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: { help: { type: 'boolean', short: 'h' }, out: { type: 'string', short: 'o' }, json: { type: 'boolean' }, force: { type: 'boolean' }, compare: { type: 'boolean' }, 'force-file': { type: 'string', multiple: true }, in: { type: 'string' },
        repo: { type: 'string' }, base: { type: 'string' }, branch: { type: 'string' }, 'dry-run': { type: 'boolean' }, via: { type: 'string' }, 'api-url': { type: 'string' }, 'git-url': { type: 'string' }, 'bootstrap-outputs': { type: 'string' } },
      strict: true,
    });
    if (values.help) {
      io.stdout.write(`${HELP[command]}\n`);
      return 0;
    }
    const opts = nodeGenerateOptions();
    if (command === 'schema') {
      io.stdout.write(planJsonSchema(opts.catalog));
      return 0;
    }
    if (positionals.length > 1) throw new UsageError(`expected one plan file, got ${positionals.length}`);
    const path = positionals[0];
    const v = readPlan(path, opts.catalog);
    if (!v.ok) return printInvalid(io, path!, v);
    switch (command) {
      case 'validate': {
        const c = estimateCost(v.resolved, opts.catalog);
        io.stdout.write(`${path} is valid: ${v.resolved.components.length} components on ${v.resolved.cloud.provider} ${v.resolved.cloud.region}, about ${usd(c.totalUsd)} per month.\n`);
        return 0;
      }
      case 'cost': {
        if (values.compare) {
          const cmp = compareClouds(v.resolved, opts.catalog);
          io.stdout.write(values.json ? `${JSON.stringify(cmp, null, 2)}\n` : formatComparison(cmp, opts.catalog));
          return 0;
        }
        const c = estimateCost(v.resolved, opts.catalog);
        io.stdout.write(values.json ? `${JSON.stringify(c, null, 2)}\n` : formatCost(c));
        return 0;
      }
      case 'graph':
        io.stdout.write(planGraph(v.resolved, opts.catalog));
        return 0;
      case 'generate':
        if (!values.out) throw new UsageError('generate needs --out <dir>');
        return await runGenerate(io, { plan: v, opts, out: values.out, force: values.force, forceFiles: values['force-file'] });
      case 'diff':
        if (!values.in) throw new UsageError('diff needs --in <dir> (the generated repository to compare with)');
        return await runDiff(io, { plan: v, opts, in: values.in, forceFiles: values['force-file'] });
      case 'publish':
        return await (await publishCommands()).runPublish(io, { plan: v, opts, repo: values.repo, base: values.base, branch: values.branch, dryRun: values['dry-run'], via: values.via, apiUrl: values['api-url'], gitUrl: values['git-url'], forceFiles: values['force-file'], env: process.env });
      case 'setup-repo':
        return await (await publishCommands()).runSetupRepo(io, { plan: v, repo: values.repo, apiUrl: values['api-url'], bootstrapOutputs: values['bootstrap-outputs'], env: process.env });
    }
    throw new UsageError(`unknown command "${command}"`);
  } catch (e) {
    return report(e, io, rawIo, command);
  }
}

/** The exit code for an error, after one line (or, for usage errors, the usage) on stderr; never a stack trace. */
export function report(e: unknown, io: Io, rawIo: Io, command: string | undefined): number {
  try {
    if (e instanceof StreamError) return streamFailed(e.stream, e.reason, rawIo);
    if (e instanceof UserError && !e.showUsage) {
      io.stderr.write(`opsta: ${e.message}\n`);
      return e.exitCode;
    }
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`opsta: ${(e as Error).message}\n\n${HELP[isCommand(command) ? command : 'main']}\n`);
      return 2;
    }
    // A filesystem error anywhere (a directory as the plan, a read-only target, a full disk) is
    // the environment, not a bug: exit 2 with the path and what to do.
    const fs = fsErrorToUserError(e, String((e as { path?: unknown }).path ?? (e as { dest?: unknown }).dest ?? 'a file'), syscallAction(e));
    if (fs) {
      io.stderr.write(`opsta: ${fs.message}\n`);
      return fs.exitCode;
    }
    io.stderr.write(`opsta: internal error: ${(e as Error)?.message ?? String(e)}\nThis is a bug in Opsta; please report it with the command and the plan that caused it.\n`);
    return 70;
  } catch (again) {
    if (again instanceof StreamError) return streamFailed(again.stream, again.reason, rawIo);
    throw again;
  }
}

/** report() for an error that escaped main() (bin/opsta.mjs's safety net): same messages, same codes. */
export function reportError(e: unknown, rawIo: Io, command: string | undefined): number {
  const io: Io = { stdout: rawIo.stdout, stderr: escapingWriter(rawIo.stderr) };
  return report(e, io, rawIo, command);
}

/** What a failed system call was doing, for the message: "open" → "open", "mkdir" → "create the directory". */
function syscallAction(e: unknown): string {
  const call = (e as { syscall?: unknown }).syscall;
  const actions: Record<string, string> = {
    open: 'open', read: 'read', write: 'write to', mkdir: 'create the directory', scandir: 'list the directory', rename: 'rename',
    unlink: 'delete', rmdir: 'delete the directory', stat: 'read', lstat: 'read', copyfile: 'copy', symlink: 'create the link', fsync: 'write to',
  };
  return typeof call === 'string' && Object.hasOwn(actions, call) ? actions[call]! : 'use';
}

/**
 * A write to stdout or stderr failed. EPIPE (`opsta schema | head -c 20`): the reader has all it
 * wanted, exit 0 quietly. Anything else (ENOSPC on /dev/full): one line on stderr, exit 2.
 */
export function streamFailed(stream: StreamError['stream'], cause: unknown, rawIo: Pick<Io, 'stderr'>): number {
  const code = errnoCode(cause);
  if (code === 'EPIPE') return 0;
  if (stream === 'standard output') {
    try {
      const why = fsErrorToUserError(cause, stream, 'write to')?.message ?? `cannot write to ${stream}: ${(cause as Error)?.message ?? String(cause)}`;
      rawIo.stderr.write(`opsta: ${forTerminal(why)}\n`);
    } catch {
      // stderr is gone too: the exit code is all that is left.
    }
  }
  return 2;
}

/** Listen for asynchronous write errors on a real process's stdout and stderr (bin/opsta.mjs). */
export function guardProcessStreams(proc: { stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream }): { exitCode(): number | undefined } {
  let failed: number | undefined;
  const on = (s: NodeJS.WriteStream, name: StreamError['stream']) =>
    s.on('error', (e) => {
      if (failed !== undefined) return; // report the first failure only
      failed = streamFailed(name, e, name === 'standard output' ? proc : { stderr: { write: () => true } });
      process.exitCode = failed === 0 ? process.exitCode : failed;
    });
  on(proc.stdout, 'standard output');
  on(proc.stderr, 'standard error');
  return { exitCode: () => failed };
}
