// A CORS front for the GitHub double (which, like any Node server, sends no CORS headers): the
// planner's page calls it from the browser as it would call api.github.com, which answers CORS
// for any origin. This one is stricter: it answers the preflight and adds
// Access-Control-Allow-Origin only for exactly the planner's origin, and records every request
// (method, path, Origin, Authorization, body) so a test can check where the token went.
import { createServer, request, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProxiedRequest {
  method: string;
  path: string;
  origin?: string;
  authorization?: string;
  body: string;
  headers: IncomingHttpHeaders;
}

// The response headers api.github.com exposes to scripts (the client reads retry-after, rate limits and accepted permissions).
const EXPOSE = 'ETag, Link, Location, Retry-After, X-GitHub-OTP, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Used, X-RateLimit-Resource, X-RateLimit-Reset, X-OAuth-Scopes, X-Accepted-OAuth-Scopes, X-Poll-Interval, X-GitHub-Media-Type, X-Accepted-GitHub-Permissions, X-GitHub-SSO, X-GitHub-Request-Id, Deprecation, Sunset';
const HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection']);

export async function startCorsProxy(target: string, allowOrigin: () => string) {
  const requests: ProxiedRequest[] = [];
  /** Requests from an origin other than the allowed one (answered without CORS headers). */
  const refused: string[] = [];
  const upstream = new URL(target);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const origin = req.headers.origin;
      const allowed = origin === allowOrigin();
      const cors: Record<string, string> = allowed ? { 'access-control-allow-origin': origin!, vary: 'Origin' } : {};
      if (!allowed) refused.push(`${req.method} ${req.url} from ${origin ?? 'no origin'}`);
      if (req.method === 'OPTIONS') {
        res.writeHead(allowed ? 204 : 403, {
          ...cors,
          ...(allowed
            ? {
                'access-control-allow-methods': 'GET, POST, PATCH, PUT, DELETE',
                'access-control-allow-headers': 'Authorization, Content-Type, Accept, X-GitHub-Api-Version',
                'access-control-max-age': '600',
              }
            : {}),
        });
        res.end();
        return;
      }
      const body = Buffer.concat(chunks);
      requests.push({ method: req.method ?? '', path: req.url ?? '', origin, authorization: req.headers.authorization, body: body.toString('utf8'), headers: req.headers });
      const headers = { ...req.headers, host: upstream.host };
      const up = request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers }, (ur) => {
        const out: Record<string, string | string[]> = {};
        for (const [k, v] of Object.entries(ur.headers)) if (v !== undefined && !HOP.has(k)) out[k] = v;
        res.writeHead(ur.statusCode ?? 502, { ...out, ...cors, ...(allowed ? { 'access-control-expose-headers': EXPOSE } : {}) });
        ur.pipe(res);
      });
      up.on('error', () => res.destroy());
      up.end(body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    refused,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
