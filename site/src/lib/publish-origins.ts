// Which GitHub APIs the planner's Publish step may talk to. A static site cannot widen its CSP at
// run time, so the list is fixed when the site is built (OPSTA_GITHUB_API, default api.github.com):
// Base.astro puts their origins in /planner's `connect-src` and the list itself in a <meta>, and the
// Publish step offers exactly that list. Pure: no DOM here apart from the reader at the bottom.

export const DEFAULT_GITHUB_API = 'https://api.github.com';
export const GITHUB_API_ENV = 'OPSTA_GITHUB_API';
/** <meta name=…> that carries the API list into the page. */
export const GITHUB_API_META = 'opsta-github-api';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * One REST root, checked: https (plain http only on a loopback address, for a local double), no
 * credentials, query or fragment, and the path empty (api.github.com) or /api/v3 (GitHub Enterprise
 * Server). Returns it without a trailing slash, or a message naming the variable and the fix.
 */
export function checkGithubApi(value: string): { ok: true; api: string } | { ok: false; message: string } {
  const bad = (why: string) => ({ ok: false as const, message: `${GITHUB_API_ENV}: "${value.slice(0, 80)}" ${why}` });
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    return bad('is not a URL; give a REST root such as https://api.github.com or https://github.example.com/api/v3');
  }
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && LOOPBACK.has(u.hostname))) return bad('must use https (the token travels with every request); plain http is only allowed for 127.0.0.1');
  if (u.username || u.password) return bad('must not hold credentials; the user types the token in the planner');
  if (u.search || u.hash || value.includes('#') || value.includes('?')) return bad('must not have a query or a fragment');
  const path = u.pathname.replace(/\/+$/, '');
  if (path !== '' && path !== '/api/v3') return bad('must be an origin (https://api.github.com) or a GitHub Enterprise Server REST root ending in /api/v3');
  return { ok: true, api: `${u.origin}${path}` };
}

/** The APIs a build allows, from the variable's value (comma- or space-separated); throws on a bad entry. */
export function githubApis(value: string | undefined): string[] {
  const items = (value ?? '').split(/[\s,]+/).filter(Boolean);
  const out: string[] = [];
  for (const item of items.length ? items : [DEFAULT_GITHUB_API]) {
    const r = checkGithubApi(item);
    if (!r.ok) throw new Error(r.message);
    if (!out.includes(r.api)) out.push(r.api);
  }
  return out;
}

/** The `connect-src` sources for those APIs: their origins (REST and GraphQL share one). */
export function apiOrigins(apis: readonly string[]): string[] {
  return [...new Set(apis.map((a) => new URL(a).origin))];
}

/** The list as the page carries it, each entry re-checked (a page edited by hand offers nothing unsafe). */
export function readGithubApis(content: string | null | undefined): string[] {
  return (content ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((s) => {
      const r = checkGithubApi(s);
      return r.ok ? [r.api] : [];
    });
}
