// The built site (site/dist, served by helpers.ts's serveDist) with /planner's GitHub API swapped
// for a test one. The build allows https://api.github.com (site/README.md, "Publishing"): it is in
// the planner's CSP `connect-src` and in the <meta name="opsta-github-api"> the Publish step reads.
// Building the site a second time with OPSTA_GITHUB_API set costs minutes on a 2-CPU machine, so
// this front server replaces exactly those two occurrences in the planner's HTML, and nothing else
// (a page where either is not found exactly once is answered 500 and recorded in `problems`).
// Every other byte, the script hashes included, is the build's.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_GITHUB_API, GITHUB_API_META } from '../../../site/src/lib/publish-origins.ts';

export const BUILT_CONNECT_SRC = `connect-src 'self' ${DEFAULT_GITHUB_API};`;
export const BUILT_API_META = `<meta name="${GITHUB_API_META}" content="${DEFAULT_GITHUB_API}">`;

const once = (html: string, what: string) => html.split(what).length - 1;

/** `html` with the build's API replaced by `api`, or why not. */
export function swapApi(html: string, api: string): { html: string } | { problem: string } {
  const counts = [once(html, BUILT_CONNECT_SRC), once(html, BUILT_API_META), once(html, DEFAULT_GITHUB_API)];
  if (counts.join() !== '1,1,2') return { problem: `expected the build's API once in connect-src and once in the meta (and nowhere else), found ${counts.join('/')}` };
  return { html: html.replace(BUILT_CONNECT_SRC, `connect-src 'self' ${api};`).replace(BUILT_API_META, `<meta name="${GITHUB_API_META}" content="${api}">`) };
}

export async function serveWithApi(distUrl: string, api: () => string) {
  const problems: string[] = [];
  const server = createServer(async (req, res) => {
    const r = await fetch(new URL(req.url ?? '/', distUrl));
    const type = r.headers.get('content-type') ?? 'application/octet-stream';
    const body = Buffer.from(await r.arrayBuffer());
    if (type.startsWith('text/html') && /\/planner\/?$/.test(new URL(req.url ?? '/', 'http://x').pathname)) {
      const swapped = swapApi(body.toString('utf8'), api());
      if ('problem' in swapped) {
        problems.push(`${req.url}: ${swapped.problem}`);
        res.writeHead(500, { 'content-type': 'text/plain' }).end(swapped.problem);
        return;
      }
      res.writeHead(r.status, { 'content-type': type, 'cache-control': 'no-store' }).end(swapped.html);
      return;
    }
    res.writeHead(r.status, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, problems, close: () => new Promise<void>((r) => server.close(() => r())) };
}
