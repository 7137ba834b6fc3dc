// The planner's publish, on the same core as `opsta publish` (generator/src/publish/): the plan's
// tree as publish content, a GitHub client on the chosen API, a dry run to show what would change,
// then the real run with the conflicts the user ticked. Pure apart from the injected fetch; the
// generator's options are injected too (publish.ts wires the browser's, tests pass Node's).
//
// The token is only ever the Authorization header of requests to `apiUrl`, which must be one of
// the APIs the page allows; every message that leaves here has it stripped.
import type { Validation } from '../../../schemas/validate.ts';
import { UserError } from '../../../generator/src/errors.ts';
import type { GenerateOptions } from '../../../generator/src/generate.ts';
import { samePlanKeeper } from '../../../generator/src/same-plan.ts';
import { publishContent } from '../../../generator/src/publish/content.ts';
import { describePermissions, GitHubClient, GitHubError, redact, type FetchLike } from '../../../generator/src/publish/github.ts';
import { publishViaApi, type PublishTarget } from '../../../generator/src/publish/publish.ts';
import { publishTarget } from './publish-view.ts';

type ValidPlan = Extract<Validation, { ok: true }>;

export interface PublishInput {
  apiUrl: string;
  /** The APIs the page allows (its CSP's connect-src); `apiUrl` must be one. */
  allowedApis: readonly string[];
  token: string;
  plan: ValidPlan;
  opts: GenerateOptions;
  /** Conflicting paths to overwrite (the CLI's --force-file). */
  forceFiles?: readonly string[];
  dryRun: boolean;
  fetch?: FetchLike;
  sleep?: (ms: number) => Promise<void>;
}

export type ConflictKind = 'edited' | 'notOpstas' | 'droppedEdited';

export interface PublishConflict {
  path: string;
  kind: ConflictKind;
  /** From the branch's text to the generated one; none for a file the plan no longer generates. */
  diff?: string;
}

export interface PublishSummary {
  target: PublishTarget;
  /** Files this publish adds, changes and removes on the branch (a new branch starts from the base). */
  added: string[];
  changed: string[];
  removed: string[];
  conflicts: PublishConflict[];
  /** Conflicts overwritten because the user ticked them. */
  forced: string[];
  /** Files on the branch Opsta does not own (never touched). */
  foreign: number;
  /** Nothing to commit: the branch already holds this plan's files. */
  upToDate: boolean;
  pullRequest?: { number: number; url: string; action: 'opened' | 'updated' | 'unchanged' | 'would open' | 'would update' };
  commit?: string;
  /** Why no pull request is needed (the base already holds the files). */
  note?: string;
  /** Requests sent to the API (retries included). */
  requests: number;
}

export type FailureKind = 'tokenMissing' | 'tokenFormat' | 'api' | 'token' | 'permission' | 'repo' | 'base' | 'network' | 'raced' | 'refused' | 'other';

/** A failure the Publish step words in the user's language; `detail` is the core's English text, token stripped. */
export class PublishFailure extends Error {
  override name = 'PublishFailure';
  constructor(
    readonly kind: FailureKind,
    readonly detail: string,
    /** For `permission`: what GitHub said the call needs ("Contents: write"). */
    readonly permissions?: string,
  ) {
    super(detail);
  }
}

function classify(e: unknown, token: string): PublishFailure {
  if (e instanceof PublishFailure) return e;
  const detail = redact(String((e as Error)?.message ?? e), token);
  if (e instanceof GitHubError) {
    if (e.status === 401) return new PublishFailure('token', detail);
    if (e.status === 403 && !/rate limit/i.test(detail)) return new PublishFailure('permission', detail, e.acceptedPermissions ? describePermissions(e.acceptedPermissions) : undefined);
  }
  if (e instanceof UserError) {
    if (/not found, or the token cannot see it/.test(detail)) return new PublishFailure('repo', detail);
    if (/the base branch .* does not exist/.test(detail)) return new PublishFailure('base', detail);
    if (/no answer from/.test(detail)) return new PublishFailure('network', detail);
    if (/changed while publishing/.test(detail)) return new PublishFailure('raced', detail);
    if (/^refusing to publish/.test(detail)) return new PublishFailure('refused', detail);
  }
  return new PublishFailure('other', detail);
}

const CONFLICT_KIND = (reason: string | undefined): ConflictKind => (/^no longer generated/.test(reason ?? '') ? 'droppedEdited' : /^not Opsta's/.test(reason ?? '') ? 'notOpstas' : 'edited');

export async function runPublish(input: PublishInput): Promise<PublishSummary> {
  const token = input.token.trim();
  if (!token) throw new PublishFailure('tokenMissing', 'no token');
  if (/\s/.test(token)) throw new PublishFailure('tokenFormat', 'the token contains whitespace');
  const apiUrl = input.apiUrl.replace(/\/+$/, '');
  if (!input.allowedApis.includes(apiUrl)) throw new PublishFailure('api', `${apiUrl.slice(0, 80)} is not an API this page may call`);
  const target = publishTarget(input.plan);
  const client = new GitHubClient({ apiUrl, token, ...(input.fetch ? { fetch: input.fetch } : {}), ...(input.sleep ? { sleep: input.sleep } : {}) });
  const content = publishContent({
    plan: input.plan.plan,
    resolved: input.plan.resolved,
    opts: input.opts,
    base: target.base,
    forceFiles: input.forceFiles,
    keepAsWritten: samePlanKeeper(input.plan.plan, input.opts),
  });
  try {
    const out = await publishViaApi(client, target, content, { dryRun: input.dryRun });
    const by = (a: string) => out.changeSet.changes.filter((c) => c.action === a);
    return {
      target,
      added: by('add').map((c) => c.path),
      changed: by('update').map((c) => c.path),
      removed: by('delete').map((c) => c.path),
      conflicts: by('conflict').map((c) => ({ path: c.path, kind: CONFLICT_KIND(c.reason), ...(c.diff ? { diff: redact(c.diff, token) } : {}) })),
      forced: out.changeSet.changes.filter((c) => c.forced).map((c) => c.path),
      foreign: by('foreign').length,
      upToDate: out.commit === undefined && Object.keys(out.changeSet.writes).length === 0 && out.changeSet.deletes.length === 0 && out.changeSet.manifestUnchanged,
      ...(out.pullRequest ? { pullRequest: out.pullRequest } : {}),
      ...(out.commit ? { commit: out.commit } : {}),
      ...(out.note ? { note: redact(out.note, token) } : {}),
      requests: client.requestCount,
    };
  } catch (e) {
    throw classify(e, token);
  }
}
