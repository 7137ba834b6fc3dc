// Small pieces the Publish step renders with, kept apart from publish-run.ts so the step's own
// chunk does not carry the publish core (that loads on the first button press).
import type { Validation } from '../../../schemas/validate.ts';
import { defaultBranch } from '../../../generator/src/publish/branch.ts';

/** Where a valid plan publishes: its GitHub repository and base branch, on opsta/<plan name> (as the CLI). */
export function publishTarget(plan: Extract<Validation, { ok: true }>) {
  const g = plan.resolved.github;
  return { owner: g.owner, repo: g.repo, base: g.baseBranch, branch: defaultBranch(plan.resolved) };
}

/** Only http(s) links are shown: a pull request URL comes from the API, which the page does not trust to name a script. */
export function safeLink(url: string): string | undefined {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** `text` with the token replaced, for any message that did not come through the core's redaction. */
export function stripToken(text: string, token: string): string {
  const t = token.trim();
  return t.length >= 4 ? text.split(t).join('***') : text;
}

/** The web address beside an API (for the "create a token" link): github.com for api.github.com, the server for /api/v3. */
export function webUrl(api: string): string {
  return api === 'https://api.github.com' ? 'https://github.com' : api.replace(/\/api\/v3$/, '');
}
