// `opsta publish` and `opsta setup-repo`: the CLI edge of generator/src/publish/. Reads the token
// from the environment (never printed; redacted from every message), the bootstrap outputs from a
// file, the clock; everything that decides lives in the pure publish core.
//
// Exit codes. publish: 0 published (or already up to date); 1 invalid plan, or conflicts kept (the
// rest was published); 2 usage, environment or GitHub error, nothing changed by this step.
// setup-repo: 0 everything set; 1 something is left for an administrator (printed); 2 errors.
import { readFileSync } from 'node:fs';
// The fetch-based client, not isomorphic-git/http/node: that one goes through Node's global agent,
// whose sockets time out after 5 s of silence (Node 20), so a receive-pack that thinks longer
// (a large push to GitHub Enterprise) failed with "Request timed out" (tests/publish/git.test.ts).
import http from 'isomorphic-git/http/web';
import type { Validation } from '../../schemas/validate.ts';
import { countByAction, isUpToDate } from './changeset.ts';
import { formatChangeSet } from './cli-generate.ts';
import { fsErrorToUserError, UsageError, UserError } from './errors.ts';
import type { GenerateOptions } from './generate.ts';
import { defaultBranch, publishContent } from './publish/content.ts';
import { publishViaGit } from './publish/git.ts';
import { samePlanKeeper } from './same-plan.ts';
import { GitHubClient, redact } from './publish/github.ts';
import { publishViaApi, upsertPullRequestFor, type PublishOutcome } from './publish/publish.ts';
import { parseBootstrapOutputs, setupRepository } from './publish/setup-repo.ts';

interface Io {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
}

export const DEFAULT_API_URL = 'https://api.github.com';
const REPO = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/;
// git check-ref-format, the parts a person can get wrong: no "..", "//", "@{", control or special characters, no leading "-" or trailing "/", ".", ".lock".
const BRANCH = /^(?!-)(?!.*\.\.)(?!.*\/\/)(?!.*@\{)(?!.*(?:\/|\.|\.lock)$)(?!.*\/\.)[A-Za-z0-9._/-]{1,200}$/;

export interface PublishArgs {
  plan: Extract<Validation, { ok: true }>;
  opts: GenerateOptions;
  repo?: string;
  base?: string;
  branch?: string;
  dryRun?: boolean;
  via?: string;
  apiUrl?: string;
  gitUrl?: string;
  forceFiles?: readonly string[];
  env: Record<string, string | undefined>;
  /** Seconds since the epoch, for the git path's commit. */
  now?: () => number;
}

function parseRepo(repo: string | undefined, plan: Extract<Validation, { ok: true }>): { owner: string; name: string } {
  if (!repo) throw new UsageError('missing --repo owner/name (the GitHub repository to publish to)');
  const m = REPO.exec(repo);
  if (!m || m[2] === '.' || m[2] === '..') throw new UsageError(`--repo must be owner/name (e.g. acme/platform), got "${repo.slice(0, 80)}"`);
  const g = plan.resolved.github;
  if (`${g.owner}/${g.repo}`.toLowerCase() !== repo.toLowerCase()) {
    throw new UserError(`--repo ${repo} is not the plan's repository ${g.owner}/${g.repo} (github.owner and github.repo): the generated OIDC trust and CODEOWNERS name ${g.owner}/${g.repo}. Publish to ${g.owner}/${g.repo}, or change the plan`);
  }
  return { owner: m[1]!, name: m[2]! };
}

/** The fine-grained permissions each command needs, as GitHub's token page names them; the planner's Publish step names the same (site/src/i18n/publish-*.ts). */
export const PUBLISH_TOKEN_PERMISSIONS = ['Contents', 'Pull requests', 'Workflows'] as const;
export const SETUP_TOKEN_PERMISSIONS = ['Administration', 'Environments', 'Variables'] as const;
const and = (names: readonly string[]) => `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;

function tokenFrom(env: Record<string, string | undefined>, repo: string): string {
  const t = (env.GITHUB_TOKEN || env.GH_TOKEN || '').trim();
  if (!t) throw new UserError(`no GitHub token: set GITHUB_TOKEN (or GH_TOKEN) to a fine-grained personal access token for ${repo} with ${and(PUBLISH_TOKEN_PERMISSIONS)}: write (setup-repo also needs ${and(SETUP_TOKEN_PERMISSIONS)}: write)`);
  if (/\s/.test(t)) throw new UserError('the GitHub token in GITHUB_TOKEN / GH_TOKEN contains whitespace; set it to the token alone');
  return t;
}

function checkUrl(flag: string, value: string): string {
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    throw new UsageError(`${flag} must be a URL such as https://github.example.com/api/v3, got "${value.slice(0, 80)}"`);
  }
  const local = u.hostname === '127.0.0.1' || u.hostname === 'localhost' || u.hostname === '[::1]';
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && local)) throw new UsageError(`${flag} must use https (the token travels with every request); plain http is only allowed for 127.0.0.1`);
  if (u.username || u.password) throw new UsageError(`${flag} must not hold credentials; the token comes from GITHUB_TOKEN or GH_TOKEN`);
  return value.replace(/\/+$/, '');
}

/** Every message that leaves this module goes through here: the token never reaches the terminal. */
async function redacting<T>(token: string | undefined, f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    if (e instanceof UserError) {
      const clean = redact(e.message, token);
      if (clean === e.message) throw e;
      throw new UserError(clean, e.exitCode, e.showUsage);
    }
    const m = redact(String((e as Error)?.message ?? e), token);
    throw Object.assign(new Error(m), { code: (e as { code?: string }).code });
  }
}

export async function runPublish(io: Io, a: PublishArgs): Promise<number> {
  const { owner, name } = parseRepo(a.repo, a.plan);
  const full = `${owner}/${name}`;
  const via = a.via ?? 'api';
  if (via !== 'api' && via !== 'git') throw new UsageError(`--via must be api or git, got "${via.slice(0, 40)}"`);
  const base = a.base ?? a.plan.resolved.github.baseBranch;
  const branch = a.branch ?? defaultBranch(a.plan.resolved);
  for (const [flag, v] of [['--base', base], ['--branch', branch]] as const) if (!BRANCH.test(v)) throw new UsageError(`${flag} is not a valid branch name: "${v.slice(0, 80)}"`);
  if (base === branch) throw new UsageError(`--branch ${branch} is the base branch; publish to a branch of its own (default opsta/<plan name>) and merge the pull request`);
  const apiUrl = checkUrl('--api-url', a.apiUrl ?? DEFAULT_API_URL);
  const gitUrl = checkUrl('--git-url', a.gitUrl ?? `https://github.com/${full}.git`);
  const token = tokenFrom(a.env, full);
  const content = publishContent({ plan: a.plan.plan, resolved: a.plan.resolved, opts: a.opts, base, forceFiles: a.forceFiles, keepAsWritten: samePlanKeeper(a.plan.plan, a.opts) });
  const target = { owner, repo: name, base, branch };
  const log = (line: string) => io.stdout.write(`${line}\n`);
  const client = new GitHubClient({ apiUrl, token, onRetry: (what, n, ms) => io.stderr.write(`opsta: GitHub did not answer "${what}"; retry ${n} in ${Math.round(ms / 100) / 10} s\n`) });

  return redacting(token, async () => {
    let out: PublishOutcome;
    let prNote = '';
    if (via === 'api') {
      out = await publishViaApi(client, target, content, { dryRun: a.dryRun, log });
    } else {
      const g = await publishViaGit(target, content, { url: gitUrl, token, http, dryRun: a.dryRun, timestamp: a.now?.() ?? Math.floor(Date.now() / 1000), log });
      out = g;
      // A pull request needs an API: try the one given (or github.com's for a github.com remote), and say what happened.
      const apiKnown = a.apiUrl !== undefined || new URL(gitUrl).hostname === 'github.com';
      if (a.dryRun || g.note) prNote = '';
      else if (!apiKnown) prNote = `no pull request opened: no GitHub API is known for ${new URL(gitUrl).host} (pass --api-url to open one, or open it by hand from ${branch} into ${base})`;
      else {
        try {
          out.pullRequest = await upsertPullRequestFor(client, target, out, log);
        } catch (e) {
          if (!(e instanceof UserError) || !/no answer from/.test(e.message)) throw e;
          prNote = `no pull request opened: the API at ${apiUrl} is not reachable (${e.message.replace(/^cannot [^:]+: /, '')}); open it by hand from ${branch} into ${base}`;
        }
      }
    }
    const cs = out.changeSet;
    const n = countByAction(cs);
    const verb = a.dryRun ? 'would' : 'did';
    io.stdout.write(`${a.dryRun ? (isUpToDate(cs) ? `dry run: ${full} ${branch} is up to date; publishing would change nothing:` : `dry run: publishing ${full} ${branch} would change:`) : out.commit ? `published to ${full} ${branch} (commit ${out.commit.slice(0, 12)})` : `${full} ${branch} is up to date`}\n`);
    io.stdout.write(formatChangeSet(cs, { verb }));
    if (out.note) io.stdout.write(`${out.note}\n`);
    const pr = out.pullRequest;
    if (pr) {
      const words = { opened: 'opened', updated: 'updated', unchanged: 'unchanged', 'would open': 'would be opened', 'would update': 'would be updated' } as const;
      io.stdout.write(`pull request${pr.number ? ` #${pr.number}` : ''} ${words[pr.action]}${pr.url ? `: ${pr.url}` : ''}\n`);
    }
    if (prNote) io.stdout.write(`${prNote}\n`);
    if (n.conflict > 0) {
      io.stderr.write(`opsta: ${n.conflict} conflict${n.conflict === 1 ? '' : 's'} kept on ${branch} (shown above); everything else was ${a.dryRun ? 'checked' : 'published'}. Resolve each on the branch, or pass --force-file PATH to take the generated version.\n`);
      return 1;
    }
    return 0;
  });
}

export interface SetupArgs {
  plan: Extract<Validation, { ok: true }>;
  repo?: string;
  apiUrl?: string;
  bootstrapOutputs?: string;
  env: Record<string, string | undefined>;
}

export async function runSetupRepo(io: Io, a: SetupArgs): Promise<number> {
  const { owner, name } = parseRepo(a.repo, a.plan);
  const full = `${owner}/${name}`;
  const apiUrl = checkUrl('--api-url', a.apiUrl ?? DEFAULT_API_URL);
  let outputs: ReturnType<typeof parseBootstrapOutputs> | undefined;
  if (a.bootstrapOutputs !== undefined) {
    let text: string;
    try {
      text = readFileSync(a.bootstrapOutputs, 'utf8');
    } catch (e) {
      throw fsErrorToUserError(e, a.bootstrapOutputs, 'read the bootstrap outputs') ?? e;
    }
    outputs = parseBootstrapOutputs(text, a.bootstrapOutputs);
  }
  const token = tokenFrom(a.env, full);
  const client = new GitHubClient({ apiUrl, token, onRetry: (what, n, ms) => io.stderr.write(`opsta: GitHub did not answer "${what}"; retry ${n} in ${Math.round(ms / 100) / 10} s\n`) });
  return redacting(token, async () => {
    const r = await setupRepository(client, owner, name, a.plan.resolved, outputs);
    io.stdout.write(`setup of ${full}:\n`);
    for (const d of r.done) io.stdout.write(`  set: ${d}\n`);
    for (const u of r.unchanged) io.stdout.write(`  already set: ${u}\n`);
    for (const p of r.pending) io.stdout.write(`  not set yet: ${p} (pass --bootstrap-outputs outputs.json, from terraform -chdir=bootstrap output -json)\n`);
    if (r.forAdmin.length) {
      io.stdout.write(`\nThe token may not do the following; an administrator of ${full} must:\n`);
      r.forAdmin.forEach((s, i) => io.stdout.write(`  ${i + 1}. ${s}\n`));
      return 1;
    }
    return 0;
  });
}
