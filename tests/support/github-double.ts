/**
 * A stateful GitHub double: an `http` server on 127.0.0.1 that holds repositories (git objects
 * with real git SHAs, refs), pull requests, labels, environments and variables in memory, and
 * answers the REST and GraphQL calls Opsta's publish and setup-repo make, the way GitHub does;
 * and what the executor runtime (.opsta/opsta.mjs) publishes: issues and their comments (the sticky
 * comment, the drift issues), deployments and their statuses, pull requests of a commit, and the
 * runs of a workflow, and check runs with their annotations. Lists are paginated as GitHub paginates them (per_page, page, a Link header).
 *
 * Every REST request is matched to an operation of GitHub's OpenAPI description and its JSON body
 * validated against that operation's schema; every GraphQL document is validated against GitHub's
 * schema. A request GitHub would not accept is answered 422 (REST) / a GraphQL error AND recorded in
 * `violations`: assert `expect(gh.violations).toEqual([])` at the end of a test.
 *
 * Usage:
 *
 *   const gh = await GitHubDouble.start();                 // gh.apiUrl = http://127.0.0.1:<port>
 *   gh.addToken('t0ken', { login: 'alice' });                 // every permission write unless narrowed
 *   gh.createRepo('acme/infra', { files: { 'README.md': 'hi\n' } }); // main with one commit
 *   gh.addUser('bob', 1002);                                   // for GET /users/{username}
 *   gh.inject({ route: 'POST /repos/{owner}/{repo}/pulls', kind: 'status', status: 502, times: 2 });
 *   gh.inject({ graphql: 'mutation', kind: 'reset', phase: 'after' }); // applied, then the answer lost
 *   gh.inject({ graphql: 'query', kind: 'graphql-rate-limited' });     // a 200 with a RATE_LIMITED error
 *   gh.protectBranch('acme/infra', 'main');   // GET …/branches/main says protected: true
 *   ... run the client with apiUrl = gh.apiUrl, token 't0ken' ...
 *   gh.files('acme/infra', 'opsta/x');   // path → text of a branch
 *   gh.writes();                          // requests that changed state (REST non-GET, GraphQL mutations)
 *
 * For the runtime: `addToken('t', { login: 'github-actions[bot]' })` is a Bot (as the job token is);
 * `openPull` / `mergePull(…, 'merge' | 'squash' | 'rebase' | 'fast-forward')` make real commits;
 * `addWorkflowRun` / `rerunWorkflowRun` the plan runs, `addRunArtifact` what a run uploaded; `addIssue`, `addComment` what people wrote;
 * `issues()`, `comments()`, `deployments()` read the state back.
 *   gh.requests                           // the log: method, route, status, bytes in/out
 *   await gh.close();
 *
 * Route names are "<METHOD> <OpenAPI path template>", e.g. "GET /repos/{owner}/{repo}/git/ref/{ref}";
 * GraphQL requests are "POST /graphql" and carry `graphql: 'query' | 'mutation'`. The GraphQL
 * endpoint answers both /graphql (api.github.com) and /api/graphql (GitHub Enterprise Server).
 * Loading GitHub's descriptions takes about a second: start one double per test file.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { execute, getVariableValues, GraphQLError, parse, validate, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { githubGraphqlSchema, matchOperation, requestBodyProblems } from './github-openapi.ts';

export type Permission = 'none' | 'read' | 'write';
/** Fine-grained token permissions, named as GitHub's `x-accepted-github-permissions` header names them. */
export interface TokenPermissions {
  contents: Permission;
  pull_requests: Permission;
  issues: Permission;
  workflows: Permission;
  administration: Permission;
  environments: Permission;
  variables: Permission;
  metadata: Permission;
  actions: Permission;
  deployments: Permission;
  checks: Permission;
}
const ALL_WRITE: TokenPermissions = { contents: 'write', pull_requests: 'write', issues: 'write', workflows: 'write', administration: 'write', environments: 'write', variables: 'write', metadata: 'read', actions: 'write', deployments: 'write', checks: 'write' };

/** Who wrote something: a person, or an app's bot (the workflow token is github-actions[bot], type Bot). */
export interface Actor {
  login: string;
  type: 'User' | 'Bot';
}
const actorOf = (login: string, type?: Actor['type']): Actor => ({ login, type: type ?? (/\[bot\]$/.test(login) ? 'Bot' : 'User') });

export interface Fault {
  /** Route ("POST /repos/{owner}/{repo}/pulls"); omitted with `graphql` to match GraphQL only, or neither to match everything. */
  route?: string;
  graphql?: 'query' | 'mutation';
  /**
   * 'status': answer `status` (default 502); 'secondary-rate-limit': `status` (403, or 429) with
   * retry-after; 'primary-rate-limit': `status` (403, or 429) with x-ratelimit-remaining 0 and
   * x-ratelimit-reset `resetIn` seconds from now; 'graphql-rate-limited': GraphQL's own limit, a 200
   * whose error has type RATE_LIMITED (nothing applied, so only before applying); 'reset': destroy
   * the connection.
   */
  kind: 'status' | 'secondary-rate-limit' | 'primary-rate-limit' | 'graphql-rate-limited' | 'reset';
  status?: number;
  retryAfter?: number;
  /** Seconds until the primary rate limit resets (default 30). */
  resetIn?: number;
  /** 'before' (default): nothing is applied; 'after': the request is applied, then the answer is replaced by the fault. */
  phase?: 'before' | 'after';
  /** How many matching requests it hits (default 1); Infinity for all. */
  times?: number;
  /** Skip this many matching requests first (default 0). */
  skip?: number;
  /** The error message of a 'status' fault (default "Server Error"). */
  message?: string;
}

export interface LoggedRequest {
  method: string;
  path: string;
  route: string;
  graphql?: 'query' | 'mutation';
  status: number | 'reset';
  requestBytes: number;
  responseBytes: number;
  write: boolean;
}

interface TreeEntry {
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  sha: string;
}
type GitObject = { type: 'blob'; content: Buffer } | { type: 'tree'; entries: Map<string, TreeEntry> } | { type: 'commit'; tree: string; parents: string[]; message: string };

interface PullRequest {
  number: number;
  title: string;
  body: string | null;
  head: string;
  base: string;
  state: 'open' | 'closed';
  labels: string[];
  draft: boolean;
  user?: Actor;
  merged_at?: string | null;
  merge_commit_sha?: string | null;
  /** The head commit when the pull request was merged (an open one follows its branch). */
  head_sha?: string;
  /** Commits GitHub associates with it once merged: its own, and what the merge made on the base. */
  associated?: string[];
}

export interface IssueComment {
  id: number;
  body: string;
  user: Actor;
  created_at: string;
  updated_at: string;
}

export interface Issue {
  id: number;
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  state_reason: string | null;
  labels: string[];
  user: Actor;
  created_at: string;
}

export interface DeploymentStatus {
  id: number;
  state: string;
  description: string;
  log_url: string;
  environment_url: string;
  creator: Actor;
  created_at: string;
}

export interface Deployment {
  id: number;
  sha: string;
  ref: string;
  task: string;
  environment: string;
  payload: unknown;
  description: string | null;
  transient_environment: boolean;
  creator: Actor;
  created_at: string;
  statuses: DeploymentStatus[];
}

export interface WorkflowRun {
  id: number;
  /** The workflow's file name under .github/workflows/ ("plan.yml"). */
  workflow: string;
  head_sha: string;
  head_branch: string | null;
  event: string;
  status: 'queued' | 'in_progress' | 'completed' | 'waiting' | 'requested' | 'pending';
  conclusion: 'success' | 'failure' | 'cancelled' | 'skipped' | 'timed_out' | 'action_required' | 'neutral' | 'stale' | 'startup_failure' | null;
  run_number: number;
  run_attempt: number;
  /** Numbers of the pull requests GitHub lists on the run (empty for a fork's). */
  pull_requests: number[];
  created_at: string;
  run_started_at: string;
}

/** An artifact a workflow run uploaded (`addRunArtifact`); an expired one is listed but cannot be downloaded. */
export interface RunArtifact {
  id: number;
  name: string;
  size_in_bytes: number;
  expired: boolean;
  created_at: string;
}

/** A check run on a commit; GitHub appends the annotations of every create and update. */
export interface CheckRun {
  id: number;
  name: string;
  head_sha: string;
  external_id: string | null;
  status: 'queued' | 'in_progress' | 'completed';
  conclusion: string | null;
  details_url: string | null;
  output: { title: string | null; summary: string | null; text: string | null };
  annotations: { path: string; start_line: number; end_line: number; annotation_level: string; title: string | null; message: string; raw_details: string | null }[];
  /** The app that made it: GitHub Actions for the job token. */
  app: string;
  started_at: string;
  completed_at: string | null;
}

interface Environment {
  name: string;
  reviewers: { type: string; id: number }[];
  deployment_branch_policy: { protected_branches: boolean; custom_branch_policies: boolean } | null;
  variables: Map<string, string>;
}

interface Repo {
  id: number;
  owner: string;
  name: string;
  defaultBranch: string;
  objects: Map<string, GitObject>;
  refs: Map<string, string>;
  pulls: PullRequest[];
  labels: Set<string>;
  environments: Map<string, Environment>;
  variables: Map<string, string>;
  issues: Issue[];
  /** Comments by issue or pull-request number (they share one number space, as on GitHub). */
  comments: Map<number, IssueComment[]>;
  deployments: Deployment[];
  runs: WorkflowRun[];
  checkRuns: CheckRun[];
  /** Branches with a protection rule (GET …/branches/{branch} says `protected`). */
  protectedBranches: Set<string>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

const gitHash = (type: string, body: Buffer) => createHash('sha1').update(Buffer.concat([Buffer.from(`${type} ${body.length}\0`), body])).digest('hex');

export class GitHubDouble {
  readonly requests: LoggedRequest[] = [];
  readonly violations: string[] = [];
  private readonly repos = new Map<string, Repo>();
  private readonly tokens = new Map<string, { login: string; type: Actor['type']; permissions: TokenPermissions }>();
  private readonly users = new Map<string, number>();
  private faults: (Fault & { hits: number; seen: number })[] = [];
  private clock = 1_767_225_600; // commit timestamps: deterministic
  private nextId = 1000;
  /** Artifacts by workflow run id (run ids are unique across repositories). */
  private readonly runArtifacts = new Map<number, RunArtifact[]>();
  /** Called (once per request) just before a write is applied: tests use it to land a racing push. */
  beforeWrite?: (route: string) => void;

  private constructor(private readonly server: Server, readonly apiUrl: string) {}

  static async start(): Promise<GitHubDouble> {
    // Load GitHub's descriptions before the first request, so no request pays for it.
    githubGraphqlSchema();
    matchOperation('GET', '/repos/a/b');
    let double!: GitHubDouble;
    const server = createServer((req, res) => void double.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    double = new GitHubDouble(server, `http://127.0.0.1:${port}`);
    return double;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** `type` defaults to Bot for a login ending in [bot] (github-actions[bot], the job token), else User. */
  addToken(token: string, opts: { login?: string; type?: Actor['type']; permissions?: Partial<TokenPermissions> } = {}): void {
    const { type } = actorOf(opts.login ?? 'opsta-user', opts.type);
    this.tokens.set(token, { login: opts.login ?? 'opsta-user', type, permissions: { ...ALL_WRITE, ...opts.permissions } });
    this.addUser(opts.login ?? 'opsta-user');
  }

  addUser(login: string, id?: number): number {
    const have = this.users.get(login.toLowerCase());
    if (have !== undefined) return have;
    const n = id ?? this.nextId++;
    this.users.set(login.toLowerCase(), n);
    return n;
  }

  /** A repository whose default branch holds `files` in one commit (none: an empty repository with no branch). */
  createRepo(fullName: string, opts: { defaultBranch?: string; files?: Record<string, string> } = {}): void {
    const [owner, name] = fullName.split('/') as [string, string];
    const repo: Repo = { id: this.nextId++, owner, name, defaultBranch: opts.defaultBranch ?? 'main', objects: new Map(), refs: new Map(), pulls: [], labels: new Set(), environments: new Map(), variables: new Map(), issues: [], comments: new Map(), deployments: [], runs: [], checkRuns: [], protectedBranches: new Set() };
    this.repos.set(fullName.toLowerCase(), repo);
    if (opts.files) this.commitFiles(fullName, repo.defaultBranch, opts.files, 'initial commit');
  }

  /** Another push: `files` written (null deletes) on top of `branch` (created from the default branch when missing). Returns the commit SHA. */
  commitFiles(fullName: string, branch: string, files: Record<string, string | null>, message = 'a commit by someone else'): string {
    const repo = this.repo(fullName);
    const head = repo.refs.get(`refs/heads/${branch}`) ?? repo.refs.get(`refs/heads/${repo.defaultBranch}`);
    const flat = head ? this.flatten(repo, this.commitOf(repo, head).tree) : new Map<string, TreeEntry>();
    for (const [p, text] of Object.entries(files)) {
      if (text === null) flat.delete(p);
      else flat.set(p, { mode: '100644', type: 'blob', sha: this.putBlob(repo, Buffer.from(text, 'utf8')) });
    }
    const sha = this.putCommit(repo, this.buildTree(repo, flat), head ? [head] : [], message);
    repo.refs.set(`refs/heads/${branch}`, sha);
    return sha;
  }

  /** An administrator added a branch protection rule for `branch`. */
  protectBranch(fullName: string, branch: string): void {
    this.repo(fullName).protectedBranches.add(branch);
  }

  /** The files of a branch (path → text), or undefined when the branch does not exist. */
  files(fullName: string, branch: string): Record<string, string> | undefined {
    const repo = this.repo(fullName);
    const head = repo.refs.get(`refs/heads/${branch}`);
    if (!head) return undefined;
    const out: Record<string, string> = {};
    for (const [p, e] of [...this.flatten(repo, this.commitOf(repo, head).tree)].sort(([a], [b]) => (a < b ? -1 : 1))) {
      out[p] = (repo.objects.get(e.sha) as { content: Buffer }).content.toString('utf8');
    }
    return out;
  }

  /** SHA of a branch's head commit. */
  head(fullName: string, branch: string): string | undefined {
    return this.repo(fullName).refs.get(`refs/heads/${branch}`);
  }

  /** Commit SHAs from a branch's head back to the root, newest first. */
  history(fullName: string, branch: string): { sha: string; message: string }[] {
    const repo = this.repo(fullName);
    const out: { sha: string; message: string }[] = [];
    for (let sha = repo.refs.get(`refs/heads/${branch}`); sha; ) {
      const c = this.commitOf(repo, sha);
      out.push({ sha, message: c.message });
      sha = c.parents[0];
    }
    return out;
  }

  branches(fullName: string): string[] {
    return [...this.repo(fullName).refs.keys()].map((r) => r.replace(/^refs\/heads\//, '')).sort();
  }

  pulls(fullName: string): Readonly<PullRequest>[] {
    return this.repo(fullName).pulls;
  }

  environment(fullName: string, name: string): Readonly<Environment> | undefined {
    return this.repo(fullName).environments.get(name);
  }

  variables(fullName: string, environment?: string): Record<string, string> {
    const repo = this.repo(fullName);
    const m = environment ? repo.environments.get(environment)?.variables : repo.variables;
    return Object.fromEntries([...(m ?? new Map<string, string>())].sort());
  }

  /** An issue someone opened (a person by default). Returns its number. */
  addIssue(fullName: string, issue: { title: string; body?: string | null; state?: 'open' | 'closed'; labels?: string[]; user?: string | Actor }): number {
    const repo = this.repo(fullName);
    const user = typeof issue.user === 'object' ? issue.user : actorOf(issue.user ?? 'alice');
    this.addUser(user.login);
    for (const l of issue.labels ?? []) repo.labels.add(l);
    const i: Issue = { id: this.nextId++, number: this.nextNumber(repo), title: issue.title, body: issue.body ?? null, state: issue.state ?? 'open', state_reason: issue.state === 'closed' ? 'completed' : null, labels: [...(issue.labels ?? [])], user, created_at: this.now() };
    repo.issues.push(i);
    return i.number;
  }

  /** A comment someone wrote on an issue or a pull request (a person by default). Returns its id. */
  addComment(fullName: string, number: number, body: string, user: string | Actor = 'alice'): number {
    const repo = this.repo(fullName);
    if (!repo.pulls.some((x) => x.number === number) && !repo.issues.some((x) => x.number === number)) throw new Error(`no issue or pull request #${number} in ${fullName}`);
    const who = typeof user === 'object' ? user : actorOf(user);
    this.addUser(who.login);
    const at = this.now();
    const c: IssueComment = { id: this.nextId++, body, user: who, created_at: at, updated_at: at };
    repo.comments.set(number, [...(repo.comments.get(number) ?? []), c]);
    return c.id;
  }

  /** Issues (not pull requests), oldest first. */
  issues(fullName: string): Readonly<Issue>[] {
    return this.repo(fullName).issues;
  }

  /** The comments of an issue or a pull request, oldest first. */
  comments(fullName: string, number: number): Readonly<IssueComment>[] {
    return this.repo(fullName).comments.get(number) ?? [];
  }

  deployments(fullName: string): Readonly<Deployment>[] {
    return this.repo(fullName).deployments;
  }

  workflowRuns(fullName: string): Readonly<WorkflowRun>[] {
    return this.repo(fullName).runs;
  }

  /** Check runs, oldest first. */
  checkRuns(fullName: string): Readonly<CheckRun>[] {
    return this.repo(fullName).checkRuns;
  }

  /** A check run another app (or workflow) made on a commit, e.g. one of the same name. Returns its id. */
  addCheckRun(fullName: string, run: { name: string; head_sha: string; app?: string; external_id?: string | null; conclusion?: string }): number {
    const repo = this.repo(fullName);
    const at = this.now();
    const c: CheckRun = { id: this.nextId++, name: run.name, head_sha: run.head_sha, external_id: run.external_id ?? null, status: 'completed', conclusion: run.conclusion ?? 'success', details_url: null, output: { title: null, summary: null, text: null }, annotations: [], app: run.app ?? 'another-app', started_at: at, completed_at: at };
    repo.checkRuns.push(c);
    return c.id;
  }

  /** A pull request of an existing branch, opened by `user` (a person by default). Returns its number. */
  openPull(fullName: string, pr: { title: string; head: string; base?: string; body?: string; user?: string }): number {
    const repo = this.repo(fullName);
    if (!repo.refs.has(`refs/heads/${pr.head}`)) throw new Error(`no branch ${pr.head} in ${fullName}`);
    const user = actorOf(pr.user ?? 'alice');
    this.addUser(user.login);
    const n = this.nextNumber(repo);
    repo.pulls.push({ number: n, title: pr.title, body: pr.body ?? null, head: pr.head, base: pr.base ?? repo.defaultBranch, state: 'open', labels: [], draft: false, user });
    return n;
  }

  /**
   * Merge an open pull request the way GitHub's button does and return the commit the base branch
   * now points at (its merge_commit_sha): 'merge' a merge commit, 'squash' one commit of the head's
   * tree, 'rebase' the pull request's commits replayed on the base, 'fast-forward' the base moved
   * to the head (someone pushed the head to the base).
   */
  mergePull(fullName: string, number: number, method: 'merge' | 'squash' | 'rebase' | 'fast-forward' = 'merge'): string {
    const repo = this.repo(fullName);
    const pr = repo.pulls.find((x) => x.number === number && x.state === 'open');
    if (!pr) throw new Error(`no open pull request #${number} in ${fullName}`);
    const head = repo.refs.get(`refs/heads/${pr.head}`)!;
    const baseRef = `refs/heads/${pr.base}`;
    const base = repo.refs.get(baseRef)!;
    const own = this.prCommits(repo, pr);
    let tip: string;
    const made: string[] = [];
    if (method === 'fast-forward') tip = head;
    else if (method === 'merge') tip = this.putCommit(repo, this.commitOf(repo, head).tree, [base, head], `Merge pull request #${number} from ${repo.owner}/${pr.head}\n\n${pr.title}`);
    else if (method === 'squash') tip = this.putCommit(repo, this.commitOf(repo, head).tree, [base], `${pr.title} (#${number})`);
    else {
      tip = base;
      for (const c of [...own].reverse()) {
        tip = this.putCommit(repo, this.commitOf(repo, c).tree, [tip], this.commitOf(repo, c).message);
        made.push(tip);
      }
    }
    if (tip !== head) made.push(tip);
    repo.refs.set(baseRef, tip);
    Object.assign(pr, { state: 'closed', merged_at: this.now(), merge_commit_sha: tip, head_sha: head, associated: [...own, ...made] });
    return tip;
  }

  /**
   * Another push, from a real git repository: `branches` of `gitDir` (a work tree or a bare
   * repository) with every object they reach, under the same SHAs (the double's objects are git's
   * own encoding). For tests where real git makes the commits (a revert, a merge).
   */
  importGit(fullName: string, gitDir: string, branches: string[]): void {
    const repo = this.repo(fullName);
    const git = (args: string[]) => execFileSync('git', ['-C', gitDir, ...args], { maxBuffer: 64 << 20 });
    const tree = (sha: string): void => {
      if (repo.objects.has(sha)) return;
      const entries = new Map<string, TreeEntry>();
      for (const line of git(['ls-tree', '-z', sha]).toString('utf8').split('\0').filter(Boolean)) {
        const m = /^(\d+) (blob|tree|commit) ([0-9a-f]{40})\t(.*)$/s.exec(line);
        if (!m) throw new Error(`importGit: cannot read tree line ${JSON.stringify(line)}`);
        const [, mode, type, entrySha, name] = m as unknown as [string, string, TreeEntry['type'], string, string];
        if (type === 'tree') tree(entrySha);
        else if (type === 'blob' && !repo.objects.has(entrySha)) this.putBlob(repo, git(['cat-file', 'blob', entrySha]));
        entries.set(name, { mode: mode === '40000' ? '040000' : mode, type, sha: entrySha });
      }
      if (this.putTree(repo, entries) !== sha) throw new Error(`importGit: tree ${sha} did not re-encode to the same SHA`);
    };
    for (const branch of branches) {
      const tip = git(['rev-parse', `refs/heads/${branch}`]).toString('utf8').trim();
      for (const sha of git(['rev-list', '--reverse', tip]).toString('utf8').split('\n').filter(Boolean)) {
        if (repo.objects.has(sha)) continue;
        const raw = git(['cat-file', 'commit', sha]).toString('utf8');
        const [head, ...rest] = raw.split('\n\n');
        const treeSha = /^tree ([0-9a-f]{40})$/m.exec(head!)![1]!;
        tree(treeSha);
        const parents = [...head!.matchAll(/^parent ([0-9a-f]{40})$/gm)].map((m) => m[1]!);
        repo.objects.set(sha, { type: 'commit', tree: treeSha, parents, message: rest.join('\n\n').replace(/\n$/, '') });
      }
      repo.refs.set(`refs/heads/${branch}`, tip);
    }
  }

  /** An open pull request merged outside the double (real git made `mergeCommit` and it was imported onto the base). */
  markMerged(fullName: string, number: number, mergeCommit: string): void {
    const repo = this.repo(fullName);
    const pr = repo.pulls.find((x) => x.number === number && x.state === 'open');
    if (!pr) throw new Error(`no open pull request #${number} in ${fullName}`);
    const head = repo.refs.get(`refs/heads/${pr.head}`)!;
    const base = repo.refs.get(`refs/heads/${pr.base}`);
    if (base !== mergeCommit) throw new Error(`markMerged: ${pr.base} is at ${base}, not at the merge ${mergeCommit}: import it first`);
    const own = this.prCommits(repo, { ...pr, base: '\0none' }).filter((s) => !this.ancestors(repo, this.commitOf(repo, mergeCommit).parents[0]!).has(s));
    Object.assign(pr, { state: 'closed', merged_at: this.now(), merge_commit_sha: mergeCommit, head_sha: head, associated: [...own, mergeCommit] });
  }

  /** A run of a workflow (plan.yml by default, a completed pull_request run that succeeded unless told). Returns its id. */
  addWorkflowRun(fullName: string, run: Partial<Omit<WorkflowRun, 'id' | 'run_number' | 'created_at' | 'run_started_at'>> & { head_sha: string }): number {
    const repo = this.repo(fullName);
    const at = this.now();
    const status = run.status ?? 'completed';
    const r: WorkflowRun = {
      id: this.nextId++, workflow: run.workflow ?? 'plan.yml', head_sha: run.head_sha, head_branch: run.head_branch ?? null, event: run.event ?? 'pull_request', status,
      conclusion: run.conclusion === undefined ? (status === 'completed' ? 'success' : null) : run.conclusion, run_number: repo.runs.length + 1, run_attempt: run.run_attempt ?? 1, pull_requests: run.pull_requests ?? [], created_at: at, run_started_at: at,
    };
    repo.runs.push(r);
    return r.id;
  }

  /** "Re-run jobs": the same run id, the next attempt, started now. */
  rerunWorkflowRun(fullName: string, id: number, result: { status?: WorkflowRun['status']; conclusion?: WorkflowRun['conclusion'] } = {}): void {
    const r = this.repo(fullName).runs.find((x) => x.id === id);
    if (!r) throw new Error(`no workflow run ${id} in ${fullName}`);
    r.run_attempt++;
    r.run_started_at = this.now();
    r.status = result.status ?? 'completed';
    r.conclusion = result.conclusion === undefined ? (r.status === 'completed' ? 'success' : null) : result.conclusion;
  }

  /** An artifact uploaded by run `runId` ("opsta-plan-10-network"); `expired` as after its retention days. Returns its id. */
  addRunArtifact(fullName: string, runId: number, name: string, opts: { expired?: boolean; size?: number } = {}): number {
    if (!this.repo(fullName).runs.some((x) => x.id === runId)) throw new Error(`no workflow run ${runId} in ${fullName}`);
    const a: RunArtifact = { id: this.nextId++, name, size_in_bytes: opts.size ?? 1024, expired: opts.expired ?? false, created_at: this.now() };
    this.runArtifacts.set(runId, [...(this.runArtifacts.get(runId) ?? []), a]);
    return a.id;
  }

  inject(fault: Fault): void {
    this.faults.push({ ...fault, hits: 0, seen: 0 });
  }

  clearFaults(): void {
    this.faults = [];
  }

  /** Requests that changed (or tried to change) state: REST other than GET, GraphQL mutations. */
  writes(): LoggedRequest[] {
    return this.requests.filter((r) => r.write);
  }

  resetLog(): void {
    this.requests.length = 0;
  }

  // ---- HTTP ----

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const isGraphql = method === 'POST' && (url.pathname === '/graphql' || url.pathname === '/api/graphql');
    const log: LoggedRequest = { method, path: url.pathname, route: `${method} ${url.pathname}`, status: 0, requestBytes: raw.length + headerBytes(req), responseBytes: 0, write: method !== 'GET' && !isGraphql };
    this.requests.push(log);
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      const text = body === undefined ? '' : JSON.stringify(body);
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(text);
      log.status = status;
      log.responseBytes = Buffer.byteLength(text) + 100;
    };
    try {
      let run: () => { status: number; body: unknown; headers?: Record<string, string> };
      if (isGraphql) {
        const { document, kind, variables } = this.parseGraphql(raw);
        log.route = 'POST /graphql';
        log.graphql = kind;
        log.write = kind === 'mutation';
        run = () => this.graphql(req, document, variables);
      } else {
        const op = matchOperation(method, url.pathname);
        if (!op) {
          this.violations.push(`${method} ${url.pathname}: no such operation in GitHub's REST API`);
          throw new HttpError(404, 'Not Found');
        }
        log.route = `${method} ${op.template}`;
        let body: unknown;
        if (raw.length > 0) {
          try {
            body = JSON.parse(raw.toString('utf8'));
          } catch {
            this.violations.push(`${log.route}: body is not JSON`);
            throw new HttpError(400, 'Problems parsing JSON');
          }
        }
        if (op.hasJsonBody && method !== 'GET') {
          const problems = requestBodyProblems(method, op.template, body ?? {});
          if (problems.length) {
            this.violations.push(`${log.route}: ${problems.join('; ')}`);
            throw new HttpError(422, `Invalid request.\n\n${problems.join('\n')}`);
          }
        }
        run = () => this.rest(req, log.route, op.params, body, url.searchParams, url);
      }
      const fault = this.takeFault(log);
      if (fault && fault.phase !== 'after') return this.applyFault(fault, res, log, send);
      if (log.write) this.beforeWrite?.(log.route);
      const out = run();
      if (fault) return this.applyFault(fault, res, log, send);
      send(out.status, out.body, out.headers);
    } catch (e) {
      if (e instanceof HttpError) send(e.status, { message: e.message, documentation_url: 'https://docs.github.com/rest', ...e.extra }, e.headers);
      else send(500, { message: `double bug: ${(e as Error).message}` });
    }
  }

  private takeFault(log: LoggedRequest): (Fault & { hits: number; seen: number }) | undefined {
    for (const f of this.faults) {
      const matches = f.route ? f.route === log.route : f.graphql ? f.graphql === log.graphql : true;
      if (!matches) continue;
      if (f.seen++ < (f.skip ?? 0)) continue;
      if (f.hits >= (f.times ?? 1)) continue;
      f.hits++;
      return f;
    }
    return undefined;
  }

  private applyFault(f: Fault, res: ServerResponse, log: LoggedRequest, send: (s: number, b: unknown, h?: Record<string, string>) => void): void {
    if (f.kind === 'reset') {
      log.status = 'reset';
      res.socket?.destroy();
      return;
    }
    if (f.kind === 'secondary-rate-limit') {
      send(f.status ?? 403, { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits' }, { 'retry-after': String(f.retryAfter ?? 1) });
      return;
    }
    const limit = { 'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': '0', 'x-ratelimit-used': '5000', 'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + (f.resetIn ?? 30)) };
    if (f.kind === 'primary-rate-limit') {
      send(f.status ?? 403, { message: 'API rate limit exceeded for user ID 1.', documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api' }, limit);
      return;
    }
    if (f.kind === 'graphql-rate-limited') {
      send(200, { data: null, errors: [{ type: 'RATE_LIMITED', message: 'API rate limit exceeded for user ID 1.' }] }, limit);
      return;
    }
    send(f.status ?? 502, { message: f.message ?? 'Server Error' });
  }

  private auth(req: IncomingMessage): { login: string; type: Actor['type']; permissions: TokenPermissions } {
    const h = req.headers.authorization ?? '';
    const m = /^(?:token|bearer) (.+)$/i.exec(h);
    const t = m ? this.tokens.get(m[1]!) : undefined;
    if (!t) throw new HttpError(401, 'Bad credentials');
    return t;
  }

  private need(t: { permissions: TokenPermissions }, perm: keyof TokenPermissions, level: 'read' | 'write'): void {
    const have = t.permissions[perm];
    if (have === 'write' || (level === 'read' && have === 'read')) return;
    throw new HttpError(403, 'Resource not accessible by personal access token', { 'x-accepted-github-permissions': `${perm}=${level}` });
  }

  private repo(fullName: string): Repo {
    const r = this.repos.get(fullName.toLowerCase());
    if (!r) throw new HttpError(404, 'Not Found');
    return r;
  }

  // ---- git objects ----

  private putBlob(repo: Repo, content: Buffer): string {
    const sha = gitHash('blob', content);
    repo.objects.set(sha, { type: 'blob', content });
    return sha;
  }

  private putTree(repo: Repo, entries: Map<string, TreeEntry>): string {
    // git sorts entries by name, a tree's name compared as if it ended with "/".
    const sorted = [...entries].sort(([a, ea], [b, eb]) => Buffer.compare(Buffer.from(ea.type === 'tree' ? `${a}/` : a), Buffer.from(eb.type === 'tree' ? `${b}/` : b)));
    const body = Buffer.concat(sorted.map(([n, e]) => Buffer.concat([Buffer.from(`${e.mode === '040000' ? '40000' : e.mode} ${n}\0`), Buffer.from(e.sha, 'hex')])));
    const sha = gitHash('tree', body);
    repo.objects.set(sha, { type: 'tree', entries: new Map(sorted) });
    return sha;
  }

  private putCommit(repo: Repo, tree: string, parents: string[], message: string): string {
    const when = `${this.clock++} +0000`;
    const text = [`tree ${tree}`, ...parents.map((p) => `parent ${p}`), `author Opsta Double <double@example.invalid> ${when}`, `committer GitHub <noreply@github.com> ${when}`, '', message].join('\n');
    const sha = gitHash('commit', Buffer.from(text));
    repo.objects.set(sha, { type: 'commit', tree, parents, message });
    return sha;
  }

  private commitOf(repo: Repo, sha: string): Extract<GitObject, { type: 'commit' }> {
    const c = repo.objects.get(sha);
    if (c?.type !== 'commit') throw new HttpError(404, 'Not Found');
    return c;
  }

  private flatten(repo: Repo, treeSha: string, prefix = '', out = new Map<string, TreeEntry>()): Map<string, TreeEntry> {
    const t = repo.objects.get(treeSha);
    if (t?.type !== 'tree') throw new HttpError(404, 'Not Found');
    for (const [name, e] of t.entries) {
      if (e.type === 'tree') this.flatten(repo, e.sha, `${prefix}${name}/`, out);
      else out.set(`${prefix}${name}`, e);
    }
    return out;
  }

  private buildTree(repo: Repo, flat: Map<string, TreeEntry>): string {
    const build = (prefix: string): string => {
      const entries = new Map<string, TreeEntry>();
      const dirs = new Set<string>();
      for (const [p, e] of flat) {
        if (!p.startsWith(prefix)) continue;
        const rest = p.slice(prefix.length);
        const slash = rest.indexOf('/');
        if (slash < 0) entries.set(rest, e);
        else dirs.add(rest.slice(0, slash));
      }
      for (const d of dirs) entries.set(d, { mode: '040000', type: 'tree', sha: build(`${prefix}${d}/`) });
      return this.putTree(repo, entries);
    };
    return build('');
  }

  private resolveTreeish(repo: Repo, ref: string): string {
    const sha = repo.refs.get(`refs/heads/${ref}`) ?? ref;
    const o = repo.objects.get(sha);
    if (o?.type === 'commit') return o.tree;
    if (o?.type === 'tree') return sha;
    throw new HttpError(404, 'Not Found');
  }

  // ---- REST ----

  private rest(req: IncomingMessage, route: string, p: Record<string, string>, body: any, q: URLSearchParams, url: URL): { status: number; body: unknown; headers?: Record<string, string> } {
    const t = this.auth(req);
    if (route === 'GET /users/{username}') {
      const id = this.users.get(p.username!.toLowerCase());
      if (id === undefined) throw new HttpError(404, 'Not Found');
      return { status: 200, body: { login: p.username, id, type: 'User' } };
    }
    const repo = this.repo(`${p.owner}/${p.repo}`);
    const full = `${repo.owner}/${repo.name}`;
    const W = t.permissions;
    switch (route) {
      case 'GET /repos/{owner}/{repo}':
        return {
          status: 200,
          body: {
            id: repo.id, name: repo.name, full_name: full, owner: { login: repo.owner }, private: true, default_branch: repo.defaultBranch, html_url: `https://github.com/${full}`,
            permissions: { admin: W.administration === 'write', maintain: false, push: W.contents === 'write', triage: false, pull: true },
          },
        };
      case 'GET /repos/{owner}/{repo}/git/ref/{ref}': {
        this.need(t, 'contents', 'read');
        const sha = repo.refs.get(`refs/${p.ref}`);
        if (!sha) throw new HttpError(404, 'Not Found');
        return { status: 200, body: { ref: `refs/${p.ref}`, node_id: 'REF', url: '', object: { sha, type: 'commit', url: '' } } };
      }
      case 'GET /repos/{owner}/{repo}/branches/{branch}': {
        this.need(t, 'metadata', 'read');
        const sha = repo.refs.get(`refs/heads/${p.branch}`);
        if (!sha) throw new HttpError(404, 'Branch not found');
        return { status: 200, body: { name: p.branch, commit: { sha }, protected: repo.protectedBranches.has(p.branch!), _links: { html: `https://github.com/${full}/tree/${p.branch}` } } };
      }
      case 'POST /repos/{owner}/{repo}/git/refs': {
        this.need(t, 'contents', 'write');
        if (repo.refs.has(body.ref)) throw new HttpError(422, 'Reference already exists');
        if (repo.objects.get(body.sha)?.type !== 'commit') throw new HttpError(422, 'Object does not exist');
        repo.refs.set(body.ref, body.sha);
        return { status: 201, body: { ref: body.ref, object: { sha: body.sha, type: 'commit' } } };
      }
      case 'PATCH /repos/{owner}/{repo}/git/refs/{ref}': {
        this.need(t, 'contents', 'write');
        const name = `refs/${p.ref}`;
        const cur = repo.refs.get(name);
        if (!cur) throw new HttpError(422, 'Reference does not exist');
        if (!body.force && !this.isAncestor(repo, cur, body.sha)) throw new HttpError(422, 'Update is not a fast forward');
        this.checkWorkflows(t, repo, cur, body.sha);
        repo.refs.set(name, body.sha);
        return { status: 200, body: { ref: name, object: { sha: body.sha, type: 'commit' } } };
      }
      case 'GET /repos/{owner}/{repo}/git/trees/{tree_sha}': {
        this.need(t, 'contents', 'read');
        const sha = this.resolveTreeish(repo, p.tree_sha!);
        const tree = q.get('recursive') ? [...this.flatten(repo, sha)] : [...(repo.objects.get(sha) as Extract<GitObject, { type: 'tree' }>).entries];
        return {
          status: 200,
          body: { sha, truncated: false, tree: tree.map(([path, e]) => ({ path, mode: e.mode, type: e.type, sha: e.sha, ...(e.type === 'blob' ? { size: (repo.objects.get(e.sha) as { content: Buffer }).content.length } : {}) })) },
        };
      }
      case 'GET /repos/{owner}/{repo}/git/blobs/{file_sha}': {
        this.need(t, 'contents', 'read');
        const b = repo.objects.get(p.file_sha!);
        if (b?.type !== 'blob') throw new HttpError(404, 'Not Found');
        return { status: 200, body: { sha: p.file_sha, size: b.content.length, encoding: 'base64', content: b.content.toString('base64') } };
      }
      case 'GET /repos/{owner}/{repo}/git/commits/{commit_sha}': {
        this.need(t, 'contents', 'read');
        const c = this.commitOf(repo, p.commit_sha!);
        return { status: 200, body: { sha: p.commit_sha, tree: { sha: c.tree }, parents: c.parents.map((s) => ({ sha: s })), message: c.message } };
      }
      case 'GET /repos/{owner}/{repo}/commits': {
        this.need(t, 'contents', 'read');
        const sha = repo.refs.get(`refs/heads/${q.get('sha') ?? repo.defaultBranch}`);
        if (!sha) throw new HttpError(404, 'Not Found');
        return { status: 200, body: [{ sha, commit: { tree: { sha: this.commitOf(repo, sha).tree } } }] };
      }
      case 'POST /repos/{owner}/{repo}/git/blobs': {
        this.need(t, 'contents', 'write');
        const sha = this.putBlob(repo, Buffer.from(body.content, body.encoding === 'base64' ? 'base64' : 'utf8'));
        return { status: 201, body: { sha, url: '' } };
      }
      case 'POST /repos/{owner}/{repo}/git/trees': {
        this.need(t, 'contents', 'write');
        const flat = body.base_tree ? this.flatten(repo, this.resolveTreeish(repo, body.base_tree)) : new Map<string, TreeEntry>();
        for (const e of body.tree as { path: string; mode: string; type: 'blob'; sha?: string | null; content?: string }[]) {
          if (e.sha === null) flat.delete(e.path);
          else if (e.content !== undefined) flat.set(e.path, { mode: e.mode, type: 'blob', sha: this.putBlob(repo, Buffer.from(e.content, 'utf8')) });
          else if (e.sha && repo.objects.has(e.sha)) flat.set(e.path, { mode: e.mode, type: e.type, sha: e.sha });
          else throw new HttpError(422, `tree.sha ${e.sha} is not a valid blob`);
        }
        const sha = this.buildTree(repo, flat);
        return { status: 201, body: { sha, truncated: false, tree: [] } };
      }
      case 'POST /repos/{owner}/{repo}/git/commits': {
        this.need(t, 'contents', 'write');
        if (repo.objects.get(body.tree)?.type !== 'tree') throw new HttpError(422, 'Tree SHA does not exist');
        const sha = this.putCommit(repo, body.tree, body.parents ?? [], body.message);
        return { status: 201, body: { sha, tree: { sha: body.tree }, parents: (body.parents ?? []).map((s: string) => ({ sha: s })) } };
      }
      case 'GET /repos/{owner}/{repo}/pulls': {
        this.need(t, 'pull_requests', 'read');
        const state = q.get('state') ?? 'open';
        const head = q.get('head');
        const list = repo.pulls.filter((pr) => (state === 'all' || pr.state === state) && (!head || `${repo.owner}:${pr.head}`.toLowerCase() === head.toLowerCase()) && (!q.get('base') || pr.base === q.get('base')));
        return this.paged(list.map((pr) => this.prJson(repo, pr)), q, url);
      }
      case 'POST /repos/{owner}/{repo}/pulls': {
        this.need(t, 'pull_requests', 'write');
        const head = String(body.head).replace(new RegExp(`^${repo.owner}:`, 'i'), '');
        if (!repo.refs.has(`refs/heads/${head}`)) throw new HttpError(422, 'Validation Failed', {}, { errors: [{ resource: 'PullRequest', field: 'head', code: 'invalid' }] });
        if (!repo.refs.has(`refs/heads/${body.base}`)) throw new HttpError(422, 'Validation Failed', {}, { errors: [{ resource: 'PullRequest', field: 'base', code: 'invalid' }] });
        if (repo.pulls.some((pr) => pr.state === 'open' && pr.head === head)) throw new HttpError(422, 'Validation Failed', {}, { errors: [{ resource: 'PullRequest', code: 'custom', message: `A pull request already exists for ${repo.owner}:${head}.` }] });
        if (repo.refs.get(`refs/heads/${head}`) === repo.refs.get(`refs/heads/${body.base}`)) throw new HttpError(422, 'Validation Failed', {}, { errors: [{ resource: 'PullRequest', code: 'custom', message: `No commits between ${body.base} and ${head}` }] });
        const pr: PullRequest = { number: this.nextNumber(repo), title: body.title, body: body.body ?? null, head, base: body.base, state: 'open', labels: [], draft: Boolean(body.draft), user: actorOf(t.login, t.type) };
        repo.pulls.push(pr);
        return { status: 201, body: this.prJson(repo, pr) };
      }
      case 'PATCH /repos/{owner}/{repo}/pulls/{pull_number}': {
        this.need(t, 'pull_requests', 'write');
        const pr = repo.pulls.find((x) => x.number === Number(p.pull_number));
        if (!pr) throw new HttpError(404, 'Not Found');
        if (body.title !== undefined) pr.title = body.title;
        if (body.body !== undefined) pr.body = body.body;
        if (body.state !== undefined) pr.state = body.state;
        return { status: 200, body: this.prJson(repo, pr) };
      }
      case 'POST /repos/{owner}/{repo}/issues/{issue_number}/labels': {
        this.need(t, 'issues', 'write');
        const pr = repo.pulls.find((x) => x.number === Number(p.issue_number)) ?? repo.issues.find((x) => x.number === Number(p.issue_number));
        if (!pr) throw new HttpError(404, 'Not Found');
        for (const l of body.labels as string[]) {
          repo.labels.add(l);
          if (!pr.labels.includes(l)) pr.labels.push(l);
        }
        return { status: 200, body: pr.labels.map((name) => ({ name })) };
      }
      case 'GET /repos/{owner}/{repo}/environments/{environment_name}': {
        this.need(t, 'environments', 'read');
        const env = repo.environments.get(p.environment_name!);
        if (!env) throw new HttpError(404, 'Not Found');
        return { status: 200, body: this.envJson(env) };
      }
      case 'PUT /repos/{owner}/{repo}/environments/{environment_name}': {
        this.need(t, 'administration', 'write');
        for (const r of body?.reviewers ?? []) if (![...this.users.values()].includes(r.id)) throw new HttpError(422, `reviewer ${r.id} does not exist`);
        const env = repo.environments.get(p.environment_name!) ?? { name: p.environment_name!, reviewers: [], deployment_branch_policy: null, variables: new Map() };
        env.reviewers = body?.reviewers ?? env.reviewers;
        if (body && 'deployment_branch_policy' in body) env.deployment_branch_policy = body.deployment_branch_policy;
        repo.environments.set(env.name, env);
        return { status: 200, body: this.envJson(env) };
      }
    }
    const published = this.publishedRest(t, repo, route, p, body, q, url) ?? this.checksRest(t, repo, route, p, body, q, url);
    if (published) return published;
    const vm = /^(GET|POST|PATCH) \/repos\/\{owner\}\/\{repo\}(\/environments\/\{environment_name\})?\/(?:actions\/)?variables(\/\{name\})?$/.exec(route);
    if (vm) {
      this.need(t, vm[2] ? 'environments' : 'variables', vm[1] === 'GET' ? 'read' : 'write');
      const store = vm[2] ? repo.environments.get(p.environment_name!)?.variables : repo.variables;
      if (!store) throw new HttpError(404, 'Not Found');
      const name = (p.name ?? body?.name ?? '').toUpperCase();
      if (vm[1] === 'GET') {
        if (!store.has(name)) throw new HttpError(404, 'Not Found');
        return { status: 200, body: { name, value: store.get(name), created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z' } };
      }
      if (vm[1] === 'POST') {
        if (store.has(name)) throw new HttpError(409, 'Already exists');
        store.set(name, body.value);
        return { status: 201, body: {} };
      }
      if (!store.has(name)) throw new HttpError(404, 'Not Found');
      store.set(name, body.value ?? store.get(name));
      return { status: 204, body: undefined };
    }
    this.violations.push(`${route}: a valid GitHub operation the double does not implement`);
    throw new HttpError(501, `the double does not implement ${route}`);
  }

  // ---- what the runtime publishes: issues, comments, deployments, pull requests of a commit, workflow runs ----

  private publishedRest(t: { login: string; type: Actor['type']; permissions: TokenPermissions }, repo: Repo, route: string, p: Record<string, string>, body: any, q: URLSearchParams, url: URL): { status: number; body: unknown; headers?: Record<string, string> } | undefined {
    const me = actorOf(t.login, t.type);
    // An issue's number or a pull request's: comments and labels take either (pull requests need their own permission).
    const thread = (n: string | undefined, level: 'read' | 'write') => {
      const pr = repo.pulls.find((x) => x.number === Number(n));
      const issue = repo.issues.find((x) => x.number === Number(n));
      if (!pr && !issue) throw new HttpError(404, 'Not Found');
      this.need(t, pr ? 'pull_requests' : 'issues', level);
      return { number: Number(n), pr, issue };
    };
    const findComment = (id: string | undefined) => {
      for (const [number, list] of repo.comments) {
        const c = list.find((x) => x.id === Number(id));
        if (c) return { number, c };
      }
      throw new HttpError(404, 'Not Found');
    };
    switch (route) {
      case 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments': {
        const th = thread(p.issue_number, 'read');
        return this.paged((repo.comments.get(th.number) ?? []).map((c) => this.commentJson(repo, th.number, c)), q, url);
      }
      case 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments': {
        const th = thread(p.issue_number, 'write');
        const at = this.now();
        const c: IssueComment = { id: this.nextId++, body: body.body, user: me, created_at: at, updated_at: at };
        repo.comments.set(th.number, [...(repo.comments.get(th.number) ?? []), c]);
        return { status: 201, body: this.commentJson(repo, th.number, c) };
      }
      case 'GET /repos/{owner}/{repo}/issues/comments/{comment_id}': {
        const { number, c } = findComment(p.comment_id);
        thread(String(number), 'read');
        return { status: 200, body: this.commentJson(repo, number, c) };
      }
      case 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}': {
        const { number, c } = findComment(p.comment_id);
        thread(String(number), 'write');
        // Only its author edits a comment (a person's is never the bot's to change).
        if (c.user.login.toLowerCase() !== t.login.toLowerCase()) throw new HttpError(403, 'Resource not accessible by integration');
        c.body = body.body;
        c.updated_at = this.now();
        return { status: 200, body: this.commentJson(repo, number, c) };
      }
      case 'GET /repos/{owner}/{repo}/issues': {
        this.need(t, 'issues', 'read');
        const state = q.get('state') ?? 'open';
        const labels = (q.get('labels') ?? '').split(',').map((l) => l.trim()).filter(Boolean);
        const creator = q.get('creator');
        // GitHub lists pull requests among the issues (with a pull_request key), newest first.
        const all = [...repo.issues.map((i) => ({ n: i.number, json: this.issueJson(repo, i), state: i.state, labels: i.labels, user: i.user })), ...repo.pulls.map((pr) => ({ n: pr.number, json: this.prAsIssueJson(repo, pr), state: pr.state, labels: pr.labels, user: pr.user ?? actorOf('opsta-user') }))];
        const list = all
          .filter((x) => (state === 'all' || x.state === state) && labels.every((l) => x.labels.some((have) => have.toLowerCase() === l.toLowerCase())) && (!creator || x.user.login.toLowerCase() === creator.toLowerCase()))
          .sort((a, b) => b.n - a.n)
          .map((x) => x.json);
        return this.paged(list, q, url);
      }
      case 'POST /repos/{owner}/{repo}/issues': {
        this.need(t, 'issues', 'write');
        const labels = ((body.labels ?? []) as (string | { name?: string })[]).map((l) => (typeof l === 'string' ? l : String(l.name)));
        for (const l of labels) repo.labels.add(l);
        const i: Issue = { id: this.nextId++, number: this.nextNumber(repo), title: String(body.title), body: body.body ?? null, state: 'open', state_reason: null, labels, user: me, created_at: this.now() };
        repo.issues.push(i);
        return { status: 201, body: this.issueJson(repo, i) };
      }
      case 'GET /repos/{owner}/{repo}/issues/{issue_number}': {
        const th = thread(p.issue_number, 'read');
        return { status: 200, body: th.issue ? this.issueJson(repo, th.issue) : this.prAsIssueJson(repo, th.pr!) };
      }
      case 'PATCH /repos/{owner}/{repo}/issues/{issue_number}': {
        const th = thread(p.issue_number, 'write');
        const target = (th.issue ?? th.pr)!;
        if (body.title !== undefined && body.title !== null) target.title = String(body.title);
        if (body.body !== undefined) target.body = body.body;
        if (body.labels !== undefined && body.labels !== null) target.labels = (body.labels as (string | { name?: string })[]).map((l) => (typeof l === 'string' ? l : String(l.name)));
        if (body.state === 'open' || body.state === 'closed') target.state = body.state;
        if (th.issue) {
          if (body.state === 'open') th.issue.state_reason = body.state_reason ?? 'reopened';
          else if (body.state === 'closed') th.issue.state_reason = body.state_reason ?? 'completed';
          else if (body.state_reason !== undefined) th.issue.state_reason = body.state_reason;
        }
        return { status: 200, body: th.issue ? this.issueJson(repo, th.issue) : this.prAsIssueJson(repo, th.pr!) };
      }
      case 'GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls': {
        this.need(t, 'contents', 'read');
        this.need(t, 'pull_requests', 'read');
        const sha = repo.refs.get(`refs/heads/${p.commit_sha}`) ?? p.commit_sha!;
        if (repo.objects.get(sha)?.type !== 'commit') throw new HttpError(422, `No commit found for SHA: ${p.commit_sha}`);
        const base = repo.refs.get(`refs/heads/${repo.defaultBranch}`);
        // On the default branch: the merged pull request(s) that brought it; elsewhere open ones too.
        const onDefault = base ? this.ancestors(repo, base).has(sha) : false;
        const list = repo.pulls.filter((pr) => (pr.merge_commit_sha === sha || this.prCommits(repo, pr).includes(sha)) && (!onDefault || pr.merged_at));
        return this.paged(list.map((pr) => this.prJson(repo, pr)), q, url);
      }
      case 'GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs': {
        this.need(t, 'actions', 'read');
        const status = q.get('status');
        const list = repo.runs
          .filter((r) => r.workflow === p.workflow_id || String(this.workflowId(repo, r.workflow)) === p.workflow_id)
          .filter((r) => (!q.get('head_sha') || r.head_sha === q.get('head_sha')) && (!q.get('event') || r.event === q.get('event')) && (!q.get('branch') || r.head_branch === q.get('branch')))
          // status= takes a status or a conclusion, as GitHub's does.
          .filter((r) => !status || r.status === status || r.conclusion === status)
          .sort((a, b) => b.id - a.id);
        const page = this.paged(list.map((r) => this.runJson(repo, r, q.get('exclude_pull_requests') === 'true')), q, url);
        return { status: 200, body: { total_count: list.length, workflow_runs: page.body }, ...(page.headers ? { headers: page.headers } : {}) };
      }
      case 'GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts': {
        this.need(t, 'actions', 'read');
        const run = repo.runs.find((r) => String(r.id) === p.run_id);
        if (!run) throw new HttpError(404, 'Not Found');
        // name= is an exact match, as GitHub's is; newest first.
        const list = (this.runArtifacts.get(run.id) ?? []).filter((a) => !q.get('name') || a.name === q.get('name')).sort((a, b) => b.id - a.id);
        const page = this.paged(list.map((a) => this.artifactJson(repo, run, a)), q, url);
        return { status: 200, body: { total_count: list.length, artifacts: page.body }, ...(page.headers ? { headers: page.headers } : {}) };
      }
      case 'GET /repos/{owner}/{repo}/deployments': {
        this.need(t, 'deployments', 'read');
        const list = repo.deployments
          .filter((d) => (!q.get('sha') || d.sha === q.get('sha')) && (!q.get('ref') || d.ref === q.get('ref')) && (!q.get('environment') || d.environment === q.get('environment')) && (!q.get('task') || d.task === q.get('task')))
          .sort((a, b) => b.id - a.id);
        return this.paged(list.map((d) => this.deploymentJson(repo, d)), q, url);
      }
      case 'POST /repos/{owner}/{repo}/deployments': {
        this.need(t, 'deployments', 'write');
        const ref = String(body.ref);
        const sha = repo.refs.get(`refs/heads/${ref}`) ?? repo.refs.get(`refs/tags/${ref}`) ?? (repo.objects.get(ref)?.type === 'commit' ? ref : undefined);
        if (!sha) throw new HttpError(422, `No ref found for: ${ref}`);
        const d: Deployment = {
          id: this.nextId++, sha, ref, task: body.task ?? 'deploy', environment: body.environment ?? 'production', payload: typeof body.payload === 'string' ? JSON.parse(body.payload || '{}') : (body.payload ?? {}),
          description: body.description ?? null, transient_environment: Boolean(body.transient_environment), creator: me, created_at: this.now(), statuses: [],
        };
        repo.deployments.push(d);
        return { status: 201, body: this.deploymentJson(repo, d) };
      }
      case 'GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses': {
        this.need(t, 'deployments', 'read');
        const d = repo.deployments.find((x) => x.id === Number(p.deployment_id));
        if (!d) throw new HttpError(404, 'Not Found');
        return this.paged([...d.statuses].reverse().map((s) => this.statusJson(repo, d, s)), q, url);
      }
      case 'POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses': {
        this.need(t, 'deployments', 'write');
        const d = repo.deployments.find((x) => x.id === Number(p.deployment_id));
        if (!d) throw new HttpError(404, 'Not Found');
        const s: DeploymentStatus = { id: this.nextId++, state: body.state, description: body.description ?? '', log_url: body.log_url ?? '', environment_url: body.environment_url ?? '', creator: me, created_at: this.now() };
        d.statuses.push(s);
        return { status: 201, body: this.statusJson(repo, d, s) };
      }
    }
    return undefined;
  }

  // ---- check runs (the plan's per stage, the budget's): created, updated, listed by commit, annotations appended ----

  private checksRest(t: { login: string; type: Actor['type']; permissions: TokenPermissions }, repo: Repo, route: string, p: Record<string, string>, body: any, q: URLSearchParams, url: URL): { status: number; body: unknown; headers?: Record<string, string> } | undefined {
    const find = () => {
      const c = repo.checkRuns.find((x) => x.id === Number(p.check_run_id));
      if (!c) throw new HttpError(404, 'Not Found');
      return c;
    };
    const app = t.type === 'Bot' ? 'github-actions' : `${t.login}-app`;
    // What GitHub checks beyond the body's schema: a completed run has a conclusion; an output has a title and a summary.
    const apply = (c: CheckRun) => {
      for (const k of ['name', 'external_id', 'details_url'] as const) if (body[k] !== undefined) c[k] = body[k];
      if (body.conclusion !== undefined) (c.conclusion = body.conclusion), (c.status = 'completed'), (c.completed_at = body.completed_at ?? this.now());
      else if (body.status !== undefined) c.status = body.status;
      if (c.status === 'completed' && !c.conclusion) throw new HttpError(422, 'Invalid request.\n\nNo conclusion given for a completed check run.');
      if (body.output) {
        if (typeof body.output.title !== 'string' || typeof body.output.summary !== 'string') throw new HttpError(422, 'Invalid request.\n\n"title" and "summary" are required in an output.');
        c.output = { title: body.output.title, summary: body.output.summary, text: body.output.text ?? c.output.text };
        for (const a of body.output.annotations ?? []) c.annotations.push({ path: a.path, start_line: a.start_line, end_line: a.end_line, annotation_level: a.annotation_level, title: a.title ?? null, message: a.message, raw_details: a.raw_details ?? null });
      }
    };
    switch (route) {
      case 'POST /repos/{owner}/{repo}/check-runs': {
        this.need(t, 'checks', 'write');
        if (repo.objects.get(body.head_sha)?.type !== 'commit') throw new HttpError(422, `No commit found for SHA: ${body.head_sha}`);
        const at = this.now();
        const c: CheckRun = { id: this.nextId++, name: body.name, head_sha: body.head_sha, external_id: null, status: 'queued', conclusion: null, details_url: null, output: { title: null, summary: null, text: null }, annotations: [], app, started_at: body.started_at ?? at, completed_at: null };
        apply(c);
        repo.checkRuns.push(c);
        return { status: 201, body: this.checkRunJson(repo, c) };
      }
      case 'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}': {
        this.need(t, 'checks', 'write');
        const c = find();
        // An app updates only its own check runs.
        if (c.app !== app) throw new HttpError(403, 'Resource not accessible by integration');
        apply(c);
        return { status: 200, body: this.checkRunJson(repo, c) };
      }
      case 'GET /repos/{owner}/{repo}/check-runs/{check_run_id}':
        this.need(t, 'checks', 'read');
        return { status: 200, body: this.checkRunJson(repo, find()) };
      case 'GET /repos/{owner}/{repo}/check-runs/{check_run_id}/annotations': {
        this.need(t, 'checks', 'read');
        const c = find();
        return this.paged(c.annotations.map((a) => ({ ...a, start_column: null, end_column: null, blob_href: `https://github.com/${repo.owner}/${repo.name}/blob/${c.head_sha}/${a.path}` })), q, url);
      }
      case 'GET /repos/{owner}/{repo}/commits/{ref}/check-runs': {
        this.need(t, 'checks', 'read');
        const sha = repo.refs.get(`refs/heads/${p.ref}`) ?? p.ref!;
        if (repo.objects.get(sha)?.type !== 'commit') throw new HttpError(422, `No commit found for SHA: ${p.ref}`);
        let list = repo.checkRuns.filter((c) => c.head_sha === sha && (!q.get('check_name') || c.name === q.get('check_name')) && (!q.get('status') || c.status === q.get('status')) && (!q.get('app_id') || q.get('app_id') === String(this.appId(c.app))));
        // filter=latest (the default): the newest check run of each name (per app).
        if ((q.get('filter') ?? 'latest') === 'latest') list = list.filter((c) => !list.some((o) => o.name === c.name && o.app === c.app && o.id > c.id));
        list = [...list].sort((a, b) => b.id - a.id);
        const page = this.paged(list.map((c) => this.checkRunJson(repo, c)), q, url);
        return { status: 200, body: { total_count: list.length, check_runs: page.body }, ...(page.headers ? { headers: page.headers } : {}) };
      }
    }
    return undefined;
  }

  private appId(app: string): number {
    return app === 'github-actions' ? 15368 : 90_000 + [...app].reduce((n, ch) => n + ch.charCodeAt(0), 0);
  }

  private checkRunJson(repo: Repo, c: CheckRun) {
    return {
      id: c.id, node_id: `CR_${c.id}`, name: c.name, head_sha: c.head_sha, external_id: c.external_id, status: c.status, conclusion: c.conclusion, details_url: c.details_url, started_at: c.started_at, completed_at: c.completed_at,
      html_url: `https://github.com/${repo.owner}/${repo.name}/runs/${c.id}`, url: `${this.apiUrl}/repos/${repo.owner}/${repo.name}/check-runs/${c.id}`,
      output: { ...c.output, annotations_count: c.annotations.length, annotations_url: `${this.apiUrl}/repos/${repo.owner}/${repo.name}/check-runs/${c.id}/annotations` },
      app: { id: this.appId(c.app), slug: c.app, name: c.app }, pull_requests: [],
    };
  }

  /** One page of a list, with GitHub's Link header (rel next/last/first/prev). */
  private paged<T>(items: T[], q: URLSearchParams, url: URL): { status: number; body: T[]; headers?: Record<string, string> } {
    const perPage = Math.min(100, Math.max(1, Number(q.get('per_page') ?? 30) || 30));
    const page = Math.max(1, Number(q.get('page') ?? 1) || 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const link = (n: number, rel: string) => {
      const u = new URL(`${url.pathname}${url.search}`, this.apiUrl);
      u.searchParams.set('per_page', String(perPage));
      u.searchParams.set('page', String(n));
      return `<${u.toString()}>; rel="${rel}"`;
    };
    const links = [...(page < last ? [link(page + 1, 'next'), link(last, 'last')] : []), ...(page > 1 ? [link(1, 'first'), link(page - 1, 'prev')] : [])];
    return { status: 200, body: items.slice((page - 1) * perPage, page * perPage), ...(links.length ? { headers: { link: links.join(', ') } } : {}) };
  }

  /** Issues and pull requests share one sequence of numbers. */
  private nextNumber(repo: Repo): number {
    return Math.max(0, ...repo.pulls.map((x) => x.number), ...repo.issues.map((x) => x.number)) + 1;
  }

  private now(): string {
    return new Date(this.clock++ * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  private ancestors(repo: Repo, sha: string): Set<string> {
    const seen = new Set<string>();
    for (const todo = [sha]; todo.length; ) {
      const s = todo.pop()!;
      if (seen.has(s)) continue;
      seen.add(s);
      todo.push(...this.commitOf(repo, s).parents);
    }
    return seen;
  }

  /** The pull request's commits: its head's first-parent chain down to what its base already has. */
  private prCommits(repo: Repo, pr: PullRequest): string[] {
    if (pr.associated) return pr.associated;
    const head = repo.refs.get(`refs/heads/${pr.head}`);
    const base = repo.refs.get(`refs/heads/${pr.base}`);
    if (!head) return [];
    const have = base ? this.ancestors(repo, base) : new Set<string>();
    const out: string[] = [];
    for (let s: string | undefined = head; s && !have.has(s); s = this.commitOf(repo, s).parents[0]) out.push(s);
    return out;
  }

  private workflowId(repo: Repo, file: string): number {
    return repo.id * 100 + [...new Set(repo.runs.map((r) => r.workflow))].indexOf(file) + 1;
  }

  private commentJson(repo: Repo, number: number, c: IssueComment) {
    const base = `https://github.com/${repo.owner}/${repo.name}`;
    return { id: c.id, node_id: `IC_${c.id}`, body: c.body, user: this.userJson(c.user), created_at: c.created_at, updated_at: c.updated_at, author_association: 'NONE', html_url: `${base}/issues/${number}#issuecomment-${c.id}`, issue_url: `${this.apiUrl}/repos/${repo.owner}/${repo.name}/issues/${number}`, url: `${this.apiUrl}/repos/${repo.owner}/${repo.name}/issues/comments/${c.id}` };
  }

  private userJson(a: Actor) {
    return { login: a.login, id: this.users.get(a.login.toLowerCase()) ?? 0, type: a.type };
  }

  private issueJson(repo: Repo, i: Issue) {
    return {
      id: i.id, node_id: `I_${i.id}`, number: i.number, title: i.title, body: i.body, state: i.state, state_reason: i.state_reason, labels: i.labels.map((name) => ({ name })), user: this.userJson(i.user),
      comments: repo.comments.get(i.number)?.length ?? 0, created_at: i.created_at, html_url: `https://github.com/${repo.owner}/${repo.name}/issues/${i.number}`,
    };
  }

  private prAsIssueJson(repo: Repo, pr: PullRequest) {
    const html = `https://github.com/${repo.owner}/${repo.name}/pull/${pr.number}`;
    return {
      id: 700_000 + pr.number, number: pr.number, title: pr.title, body: pr.body, state: pr.state, state_reason: null, labels: pr.labels.map((name) => ({ name })), user: this.userJson(pr.user ?? actorOf('opsta-user')),
      comments: repo.comments.get(pr.number)?.length ?? 0, html_url: html, pull_request: { url: `${this.apiUrl}/repos/${repo.owner}/${repo.name}/pulls/${pr.number}`, html_url: html, merged_at: pr.merged_at ?? null },
    };
  }

  private runJson(repo: Repo, r: WorkflowRun, excludePulls: boolean) {
    return {
      id: r.id, name: r.workflow.replace(/\.ya?ml$/, ''), path: `.github/workflows/${r.workflow}`, workflow_id: this.workflowId(repo, r.workflow), head_sha: r.head_sha, head_branch: r.head_branch, event: r.event, status: r.status, conclusion: r.conclusion,
      run_number: r.run_number, run_attempt: r.run_attempt, created_at: r.created_at, updated_at: r.run_started_at, run_started_at: r.run_started_at, html_url: `https://github.com/${repo.owner}/${repo.name}/actions/runs/${r.id}`,
      pull_requests: excludePulls ? [] : r.pull_requests.map((n) => ({ number: n, id: 700_000 + n, url: `${this.apiUrl}/repos/${repo.owner}/${repo.name}/pulls/${n}`, head: { ref: repo.pulls.find((x) => x.number === n)?.head ?? '', sha: r.head_sha }, base: { ref: repo.pulls.find((x) => x.number === n)?.base ?? repo.defaultBranch } })),
    };
  }

  private artifactJson(repo: Repo, run: WorkflowRun, a: RunArtifact) {
    const api = `${this.apiUrl}/repos/${repo.owner}/${repo.name}/actions/artifacts/${a.id}`;
    // GitHub keeps artifacts 90 days at most; the double only says whether this one still exists.
    const expires = new Date(Date.parse(a.created_at) + (a.expired ? -1 : 90) * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    return {
      id: a.id, node_id: `MDg6QXJ0aWZhY3Q${a.id}`, name: a.name, size_in_bytes: a.size_in_bytes, url: api, archive_download_url: `${api}/zip`, expired: a.expired, digest: null,
      created_at: a.created_at, updated_at: a.created_at, expires_at: expires, workflow_run: { id: run.id, repository_id: repo.id, head_repository_id: repo.id, head_branch: run.head_branch, head_sha: run.head_sha },
    };
  }

  private deploymentJson(repo: Repo, d: Deployment) {
    return { id: d.id, node_id: `DE_${d.id}`, sha: d.sha, ref: d.ref, task: d.task, environment: d.environment, payload: d.payload, description: d.description, transient_environment: d.transient_environment, creator: this.userJson(d.creator), created_at: d.created_at, updated_at: d.created_at, statuses_url: `${this.apiUrl}/repos/${repo.owner}/${repo.name}/deployments/${d.id}/statuses` };
  }

  private statusJson(repo: Repo, d: Deployment, s: DeploymentStatus) {
    return { id: s.id, state: s.state, description: s.description, log_url: s.log_url, target_url: s.log_url, environment: d.environment, environment_url: s.environment_url, creator: this.userJson(s.creator), created_at: s.created_at, updated_at: s.created_at, deployment_url: `${this.apiUrl}/repos/${repo.owner}/${repo.name}/deployments/${d.id}` };
  }

  private prJson(repo: Repo, pr: PullRequest) {
    return {
      id: 700_000 + pr.number, number: pr.number, title: pr.title, body: pr.body, state: pr.state, draft: pr.draft, html_url: `https://github.com/${repo.owner}/${repo.name}/pull/${pr.number}`,
      head: { ref: pr.head, sha: pr.head_sha ?? repo.refs.get(`refs/heads/${pr.head}`) ?? '', label: `${repo.owner}:${pr.head}` }, base: { ref: pr.base }, labels: pr.labels.map((name) => ({ name })),
      user: pr.user ?? actorOf('opsta-user'), merged_at: pr.merged_at ?? null, merge_commit_sha: pr.merge_commit_sha ?? null,
    };
  }

  private envJson(env: Environment) {
    return {
      name: env.name,
      deployment_branch_policy: env.deployment_branch_policy,
      protection_rules: env.reviewers.length ? [{ type: 'required_reviewers', reviewers: env.reviewers.map((r) => ({ type: r.type, reviewer: { id: r.id, login: [...this.users].find(([, id]) => id === r.id)?.[0] } })) }] : [],
    };
  }

  private isAncestor(repo: Repo, ancestor: string, sha: string): boolean {
    for (let s: string | undefined = sha; s; s = this.commitOf(repo, s).parents[0]) if (s === ancestor) return true;
    return false;
  }

  /** GitHub refuses a token without the workflows permission any commit that changes .github/workflows/. */
  private checkWorkflows(t: { permissions: TokenPermissions }, repo: Repo, from: string | undefined, to: string): void {
    if (t.permissions.workflows === 'write') return;
    const before = from ? this.flatten(repo, this.commitOf(repo, from).tree) : new Map<string, TreeEntry>();
    const after = this.flatten(repo, this.commitOf(repo, to).tree);
    const paths = new Set([...before.keys(), ...after.keys()].filter((p) => p.startsWith('.github/workflows/')));
    for (const p of paths) {
      if (before.get(p)?.sha !== after.get(p)?.sha) {
        throw new HttpError(403, `refusing to allow a Personal Access Token to create or update workflow \`${p}\` without \`workflows\` permission`, { 'x-accepted-github-permissions': 'workflows=write' });
      }
    }
  }

  // ---- GraphQL ----

  private parseGraphql(raw: Buffer): { document: DocumentNode; kind: 'query' | 'mutation'; variables: Record<string, unknown> } {
    let json: { query?: unknown; variables?: Record<string, unknown> };
    try {
      json = JSON.parse(raw.toString('utf8'));
    } catch {
      this.violations.push('POST /graphql: body is not JSON');
      throw new HttpError(400, 'Problems parsing JSON');
    }
    if (typeof json.query !== 'string') {
      this.violations.push('POST /graphql: no "query" string');
      throw new HttpError(400, 'A query attribute must be specified and must be a string.');
    }
    let document: DocumentNode;
    try {
      document = parse(json.query);
    } catch (e) {
      this.violations.push(`POST /graphql: ${(e as Error).message}`);
      throw new HttpError(200, 'parse error', {}, { errors: [{ message: (e as Error).message }] });
    }
    const errors = validate(githubGraphqlSchema(), document);
    if (errors.length) {
      this.violations.push(`POST /graphql: ${errors.map((e) => e.message).join('; ')}`);
      throw new HttpError(200, 'invalid', {}, { errors: errors.map((e) => ({ message: e.message })) });
    }
    const op = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
    // GitHub coerces the variables before running anything: a bad CreateCommitOnBranchInput is refused whole.
    const coerced = getVariableValues(githubGraphqlSchema(), op?.variableDefinitions ?? [], json.variables ?? {});
    if (coerced.errors?.length) {
      this.violations.push(`POST /graphql: ${coerced.errors.map((e) => e.message).join('; ')}`);
      throw new HttpError(200, 'invalid', {}, { errors: coerced.errors.map((e) => ({ message: e.message })) });
    }
    return { document, kind: op?.operation === 'mutation' ? 'mutation' : 'query', variables: json.variables ?? {} };
  }

  private graphql(req: IncomingMessage, document: DocumentNode, variables: Record<string, unknown>): { status: number; body: unknown } {
    const t = this.auth(req);
    const self = this;
    const blobJson = (repo: Repo, sha: string) => {
      const o = repo.objects.get(sha);
      if (!o) return null;
      if (o.type !== 'blob') return { __typename: o.type === 'tree' ? 'Tree' : 'Commit', oid: sha };
      const text = o.content.toString('utf8');
      return { __typename: 'Blob', oid: sha, byteSize: o.content.length, isBinary: text.includes('\0'), isTruncated: false, text: text.includes('\0') ? null : text };
    };
    const rootValue = {
      repository: ({ owner, name }: { owner: string; name: string }) => {
        this.need(t, 'contents', 'read');
        const repo = this.repos.get(`${owner}/${name}`.toLowerCase());
        if (!repo) throw Object.assign(new Error(`Could not resolve to a Repository with the name '${owner}/${name}'.`), { type: 'NOT_FOUND' });
        return {
          nameWithOwner: `${repo.owner}/${repo.name}`,
          object: ({ oid, expression }: { oid?: string; expression?: string }) => {
            if (oid) return blobJson(repo, oid);
            const [ref, path] = String(expression).split(':', 2) as [string, string];
            const head = repo.refs.get(`refs/heads/${ref}`);
            if (!head) return null;
            const e = self.flatten(repo, self.commitOf(repo, head).tree).get(path);
            return e ? blobJson(repo, e.sha) : null;
          },
        };
      },
      createCommitOnBranch: ({ input }: { input: any }) => {
        this.need(t, 'contents', 'write');
        const repo = this.repos.get(String(input.branch.repositoryNameWithOwner).toLowerCase());
        if (!repo) throw Object.assign(new Error(`Could not resolve to a Repository with the name '${input.branch.repositoryNameWithOwner}'.`), { type: 'NOT_FOUND' });
        const refName = `refs/heads/${input.branch.branchName}`;
        const head = repo.refs.get(refName);
        if (!head) throw Object.assign(new Error(`A ref named "${refName}" does not exist.`), { type: 'NOT_FOUND' });
        if (head !== input.expectedHeadOid) throw Object.assign(new Error(`Expected branch to point to "${input.expectedHeadOid}" but it did not. Pull and try again.`), { type: 'STALE_DATA' });
        const flat = this.flatten(repo, this.commitOf(repo, head).tree);
        for (const d of input.fileChanges?.deletions ?? []) {
          if (!flat.has(d.path)) throw Object.assign(new Error(`A path was requested for deletion which does not exist as of commit oid \`${head}\``), { type: 'UNPROCESSABLE' });
          flat.delete(d.path);
        }
        for (const a of input.fileChanges?.additions ?? []) flat.set(a.path, { mode: '100644', type: 'blob', sha: this.putBlob(repo, Buffer.from(a.contents, 'base64')) });
        const message = [input.message.headline, input.message.body].filter(Boolean).join('\n\n');
        const sha = this.putCommit(repo, this.buildTree(repo, flat), [head], message);
        try {
          this.checkWorkflows(t, repo, head, sha);
        } catch (e) {
          throw Object.assign(new Error((e as Error).message), { type: 'FORBIDDEN' });
        }
        repo.refs.set(refName, sha);
        return { commit: { oid: sha, url: `https://github.com/${repo.owner}/${repo.name}/commit/${sha}` }, ref: { name: input.branch.branchName } };
      },
    };
    try {
      const result = execute({ schema: githubGraphqlSchema(), document, rootValue, variableValues: variables }) as { data?: unknown; errors?: readonly GraphQLError[] };
      if (result.errors?.length) {
        const typeOf = (o: unknown) => (o instanceof HttpError ? (o.status === 403 ? 'FORBIDDEN' : 'NOT_FOUND') : (o as { type?: string } | undefined)?.type);
        return { status: 200, body: { data: result.data ?? null, errors: result.errors.map((e) => ({ type: typeOf(e.originalError), message: e.message, path: e.path })) } };
      }
      return { status: 200, body: { data: result.data } };
    } finally {
      // nothing to release: execute() is synchronous with these resolvers
    }
  }
}

function headerBytes(req: IncomingMessage): number {
  let n = `${req.method} ${req.url} HTTP/1.1\r\n`.length;
  for (let i = 0; i < req.rawHeaders.length; i += 2) n += req.rawHeaders[i]!.length + req.rawHeaders[i + 1]!.length + 4;
  return n + 2;
}
