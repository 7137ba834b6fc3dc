// DNS: each public host resolves to the Gateway's load balancer. TLS: each host presents a
// trusted certificate, for that host, valid long enough. Both over real sockets.
import { promises as dnsPromises } from 'node:dns';
import { isIP } from 'node:net';
import { checkServerIdentity, connect, type PeerCertificate } from 'node:tls';
import { type Check, type CheckContext, fail, listSome, pass, warn } from './check.ts';
import { gatewayAddresses } from './kube.ts';
import { describeNetError } from './http.ts';
import { healthScope, isForbidden } from './prerequisites.ts';

function resolver(ctx: CheckContext): dnsPromises.Resolver {
  const r = new dnsPromises.Resolver({ timeout: 2000, tries: 2 });
  if (ctx.deps.dnsServers?.length) r.setServers(ctx.deps.dnsServers);
  ctx.signal.addEventListener('abort', () => r.cancel(), { once: true });
  return r;
}

async function resolve4(ctx: CheckContext, host: string): Promise<{ ok: true; addresses: string[] } | { ok: false; code: string }> {
  try {
    return { ok: true, addresses: (await resolver(ctx).resolve4(host)).sort() };
  } catch (e) {
    return { ok: false, code: (e as { code?: string }).code ?? String(e) };
  }
}

export function dnsCheck(h: { component: string; host: string }): Check {
  return {
    id: `dns:${h.host}`,
    category: 'dns',
    component: h.component,
    target: h.host,
    run: async (ctx) => {
      // Without cluster access the Gateway's address is unknown: the host is checked to resolve, not compared.
      const compare = ctx.config.gateway && !ctx.missing.cluster;
      const [own, gw] = await Promise.all([resolve4(ctx, h.host), compare ? gatewayAddresses(ctx) : Promise.resolve(undefined)]);
      if (!own.ok) return fail(`${h.host} does not resolve (${own.code}): external-dns has not published it (check its logs and the zone delegation)`);
      if (ctx.config.gateway && ctx.missing.cluster)
        return pass(`${h.host} resolves to ${listSome(own.addresses)} (not compared with the Gateway's address: ${ctx.missing.cluster})`, { addresses: own.addresses, comparedWithGateway: false });
      // A view-scoped run whose role may not read Gateways: the same as no cluster access.
      if (gw?.error && healthScope(ctx.deps.env) === 'view' && isForbidden(gw.error))
        return pass(`${h.host} resolves to ${listSome(own.addresses)} (not compared with the Gateway's address: the scheduled identity's read-only role may not read it)`, {
          addresses: own.addresses,
          comparedWithGateway: false,
        });
      if (!gw || gw.addresses.length === 0)
        return warn(`${h.host} resolves to ${listSome(own.addresses)}, but the Gateway has no address to compare with`, { addresses: own.addresses });
      // A load balancer known by name (AWS) is compared by the addresses that name resolves to.
      const expected = new Set<string>();
      for (const a of gw.addresses) {
        if (isIP(a)) expected.add(a);
        else {
          const r = await resolve4(ctx, a);
          if (r.ok) r.addresses.forEach((x) => expected.add(x));
        }
      }
      const details = {
        addresses: own.addresses,
        gateway: gw.addresses,
        gatewayAddresses: [...expected].sort(),
      };
      const stray = own.addresses.filter((a) => !expected.has(a));
      if (stray.length === own.addresses.length)
        return fail(`${h.host} resolves to ${listSome(own.addresses)}, not to the Gateway (${listSome(gw.addresses)}): a stale or foreign record`, details);
      if (stray.length) return warn(`${h.host} resolves partly elsewhere: ${listSome(stray)} is not the Gateway's`, details);
      return pass(`${h.host} resolves to the Gateway (${listSome(own.addresses)})`, details);
    },
  };
}

interface PeerResult {
  cert: PeerCertificate;
  authorized: boolean;
  authorizationError?: string;
}

function peerCertificate(ctx: CheckContext, host: string, port: number): Promise<PeerResult> {
  return new Promise((resolve, reject) => {
    // rejectUnauthorized: false so an expired or foreign certificate can still be read and described.
    const socket = connect({
      host,
      port,
      servername: isIP(host) ? undefined : host,
      secureContext: ctx.deps.secureContext,
      rejectUnauthorized: false,
      lookup: ctx.deps.lookup,
      ALPNProtocols: ['http/1.1'],
    });
    const onAbort = () => socket.destroy(Object.assign(new Error('aborted'), { name: 'AbortError' }));
    ctx.signal.addEventListener('abort', onAbort, { once: true });
    socket.once('secureConnect', () => {
      const cert = socket.getPeerCertificate();
      const err = socket.authorizationError;
      resolve({
        cert,
        authorized: socket.authorized,
        ...(err
          ? {
              authorizationError: String((err as unknown as { code?: string }).code ?? err),
            }
          : {}),
      });
      socket.end();
    });
    socket.once('error', reject);
    socket.once('close', () => ctx.signal.removeEventListener('abort', onAbort));
  });
}

const DAY = 86_400_000;

export function tlsCheck(h: { component: string; host: string }): Check {
  return {
    id: `tls:${h.host}`,
    category: 'tls',
    component: h.component,
    target: h.host,
    run: async (ctx) => {
      const port = ctx.deps.httpsPort;
      let peer: PeerResult;
      try {
        peer = await peerCertificate(ctx, h.host, port);
      } catch (e) {
        return fail(`no TLS connection to ${h.host}:${port}: ${describeNetError(e, h.host)}`);
      }
      const { cert } = peer;
      if (!cert || !cert.valid_to) return fail(`${h.host} presented no certificate`);
      const now = ctx.deps.now().getTime();
      const notAfter = new Date(cert.valid_to);
      const notBefore = new Date(cert.valid_from);
      const daysLeft = Math.floor((notAfter.getTime() - now) / DAY);
      const names = (cert.subjectaltname ?? '').split(', ').filter(Boolean);
      const issuer = cert.issuer?.CN ?? cert.issuer?.O ?? 'unknown issuer';
      const details = {
        notBefore: notBefore.toISOString(),
        notAfter: notAfter.toISOString(),
        daysLeft,
        subjectAltNames: names,
        issuer,
        ...(peer.authorizationError ? { authorizationError: peer.authorizationError } : {}),
      };
      if (notAfter.getTime() <= now)
        return fail(
          `the certificate of ${h.host} expired on ${notAfter.toISOString().slice(0, 10)} (${-daysLeft} days ago): cert-manager did not renew it; check the Certificate and its Order`,
          details,
        );
      if (notBefore.getTime() > now) return fail(`the certificate of ${h.host} is not valid before ${notBefore.toISOString()}`, details);
      const identity = checkServerIdentity(h.host, cert);
      if (identity)
        return fail(
          `the certificate presented for ${h.host} is for ${listSome(names.length ? names : [String(cert.subject?.CN)])}, not ${h.host}: the Gateway's listener has the wrong certificate`,
          details,
        );
      if (!peer.authorized) {
        // Staging and self-signed issuers are untrusted by design; the plan chose them.
        const why = `the certificate of ${h.host} is not trusted (${peer.authorizationError ?? 'unverified'}, issued by ${issuer})`;
        if (ctx.config.tlsIssuer !== 'letsencrypt') return warn(`${why}, as expected with the plan's ${ctx.config.tlsIssuer} issuer`, details);
        return fail(why, details);
      }
      if (daysLeft < ctx.deps.certFailDays)
        return fail(
          `the certificate of ${h.host} expires in ${daysLeft} days (on ${notAfter.toISOString().slice(0, 10)}), under ${ctx.deps.certFailDays}: renewal is failing; check the Certificate's events`,
          details,
        );
      if (daysLeft < ctx.deps.certWarnDays) return warn(`the certificate of ${h.host} expires in ${daysLeft} days: cert-manager should already have renewed it`, details);
      return pass(`valid for ${h.host} until ${notAfter.toISOString().slice(0, 10)} (${daysLeft} days), issued by ${issuer}`, details);
    },
  };
}
