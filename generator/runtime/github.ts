// GitHub's REST API through @octokit/rest: base URL from GITHUB_API_URL (GHES, the test
// double), errors as one line naming the endpoint. Retries come in two layers. A request is
// retried on 5xx, secondary rate limits and dropped connections only when repeating it cannot
// duplicate anything (GET, PATCH, PUT, DELETE; a POST only when GitHub refused it for a rate
// limit): a POST whose answer was lost may have been applied. The publishing operations are
// find-then-create, so `again` retries them whole: the retry finds what the lost POST made.
import { Octokit } from '@octokit/rest';
import { UsageError } from './errors.ts';
import { requireEnv, type Io } from './io.ts';
import { RUNTIME_VERSION } from './version.ts';

export type GitHub = Octokit;

export interface RetryPolicy {
  attempts: number;
  baseMs: number;
  sleep: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

interface HttpError {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | undefined> };
}

/** What went wrong with a request, for the retry decision: GitHub refused it (rate limit), failed (5xx), or no answer came. */
export function failureKind(e: unknown): 'rate-limit' | 'server' | 'no-answer' | undefined {
  const err = e as HttpError;
  const status = err?.status;
  // Octokit turns a dropped or refused connection into a status 500 without a response.
  if (status === 500 && !err.response) return 'no-answer';
  const headers = err?.response?.headers ?? {};
  if ((status === 403 || status === 429) && (headers['retry-after'] !== undefined || headers['x-ratelimit-remaining'] === '0' || /secondary rate limit/i.test(err.message ?? ''))) return 'rate-limit';
  if (status !== undefined && status >= 500) return 'server';
  return undefined;
}

/** How long to wait before retrying, or undefined when the request must not be repeated. */
export function retryDelay(e: unknown, attempt: number, baseMs: number, method = 'GET'): number | undefined {
  const kind = failureKind(e);
  if (kind === undefined || (method.toUpperCase() === 'POST' && kind !== 'rate-limit')) return undefined;
  const retryAfter = Number((e as HttpError).response?.headers?.['retry-after']);
  if (Number.isFinite(retryAfter) && retryAfter > 0) return Math.min(retryAfter * 1000, 60_000);
  return baseMs * 2 ** attempt;
}

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

const policies = new WeakMap<object, RetryPolicy>();

/**
 * Run an idempotent operation (find, then create or update) again when a request of it failed
 * in a way a retry may fix: a lost answer to a POST is found by the next find instead of being
 * created twice.
 */
export async function again<T>(gh: GitHub, op: () => Promise<T>): Promise<T> {
  const p = policies.get(gh) ?? { attempts: 3, baseMs: 1000, sleep: realSleep };
  for (let attempt = 0; ; attempt++) {
    try {
      return await op();
    } catch (e) {
      if (!(e instanceof GitHubApiError && e.retryable) || attempt + 1 >= p.attempts) throw e;
      await p.sleep(p.baseMs * 2 ** attempt);
    }
  }
}

export function githubClient(io: Io, policy: Partial<RetryPolicy> = {}): GitHub {
  const token = requireEnv(io, 'GITHUB_TOKEN', 'pass the job token (env: GITHUB_TOKEN: ${{ github.token }}) to this step');
  const p: RetryPolicy = { attempts: 3, baseMs: Number(io.env.OPSTA_RETRY_BASE_MS ?? 1000), sleep: realSleep, ...policy };
  // Octokit's own request log is off: a retried request would print its failure, and the final error is reported once, below.
  const quiet = () => {};
  const octokit = new Octokit({ auth: token, baseUrl: (io.env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''), userAgent: `opsta-runtime/${RUNTIME_VERSION}`, log: { debug: quiet, info: quiet, warn: quiet, error: quiet } });
  octokit.hook.wrap('request', async (request, options) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await request(options);
      } catch (e) {
        const delay = attempt + 1 < p.attempts ? retryDelay(e, attempt, p.baseMs, options.method) : undefined;
        // A POST that failed without a clear refusal was not repeated here: the operation is (again()).
        if (delay === undefined) throw describeHttpError(e, `${options.method} ${endpointPath(octokit.request.endpoint.parse(options).url)}`, options.method === 'POST');
        await p.sleep(delay);
      }
    }
  });
  policies.set(octokit, p);
  return octokit;
}

/** The path of a request URL without the host and query (paginate passes absolute URLs). */
function endpointPath(url: string): string {
  try {
    return new URL(url, 'http://x').pathname;
  } catch {
    return url.split('?')[0] ?? url;
  }
}

const HINTS: Record<number, string> = {
  401: 'the token is missing or expired',
  403: 'the job lacks a permission (check its permissions: block) or a rate limit was hit',
  404: 'not found, or the token cannot see it (check the repository and the job permissions)',
  422: 'GitHub refused the request as invalid',
};

function describeHttpError(e: unknown, endpoint: string, post: boolean): Error {
  const err = e as HttpError;
  if (err?.status === undefined) return e instanceof Error ? e : new Error(String(e));
  const msg = (err.message ?? '').split('\n')[0]!.slice(0, 200);
  const kind = failureKind(e);
  if (kind === 'no-answer') return new GitHubApiError(`GitHub API ${endpoint} failed: no answer (${msg}); check GITHUB_API_URL and the network, then re-run the job (a re-run does not duplicate what it already published)`, undefined, post);
  return new GitHubApiError(`GitHub API ${endpoint} failed: ${err.status} ${msg}${HINTS[err.status] ? `; ${HINTS[err.status]}` : ''}`, err.status, post && kind === 'server');
}
