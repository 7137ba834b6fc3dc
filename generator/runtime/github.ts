// GitHub's REST API through @octokit/rest: base URL from GITHUB_API_URL (GHES, the test
// double), retried on 5xx and secondary rate limits, errors as one line naming the endpoint.
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

/** How long to wait before retrying, or undefined when the error is not worth a retry. */
export function retryDelay(e: unknown, attempt: number, baseMs: number): number | undefined {
  const err = e as HttpError;
  const status = err?.status;
  const headers = err?.response?.headers ?? {};
  const retryAfter = Number(headers['retry-after']);
  const secondaryLimit = (status === 403 || status === 429) && (headers['retry-after'] !== undefined || headers['x-ratelimit-remaining'] === '0' || /secondary rate limit/i.test(err.message ?? ''));
  if (status === undefined || (status < 500 && !secondaryLimit)) return undefined;
  if (Number.isFinite(retryAfter) && retryAfter > 0) return Math.min(retryAfter * 1000, 60_000);
  return baseMs * 2 ** attempt;
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
        const delay = attempt + 1 < p.attempts ? retryDelay(e, attempt, p.baseMs) : undefined;
        if (delay === undefined) throw describeHttpError(e, `${options.method} ${endpointPath(options.url)}`);
        await p.sleep(delay);
      }
    }
  });
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

function describeHttpError(e: unknown, endpoint: string): Error {
  const err = e as HttpError;
  if (err?.status === undefined) return e instanceof Error ? e : new Error(String(e));
  const msg = (err.message ?? '').split('\n')[0]!.slice(0, 200);
  return new UsageError(`GitHub API ${endpoint} failed: ${err.status} ${msg}${HINTS[err.status] ? `; ${HINTS[err.status]}` : ''}`);
}
