// One HTTPS request with the checks' rules: the host resolved through the configured DNS servers,
// the certificate verified (Node's roots plus any extra CA), no redirect followed, the body
// capped, cancelled by the check's signal. Built on node:https so the bundle needs nothing else.
import { Resolver } from 'node:dns';
import { request, type RequestOptions } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { createSecureContext, rootCertificates, type SecureContext } from 'node:tls';
import type { IncomingHttpHeaders } from 'node:http';

export interface HttpResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface HttpOptions {
  method?: 'GET' | 'POST';
  body?: string;
  headers?: Record<string, string>;
  signal: AbortSignal;
  /** Trust store with extra CAs (trustContext); absent: Node's default roots. */
  secureContext?: SecureContext;
  lookup?: LookupFunction;
  defaultPort?: number;
  /** Skip certificate verification (plans on staging or self-signed certificates; the TLS check reports trust). */
  insecure?: boolean;
  maxBytes?: number;
}

/** A lookup for net/tls/https that asks the given DNS servers (A records), not the system resolver. */
export function resolverLookup(servers: string[]): LookupFunction {
  return (hostname, options, callback) => {
    const all = typeof options === 'object' && options !== null && (options as { all?: boolean }).all === true;
    const family = isIP(hostname);
    if (family) {
      if (all) (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address: hostname, family }]);
      else callback(null, hostname, family);
      return;
    }
    const r = new Resolver({ timeout: 2000, tries: 2 });
    r.setServers(servers);
    r.resolve4(hostname, (err, addrs) => {
      if (err || addrs.length === 0) {
        const e = Object.assign(new Error(`${hostname} does not resolve (${err?.code ?? 'no A record'})`), { code: err?.code ?? 'ENOTFOUND' });
        return callback(e, '', 4);
      }
      if (all)
        (callback as (e: null, a: { address: string; family: number }[]) => void)(
          null,
          addrs.map((address) => ({ address, family: 4 })),
        );
      else callback(null, addrs[0]!, 4);
    });
  };
}

/** Node's roots plus extra CAs, built once per run: parsing ~150 roots for every connection would cost more than the request. */
export function trustContext(extra: string[] | undefined): SecureContext | undefined {
  return extra && extra.length > 0 ? createSecureContext({ ca: [...rootCertificates, ...extra] }) : undefined;
}

export function httpRequest(url: string, o: HttpOptions): Promise<HttpResponse> {
  const u = new URL(url);
  const maxBytes = o.maxBytes ?? 256 * 1024;
  return new Promise((resolve, reject) => {
    // secureContext reaches tls.connect through the agent; Node's RequestOptions type omits it.
    const options: RequestOptions & { secureContext?: SecureContext } = {
      protocol: 'https:',
      hostname: u.hostname,
      port: u.port ? Number(u.port) : (o.defaultPort ?? 443),
      path: `${u.pathname}${u.search}`,
      method: o.method ?? 'GET',
      headers: {
        'user-agent': 'opsta-health',
        accept: 'application/json, text/plain, */*',
        ...(o.body ? { 'content-type': 'application/json' } : {}),
        ...o.headers,
      },
      servername: isIP(u.hostname) ? undefined : u.hostname,
      secureContext: o.secureContext,
      rejectUnauthorized: !o.insecure,
      lookup: o.lookup,
      agent: false,
      signal: o.signal,
    };
    const req = request(options, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        if (size < maxBytes) chunks.push(c.subarray(0, maxBytes - size));
        size += c.length;
      });
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(o.body);
  });
}

/** A network or TLS error as one sentence a reader can act on. */
export function describeNetError(e: unknown, host: string): string {
  const code = (e as { code?: string }).code ?? '';
  const msg = e instanceof Error ? e.message : String(e);
  switch (code) {
    case 'CERT_HAS_EXPIRED':
      return `the certificate of ${host} has expired`;
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return `the certificate presented is not valid for ${host}`;
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
      return `the certificate of ${host} is not trusted (${code})`;
    case 'ENOTFOUND':
    case 'ENODATA':
    case 'ESERVFAIL':
      return `${host} does not resolve (${code})`;
    case 'ECONNREFUSED':
      return `${host} refused the connection`;
    case 'ECONNRESET':
      return `${host} reset the connection`;
    default:
      return code ? `${msg} (${code})` : msg;
  }
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
