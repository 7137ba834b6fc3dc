// GitHub's REST API for the runtime, through the one fetch-based client Opsta has
// (generator/src/publish/github.ts, also publish's and the planner's): base URL from
// GITHUB_API_URL (GHES, the test double), errors as one line naming the endpoint.
// Retries come in two layers. The client repeats a request on 5xx, rate limits and dropped
// connections only when that cannot duplicate anything (repeatPost: false): a POST whose answer was
// lost may have been applied. The publishing operations are find-then-create, so `again` runs them
// whole once more: the retry finds what the lost POST made instead of making it twice.
import { GitHubClient, GitHubError, GitHubUnreachable } from '../src/publish/github.ts';
import { UsageError } from './errors.ts';
import { requireEnv, type Io } from './io.ts';
import { RUNTIME_VERSION } from './version.ts';

export interface RetryPolicy {
  /** Attempts of one request, and of one operation in again(). */
  attempts: number;
  baseMs: number;
  sleep: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A GitHub call that failed for good: exit 2 with one line; `retryable` when running the whole operation again may succeed. */
export class GitHubApiError extends UsageError {
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

const HINTS: Record<number, string> = {
  401: 'the token is missing or expired',
  403: 'the job lacks a permission (check its permissions: block) or a rate limit was hit',
  404: 'not found, or the token cannot see it (check the repository and the job permissions)',
  422: 'GitHub refused the request as invalid',
};

/** Query strings from plain values; undefined ones are left out. */
export function query(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

export class GitHub {
  constructor(
    private readonly client: GitHubClient,
    readonly policy: RetryPolicy,
  ) {}

  /** One call; `path` is under the API root, with its query. */
  async request<T = any>(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<{ status: number; data: T }> {
    const endpoint = `${method} ${path.split('?')[0]}`;
    try {
      const r = await this.client.rest<T>(method, path, endpoint, body);
      return { status: r.status, data: r.data };
    } catch (e) {
      throw describe(e, endpoint, method === 'POST');
    }
  }

  /** Every page of a list; `key` names the array of a wrapped list ("workflow_runs"). */
  async paginate<T = any>(path: string, key?: string): Promise<T[]> {
    const endpoint = `GET ${path.split('?')[0]}`;
    try {
      return await this.client.paginate<T>(path, endpoint, key);
    } catch (e) {
      throw describe(e, endpoint, false);
    }
  }
}

function describe(e: unknown, endpoint: string, post: boolean): Error {
  if (e instanceof GitHubUnreachable) return new GitHubApiError(`GitHub API ${endpoint} failed: no answer (${e.detail}); check GITHUB_API_URL and the network, then re-run the job (a re-run does not duplicate what it already published)`, undefined, post);
  if (!(e instanceof GitHubError)) return e instanceof Error ? e : new Error(String(e));
  const msg = e.githubMessage.split('\n')[0]!.slice(0, 200);
  // A POST that failed on GitHub's side was not repeated by the client: the operation may be (again()).
  return new GitHubApiError(`GitHub API ${endpoint} failed: ${e.status} ${msg}${HINTS[e.status] ? `; ${HINTS[e.status]}` : ''}`, e.status, post && e.status >= 500);
}

export function githubClient(io: Io, policy: Partial<RetryPolicy> = {}): GitHub {
  const token = requireEnv(io, 'GITHUB_TOKEN', 'pass the job token (env: GITHUB_TOKEN: ${{ github.token }}) to this step');
  const p: RetryPolicy = { attempts: 3, baseMs: Number(io.env.OPSTA_RETRY_BASE_MS ?? 1000), sleep: realSleep, ...policy };
  const client = new GitHubClient({ apiUrl: (io.env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''), token, sleep: p.sleep, retries: p.attempts - 1, baseDelayMs: p.baseMs, repeatPost: false, userAgent: `opsta-runtime/${RUNTIME_VERSION}` });
  return new GitHub(client, p);
}

/**
 * Run an idempotent operation (find, then create or update) again when a request of it failed
 * in a way a retry may fix: a lost answer to a POST is found by the next find instead of being
 * created twice.
 */
export async function again<T>(gh: GitHub, op: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await op();
    } catch (e) {
      if (!(e instanceof GitHubApiError && e.retryable) || attempt + 1 >= gh.policy.attempts) throw e;
      await gh.policy.sleep(gh.policy.baseMs * 2 ** attempt);
    }
  }
}
