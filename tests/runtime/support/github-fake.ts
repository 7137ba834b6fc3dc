// A stateful stand-in for the GitHub endpoints the runtime publishes to that W4's GitHub double
// (tests/support/github-double.ts) does not serve yet: issue comments, issues, deployments and
// their statuses, pull requests of a commit. It listens on 127.0.0.1 only, and every request is
// matched to an operation of GitHub's OpenAPI description and its body validated against that
// operation's schema (tests/support/github-openapi.ts); a mismatch is answered 422 and recorded
// in `violations`. Faults: the next N requests to a route answer a status (5xx, secondary limit).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { matchOperation, requestBodyProblems } from '../../support/github-openapi.ts';

interface Comment {
  id: number;
  body: string;
  user: { login: string; type: string };
}
interface Issue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  state_reason?: string | null;
  labels: { name: string }[];
  user: { login: string; type: string };
  comments: Comment[];
}
interface Deployment {
  id: number;
  sha: string;
  ref: string;
  environment: string;
  payload: unknown;
  statuses: { state: string; description?: string; log_url?: string }[];
}
interface Pull {
  number: number;
  title: string;
  head: string;
  base: string;
  body: string;
  state: 'open' | 'closed';
  merged_at: string | null;
  mergeCommitSha?: string;
}

const BOT = { login: 'github-actions[bot]', type: 'Bot' };

export class GitHubFake {
  readonly violations: string[] = [];
  /** Routes whose body schema the OpenAPI validator could not compile (so their bodies went unchecked). */
  readonly unvalidated = new Set<string>();
  readonly log: string[] = [];
  readonly issues: Issue[] = [];
  readonly deployments: Deployment[] = [];
  readonly pulls: Pull[] = [];
  /** Called before a pull request is created: the test checks the head branch exists (it lives in a real git remote). */
  headExists: (branch: string) => boolean = () => true;
  private faults: { route: string; status: number; times: number; headers?: Record<string, string> }[] = [];
  private nextId = 5000;

  private constructor(private readonly server: Server, readonly apiUrl: string, readonly token: string) {}

  static async start(token = 'test-token'): Promise<GitHubFake> {
    matchOperation('GET', '/repos/a/b'); // load GitHub's description before the first request
    let fake!: GitHubFake;
    const server = createServer((req, res) => void fake.handle(req, res));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    fake = new GitHubFake(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`, token);
    return fake;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((r) => this.server.close(() => r()));
  }

  /** The next `times` requests to `route` ("POST /repos/{owner}/{repo}/issues/{issue_number}/comments") fail with `status`. */
  inject(route: string, status: number, times = 1, headers?: Record<string, string>): void {
    this.faults.push({ route, status, times, ...(headers ? { headers } : {}) });
  }

  /** A pull request someone merged (for the revert). */
  addMergedPull(title: string, mergeCommitSha: string): void {
    this.pulls.push({ number: this.pulls.length + 1, title, head: 'feature', base: 'main', body: '', state: 'closed', merged_at: '2026-01-01T00:00:00Z', mergeCommitSha });
  }

  /** A comment a person wrote (that quotes a marker, to check it is never taken over). */
  addIssue(title: string, body: string, opts: { state?: 'open' | 'closed'; labels?: string[]; user?: { login: string; type: string } } = {}): Issue {
    const i: Issue = { number: this.issues.length + 1, title, body, state: opts.state ?? 'open', labels: (opts.labels ?? []).map((name) => ({ name })), user: opts.user ?? BOT, comments: [] };
    this.issues.push(i);
    return i;
  }

  writes(): string[] {
    return this.log.filter((l) => !l.startsWith('GET '));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? '/', this.apiUrl);
    const method = req.method ?? 'GET';
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(body === undefined ? '' : JSON.stringify(body));
    };
    const op = matchOperation(method, url.pathname);
    if (!op) {
      this.violations.push(`${method} ${url.pathname}: no such operation in GitHub's OpenAPI description`);
      return send(404, { message: 'Not Found' });
    }
    const route = `${method} ${op.template}`;
    this.log.push(route);
    if (req.headers.authorization !== `token ${this.token}` && req.headers.authorization !== `bearer ${this.token}` && req.headers.authorization !== `Bearer ${this.token}`) return send(401, { message: 'Bad credentials' });
    let body: Record<string, unknown> = {};
    if (chunks.length) {
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      } catch {
        this.violations.push(`${route}: body is not JSON`);
        return send(400, { message: 'Problems parsing JSON' });
      }
    }
    if (op.hasJsonBody) {
      let problems: string[] = [];
      try {
        problems = requestBodyProblems(method, op.template, body);
      } catch (e) {
        // The shared validator cannot compile some of GitHub's schemas yet (ajv: "nullable" without "type"): say which.
        this.unvalidated.add(`${route}: ${(e as Error).message}`);
      }
      if (problems.length) {
        this.violations.push(`${route}: ${problems.join('; ')}`);
        return send(422, { message: 'Validation Failed', errors: problems });
      }
    }
    const fault = this.faults.find((f) => f.route === route && f.times > 0);
    if (fault) {
      fault.times--;
      return send(fault.status, { message: fault.status === 403 ? 'You have exceeded a secondary rate limit' : 'Server Error' }, fault.headers);
    }
    const p = op.params;
    const issue = (n: string) => this.issues.find((i) => i.number === Number(n));
    const issueJson = (i: Issue) => ({ id: i.number * 10, number: i.number, title: i.title, body: i.body, state: i.state, state_reason: i.state_reason ?? null, labels: i.labels, user: i.user, html_url: `https://github.example/issues/${i.number}` });
    const pullJson = (pr: Pull) => ({ id: pr.number * 10, number: pr.number, title: pr.title, body: pr.body, state: pr.state, merged_at: pr.merged_at, head: { ref: pr.head }, base: { ref: pr.base }, html_url: `https://github.example/pull/${pr.number}` });
    switch (route) {
      case 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments': {
        const i = issue(p.issue_number!) ?? this.addIssue(`PR ${p.issue_number}`, '', { user: { login: 'alice', type: 'User' } });
        const perPage = Number(url.searchParams.get('per_page') ?? 30);
        const page = Number(url.searchParams.get('page') ?? 1);
        const slice = i.comments.slice((page - 1) * perPage, page * perPage);
        const headers: Record<string, string> = page * perPage < i.comments.length ? { link: `<${this.apiUrl}${url.pathname}?per_page=${perPage}&page=${page + 1}>; rel="next"` } : {};
        return send(200, slice, headers);
      }
      case 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments': {
        const i = issue(p.issue_number!) ?? this.addIssue(`PR ${p.issue_number}`, '', { user: { login: 'alice', type: 'User' } });
        const c: Comment = { id: this.nextId++, body: String(body.body), user: BOT };
        i.comments.push(c);
        return send(201, c);
      }
      case 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}': {
        const c = this.issues.flatMap((i) => i.comments).find((x) => x.id === Number(p.comment_id));
        if (!c) return send(404, { message: 'Not Found' });
        if (c.user.type !== 'Bot') return send(403, { message: 'Resource not accessible by integration' });
        c.body = String(body.body);
        return send(200, c);
      }
      case 'GET /repos/{owner}/{repo}/issues': {
        const label = url.searchParams.get('labels');
        const state = url.searchParams.get('state') ?? 'open';
        return send(200, this.issues.filter((i) => (state === 'all' || i.state === state) && (!label || i.labels.some((l) => l.name === label))).map(issueJson));
      }
      case 'POST /repos/{owner}/{repo}/issues': {
        const i = this.addIssue(String(body.title), String(body.body ?? ''), { labels: (body.labels as string[]) ?? [] });
        return send(201, issueJson(i));
      }
      case 'PATCH /repos/{owner}/{repo}/issues/{issue_number}': {
        const i = issue(p.issue_number!);
        if (!i) return send(404, { message: 'Not Found' });
        if (typeof body.body === 'string') i.body = body.body;
        if (body.state === 'open' || body.state === 'closed') i.state = body.state;
        if (body.state_reason !== undefined) i.state_reason = body.state_reason as string;
        return send(200, issueJson(i));
      }
      case 'GET /repos/{owner}/{repo}/deployments': {
        const sha = url.searchParams.get('sha');
        const env = url.searchParams.get('environment');
        return send(200, this.deployments.filter((d) => (!sha || d.sha === sha) && (!env || d.environment === env)).map((d) => ({ id: d.id, sha: d.sha, ref: d.ref, environment: d.environment, payload: d.payload })));
      }
      case 'POST /repos/{owner}/{repo}/deployments': {
        const d: Deployment = { id: this.nextId++, sha: String(body.ref), ref: String(body.ref), environment: String(body.environment), payload: body.payload ?? {}, statuses: [] };
        this.deployments.push(d);
        return send(201, { id: d.id, sha: d.sha, ref: d.ref, environment: d.environment, payload: d.payload });
      }
      case 'POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses': {
        const d = this.deployments.find((x) => x.id === Number(p.deployment_id));
        if (!d) return send(404, { message: 'Not Found' });
        d.statuses.push({ state: String(body.state), ...(body.description ? { description: String(body.description) } : {}), ...(body.log_url ? { log_url: String(body.log_url) } : {}) });
        return send(201, { id: this.nextId++, state: body.state });
      }
      case 'GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls':
        return send(200, this.pulls.filter((x) => x.mergeCommitSha === p.commit_sha).map(pullJson));
      case 'GET /repos/{owner}/{repo}/pulls': {
        const head = url.searchParams.get('head')?.split(':')[1];
        const state = url.searchParams.get('state') ?? 'open';
        return send(200, this.pulls.filter((x) => (state === 'all' || x.state === state) && (!head || x.head === head)).map(pullJson));
      }
      case 'POST /repos/{owner}/{repo}/pulls': {
        if (!this.headExists(String(body.head))) return send(422, { message: 'Validation Failed', errors: [{ field: 'head', code: 'invalid' }] });
        const pr: Pull = { number: this.pulls.length + 1, title: String(body.title), head: String(body.head), base: String(body.base), body: String(body.body ?? ''), state: 'open', merged_at: null };
        this.pulls.push(pr);
        return send(201, pullJson(pr));
      }
      default:
        this.violations.push(`${route}: not served by the fake`);
        return send(501, { message: `not served: ${route}` });
    }
  }
}
