// A small GitHub client on `fetch` (injectable): REST and GraphQL with retries on 5xx, secondary
// rate limits and dropped connections, and errors that say what to do. No Node imports, so the
// planner can use it in the browser; the executor runtime (.opsta/opsta.mjs) bundles it too. The token goes only into the Authorization header of
// requests to the API origin it was given, and is redacted from every message it builds.
import { UserError } from '../errors.ts';

export type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body?: string }) => Promise<{
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}>;

export interface GitHubClientOptions {
  /** REST root: https://api.github.com, or https://<host>/api/v3 for GitHub Enterprise Server. */
  apiUrl: string;
  token: string;
  fetch?: FetchLike;
  /** Waits between retries (tests pass a fast one and record the delays). */
  sleep?: (ms: number) => Promise<void>;
  /** Retries after the first attempt (default 4). */
  retries?: number;
  /** Called once per retry, for a progress line. */
  onRetry?: (what: string, attempt: number, delayMs: number) => void;
  /** First backoff (doubled per retry) when GitHub gives no retry-after (default 500). */
  baseDelayMs?: number;
  /**
   * Whether a POST whose answer was lost (5xx, dropped connection) is sent again (default true:
   * publish's POSTs are content-addressed git objects or refused as duplicates). A caller whose
   * POSTs create things (a comment, an issue) passes false and retries its find-then-create instead.
   */
  repeatPost?: boolean;
  /** A User-Agent header (Node; a browser sends its own). */
  userAgent?: string;
}

export interface Response<T = any> {
  status: number;
  data: T;
  headers: { get(name: string): string | null };
}

/** No answer at all (a dropped or refused connection, DNS) after the retries. */
export class GitHubUnreachable extends UserError {
  override name = 'GitHubUnreachable';
  constructor(
    message: string,
    /** What the connection said (ECONNRESET, ENOTFOUND, …). */
    readonly detail: string,
  ) {
    super(message, 2);
  }
}

/** A GitHub answer the caller may want to handle (a 404 for "branch missing", a 422 for "already exists"). */
export class GitHubError extends UserError {
  override name = 'GitHubError';
  constructor(
    message: string,
    readonly status: number,
    readonly githubMessage: string,
    readonly acceptedPermissions?: string,
    /** GitHub refused it for a rate limit (and kept refusing through the retries). */
    readonly rateLimited = false,
  ) {
    super(message, 2);
  }
}

const RETRY_STATUS = new Set([500, 502, 503, 504]);
const MAX_DELAY_MS = 60_000;

/** The GraphQL endpoint of a REST root: /graphql on api.github.com, /api/graphql on GitHub Enterprise Server. */
export function graphqlUrl(apiUrl: string): string {
  const u = apiUrl.replace(/\/+$/, '');
  return /\/api\/v3$/.test(u) ? u.replace(/\/api\/v3$/, '/api/graphql') : `${u}/graphql`;
}

/** `text` with the token (and the basic-auth forms git sends) replaced by ***. */
export function redact(text: string, token: string | undefined): string {
  if (!token || token.length < 4) return text;
  const forms = [token, encodeURIComponent(token), b64(`x-access-token:${token}`), b64(`${token}:`), b64(`${token}:x-oauth-basic`)];
  let out = text;
  for (const f of forms) out = out.split(f).join('***');
  return out;
}

function b64(s: string): string {
  const bytes = new TextEncoder().encode(s);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

const PERMISSION_NAMES: Record<string, string> = {
  contents: 'Contents', pull_requests: 'Pull requests', workflows: 'Workflows', administration: 'Administration', environments: 'Environments',
  variables: 'Variables', actions_variables: 'Variables', issues: 'Issues', metadata: 'Metadata',
};

/** "contents=write,workflows=write" → "Contents: write, Workflows: write" (the names GitHub's token settings page uses). */
export function describePermissions(header: string): string {
  return header
    .split(/[,;]\s*/)
    .filter(Boolean)
    .map((p) => {
      const [k, v] = p.split('=') as [string, string | undefined];
      return `${PERMISSION_NAMES[k.trim()] ?? k.trim()}: ${(v ?? 'read').trim()}`;
    })
    .join(', ');
}

export class GitHubClient {
  readonly apiUrl: string;
  private readonly fetch: FetchLike;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly retries: number;
  /** Requests sent (attempts included), for the report and the bench. */
  requestCount = 0;

  constructor(private readonly opts: GitHubClientOptions) {
    this.apiUrl = opts.apiUrl.replace(/\/+$/, '');
    this.fetch = opts.fetch ?? ((url, init) => globalThis.fetch(url, init));
    this.sleep = opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.retries = opts.retries ?? 4;
  }

  /** A REST call. `what` names it in messages ("read the branch main"). Non-2xx → GitHubError. */
  async rest<T = any>(method: string, path: string, what: string, body?: unknown): Promise<Response<T>> {
    return this.send<T>(method, `${this.apiUrl}${path}`, what, body === undefined ? undefined : JSON.stringify(body));
  }

  /**
   * Every page of a list (GitHub's Link header, rel="next"); `key` names the array of a wrapped
   * list ("workflow_runs"). The next page must be on the API's origin: the token goes nowhere else.
   */
  async paginate<T = any>(path: string, what: string, key?: string): Promise<T[]> {
    const out: T[] = [];
    const origin = new URL(this.apiUrl).origin;
    for (let url: string | undefined = `${this.apiUrl}${path}`; url; ) {
      const r: Response = await this.send('GET', url, what, undefined);
      const items = key ? r.data?.[key] : r.data;
      if (!Array.isArray(items)) throw new GitHubError(this.clean(`cannot ${what}: GitHub's answer is not a list${key ? ` of ${key}` : ''}`), r.status, '');
      out.push(...(items as T[]));
      const next = /<([^>]+)>;\s*rel="next"/.exec(r.headers.get('link') ?? '')?.[1];
      if (next && new URL(next).origin !== origin) throw new GitHubError(this.clean(`cannot ${what}: GitHub's next page is on another origin (${new URL(next).origin})`), r.status, '');
      url = next;
    }
    return out;
  }

  /**
   * A GraphQL call; its `errors` are returned for the caller to read. GitHub's GraphQL rate limit
   * answers 200 with an error of type RATE_LIMITED and applies nothing (a mutation included), so
   * that one is retried here like a REST rate limit, waiting until x-ratelimit-reset when given.
   */
  async graphql<T = any>(query: string, variables: Record<string, unknown>, what: string): Promise<{ data: T; errors?: { type?: string; message: string }[] }> {
    const body = JSON.stringify({ query, variables });
    for (let attempt = 0; ; attempt++) {
      const r = await this.send<{ data: T; errors?: { type?: string; message: string }[] }>('POST', graphqlUrl(this.apiUrl), what, body);
      const limited = r.data?.errors?.find((e) => e?.type === 'RATE_LIMITED');
      if (!limited) return r.data;
      if (attempt < this.retries) {
        await this.wait(what, attempt, this.rateLimitDelay(r.headers, true));
        continue;
      }
      throw new GitHubError(this.clean(`cannot ${what}: GitHub's rate limit still applies after ${this.retries + 1} attempts (RATE_LIMITED: ${limited.message}); wait a few minutes and run again`), r.status, this.clean(limited.message), undefined, true);
    }
  }

  /**
   * How long a rate-limited answer asks to wait: retry-after, else until x-ratelimit-reset when
   * nothing remains, else (a bare 429, or a secondary limit without retry-after) the minute
   * GitHub's documentation asks for; undefined when not rate-limited at all.
   */
  private rateLimitDelay(headers: { get(name: string): string | null }, limited: boolean): number | undefined {
    if (!limited) return undefined;
    const retryAfter = headers.get('retry-after');
    if (retryAfter !== null && Number.isFinite(Number(retryAfter))) return Number(retryAfter) * 1000;
    const reset = headers.get('x-ratelimit-reset');
    if (headers.get('x-ratelimit-remaining') === '0' && reset !== null) {
      const ms = Number(reset) * 1000 - Date.now();
      // A reset already past (clocks disagree): a short wait, then ask again.
      return Number.isFinite(ms) ? Math.max(1000, ms) : MAX_DELAY_MS;
    }
    return MAX_DELAY_MS;
  }

  private async send<T>(method: string, url: string, what: string, body: string | undefined): Promise<Response<T>> {
    const headers: Record<string, string> = {
      accept: 'application/vnd.github+json',
      authorization: `Bearer ${this.opts.token}`,
      'x-github-api-version': '2022-11-28',
      ...(this.opts.userAgent ? { 'user-agent': this.opts.userAgent } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json; charset=utf-8' } : {}),
    };
    for (let attempt = 0; ; attempt++) {
      let res: Awaited<ReturnType<FetchLike>>;
      let text: string;
      try {
        this.requestCount++;
        res = await this.fetch(url, { method, headers, ...(body !== undefined ? { body } : {}) });
        text = await res.text();
      } catch (e) {
        // A dropped connection (ECONNRESET), a refused one, a DNS failure: retry, then say where.
        if (attempt < this.retries && (method !== 'POST' || this.opts.repeatPost !== false)) {
          await this.wait(what, attempt, undefined);
          continue;
        }
        const cause = (e as { cause?: { code?: string; message?: string } }).cause;
        const detail = this.clean(String(cause?.code ?? cause?.message ?? (e as Error).message));
        throw new GitHubUnreachable(this.clean(`cannot ${what}: no answer from ${new URL(url).origin} (${detail}) after ${attempt + 1} attempts; check --api-url and the network, then run again`), detail);
      }
      let data: any;
      try {
        data = text ? JSON.parse(text) : undefined;
      } catch {
        data = text;
      }
      const ghMessage = typeof data?.message === 'string' ? data.message : '';
      const retryAfter = res.headers.get('retry-after');
      // A 429 is always a rate limit; a 403 is one when GitHub says so (retry-after, the message, nothing remaining).
      const secondary = res.status === 429 || (res.status === 403 && (retryAfter !== null || /secondary rate limit|abuse/i.test(ghMessage)));
      const primary = (res.status === 403 || res.status === 429) && res.headers.get('x-ratelimit-remaining') === '0';
      const limited = secondary || primary;
      const repeat = limited || (RETRY_STATUS.has(res.status) && (method !== 'POST' || this.opts.repeatPost !== false));
      if (repeat && attempt < this.retries) {
        await this.wait(what, attempt, this.rateLimitDelay(res.headers, limited));
        continue;
      }
      if (res.status >= 200 && res.status < 300) return { status: res.status, data: data as T, headers: res.headers };
      throw this.error(res.status, what, ghMessage, data, res.headers.get('x-accepted-github-permissions') ?? undefined, limited);
    }
  }

  private async wait(what: string, attempt: number, delayMs: number | undefined): Promise<void> {
    const backoff = Math.min(MAX_DELAY_MS, Number.isFinite(delayMs) && delayMs! > 0 ? delayMs! : (this.opts.baseDelayMs ?? 500) * 2 ** attempt);
    this.opts.onRetry?.(what, attempt + 1, backoff);
    await this.sleep(backoff);
  }

  private error(status: number, what: string, ghMessage: string, data: any, accepted: string | undefined, rateLimited: boolean): GitHubError {
    const details = Array.isArray(data?.errors) ? data.errors.map((e: any) => e?.message ?? [e?.field, e?.code].filter(Boolean).join(' ')).filter(Boolean).join('; ') : '';
    const said = [ghMessage, details].filter(Boolean).join(': ');
    let msg: string;
    if (status === 401) msg = `cannot ${what}: GitHub refused the token (401 ${said || 'Bad credentials'}); set GITHUB_TOKEN or GH_TOKEN to a valid, unexpired token`;
    else if (rateLimited) msg = `cannot ${what}: GitHub's rate limit still applies after ${this.retries + 1} attempts (${status} ${said}); wait a few minutes and run again`;
    else if (status === 403) {
      msg = accepted
        ? `cannot ${what}: the token lacks the permission ${describePermissions(accepted)} (403 ${said}); give the fine-grained token that permission on this repository, or use a token that has it`
        : `cannot ${what}: GitHub refused it (403 ${said}); check that the token may write to this repository (Contents, Pull requests and Workflows: write)`;
    } else if (status === 404) msg = `cannot ${what}: not found (404); check the name, and that the token can see the repository (a fine-grained token must list it)`;
    else if (status === 409 || status === 422) msg = `cannot ${what}: GitHub refused it (${status} ${said}); ${refusalFix(status, said)}`;
    else msg = `cannot ${what}: GitHub answered ${status}${said ? ` (${said})` : ''} after ${this.retries + 1} attempts; try again later`;
    return new GitHubError(this.clean(msg), status, this.clean(said), accepted, rateLimited);
  }

  /** Redact the token, and cap GitHub's text so a huge error page does not flood the terminal. */
  private clean(s: string): string {
    const r = redact(s, this.opts.token);
    return r.length > 600 ? `${r.slice(0, 600)}…` : r;
  }
}

/**
 * What to do about a 409 or 422, from what GitHub said: the status alone covers an empty
 * repository, a branch that moved meanwhile, a protection rule and a request GitHub found invalid.
 */
export function refusalFix(status: number, said: string): string {
  if (/repository is empty/i.test(said)) return 'the repository has no commit yet: push a first commit to its default branch (a README will do), then run again';
  if (/protected branch|branch protection|rule|signature|signed/i.test(said)) return 'a branch rule forbids this change: publish to another --branch, or ask an administrator to allow it';
  if (status === 409 || /fast forward|fast-forward|reference (update|already)|already exists/i.test(said)) return 'the repository changed while publishing; nothing more was changed by this step: run the same command again (it compares with the branch as it is then)';
  return 'GitHub found the request invalid; run the same command again, and if it is refused the same way, report it with the command (the token is never printed)';
}
