// Each component's own health endpoint on its public host, read with the component's meaning of
// the answer (Vault's status codes, Harbor's per-component status, Grafana's database), and the
// single sign-on wiring between Keycloak's realm and each client.
import { type Check, type CheckContext, fail, listSome, pass, warn } from './check.ts';
import type { CheckVerdict } from './deps.ts';
import type { OidcClient } from './config.ts';
import { describeNetError, httpRequest, parseJson, type HttpOptions, type HttpResponse } from './http.ts';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- server JSON, read defensively

function request(ctx: CheckContext, url: string, extra: Partial<HttpOptions> = {}): Promise<HttpResponse> {
  return httpRequest(url, {
    signal: ctx.signal,
    secureContext: ctx.deps.secureContext,
    lookup: ctx.deps.lookup,
    defaultPort: ctx.deps.httpsPort,
    // With a staging or self-signed issuer the TLS check reports trust; the endpoint is still worth asking.
    insecure: ctx.config.tlsIssuer !== 'letsencrypt',
    ...extra,
  });
}

/** A short, single-line excerpt of what a server said, for a reason (escaped later by the Markdown renderer). */
const excerpt = (body: string) => body.replace(/\s+/g, ' ').trim().slice(0, 160);

/** Vault /v1/sys/health status codes (developer.hashicorp.com/vault/api-docs/system/health). */
export const VAULT_STATUS: Record<number, { status: 'pass' | 'warn' | 'fail'; meaning: string }> = {
  200: { status: 'pass', meaning: 'initialized, unsealed and active' },
  429: { status: 'pass', meaning: 'unsealed standby' },
  472: {
    status: 'warn',
    meaning: 'disaster-recovery secondary (it does not serve clients)',
  },
  473: { status: 'pass', meaning: 'performance standby' },
  501: {
    status: 'fail',
    meaning: 'not initialized: run `vault operator init` once (README: bootstrap)',
  },
  503: {
    status: 'fail',
    meaning: 'sealed: auto-unseal with the cloud KMS did not happen; check the seal stanza and the KMS key permissions',
  },
  530: { status: 'fail', meaning: 'removed from the Raft cluster' },
};

function vaultVerdict(res: HttpResponse): CheckVerdict {
  const known = VAULT_STATUS[res.status];
  const body = parseJson(res.body) as Obj | undefined;
  const details = {
    statusCode: res.status,
    ...(body && typeof body.version === 'string' ? { version: body.version } : {}),
    ...(body
      ? {
          initialized: body.initialized,
          sealed: body.sealed,
          standby: body.standby,
        }
      : {}),
  };
  if (!known) return fail(`Vault answered ${res.status}, which /v1/sys/health does not define: ${excerpt(res.body)}`, details);
  // standbyok=true turns a standby's 429 into 200; the body still says which it is.
  const meaning = res.status === 200 && body?.standby === true ? (body.performance_standby ? 'performance standby' : 'unsealed standby') : known.meaning;
  return {
    status: known.status,
    reason: `Vault ${res.status}: ${meaning}`,
    details,
  };
}

function semanticVerdict(component: string, name: string, res: HttpResponse, expect: number[], issuer?: string): CheckVerdict {
  const body = parseJson(res.body) as Obj | undefined;
  const details: Record<string, unknown> = { statusCode: res.status };
  if (component === 'vault') return vaultVerdict(res);
  if (!expect.includes(res.status)) return fail(`answered ${res.status}, expected ${expect.join(' or ')}: ${excerpt(res.body) || 'empty body'}`, details);
  if (component === 'keycloak' && name === 'keycloak-realm') {
    if (!body || typeof body.issuer !== 'string') return fail('the discovery document has no issuer', details);
    if (issuer && body.issuer !== issuer)
      return fail(`the realm's issuer is ${body.issuer}, not ${issuer}: Keycloak's hostname setting is wrong, so every client rejects its tokens`, {
        ...details,
        issuer: body.issuer,
      });
    return pass(`realm discovery served, issuer ${body.issuer}`, {
      ...details,
      issuer: body.issuer,
    });
  }
  if (component === 'harbor') {
    // {"status":"healthy","components":[{"name":"core","status":"healthy"},…]}
    const down = ((body?.components ?? []) as Obj[]).filter((c) => c.status !== 'healthy').map((c) => `${c.name} (${c.error ?? c.status})`);
    if (body?.status !== 'healthy' || down.length)
      return fail(`Harbor is ${String(body?.status ?? 'not reporting')}${down.length ? `: ${listSome(down)}` : ''}`, { ...details, unhealthy: down });
    return pass(`Harbor healthy (${(body.components ?? []).length} components)`, details);
  }
  if (component === 'monitoring' && name === 'grafana-health') {
    if (body?.database !== 'ok') return fail(`Grafana's database is ${String(body?.database ?? 'not reported')}`, details);
    return pass(`Grafana ${String(body.version ?? '')} healthy, database ok`.replace('  ', ' '), details);
  }
  if (component === 'teleport') {
    if (!body || typeof body.proxy !== 'object') return fail(`/webapi/ping did not return Teleport's proxy settings: ${excerpt(res.body)}`, details);
    return pass(`Teleport proxy answers${typeof body.server_version === 'string' ? ` (${body.server_version})` : ''}`, details);
  }
  if (component === 'argocd' && res.body.trim() !== 'ok') return fail(`/healthz answered ${JSON.stringify(excerpt(res.body))}, not "ok"`, details);
  return pass(`answered ${res.status}`, details);
}

export function urlEndpointCheck(e: { component: string; name: string; url: string; expect: number[] }): Check {
  return {
    id: `endpoint:${e.name}`,
    category: 'endpoint',
    component: e.component,
    target: e.url,
    run: async (ctx) => {
      let res: HttpResponse;
      try {
        res = await request(ctx, e.url);
      } catch (err) {
        if (ctx.signal.aborted) throw err;
        return fail(describeNetError(err, new URL(e.url).hostname));
      }
      return semanticVerdict(e.component, e.name, res, e.expect, ctx.config.oidc?.issuer);
    },
  };
}

// ---- OIDC wiring -------------------------------------------------------------------------

interface Discovery {
  issuer: string;
  authorization_endpoint: string;
}

async function realmDiscovery(ctx: CheckContext): Promise<Discovery> {
  const issuer = ctx.config.oidc!.issuer;
  return ctx.shared('discovery', async () => {
    const url = `${issuer}/.well-known/openid-configuration`;
    const res = await request(ctx, url);
    if (res.status !== 200) throw new Error(`the realm's discovery ${url} answered ${res.status}`);
    const d = parseJson(res.body) as Obj | undefined;
    if (typeof d?.issuer !== 'string' || typeof d?.authorization_endpoint !== 'string') throw new Error(`the realm's discovery ${url} has no issuer or authorization_endpoint`);
    return d as Discovery;
  });
}

/**
 * How each client starts a login, with no credentials: the answer names the authorization URL it
 * sends the browser to, which tells which issuer it discovered, its client id and redirect URI.
 */
const LOGIN_START: Record<
  string,
  {
    describe: string;
    start: (ctx: CheckContext, c: OidcClient) => Promise<string | undefined>;
  }
> = {
  vault: {
    describe: 'POST /v1/auth/oidc/oidc/auth_url (role default)',
    start: async (ctx, c) => {
      const res = await request(ctx, `${c.baseUrl}/v1/auth/oidc/oidc/auth_url`, {
        method: 'POST',
        body: JSON.stringify({
          role: 'default',
          redirect_uri: c.redirectUri,
        }),
      });
      const url = (parseJson(res.body) as Obj | undefined)?.data?.auth_url;
      if (res.status !== 200 || typeof url !== 'string' || url === '')
        throw new Error(`Vault's OIDC auth method answered ${res.status}: ${excerpt(res.body) || 'no auth_url'} (is stage 40 applied?)`);
      return url;
    },
  },
  harbor: {
    describe: 'GET /c/oidc/login',
    start: (ctx, c) => redirectOf(ctx, `${c.baseUrl}/c/oidc/login`, 'Harbor'),
  },
  monitoring: {
    describe: 'GET /login/generic_oauth',
    start: (ctx, c) => redirectOf(ctx, `${c.baseUrl}/login/generic_oauth`, 'Grafana'),
  },
  argocd: {
    describe: 'GET /auth/login',
    start: (ctx, c) => redirectOf(ctx, `${c.baseUrl}/auth/login`, 'Argo CD'),
  },
};

async function redirectOf(ctx: CheckContext, url: string, who: string): Promise<string> {
  const res = await request(ctx, url);
  const loc = res.headers.location;
  if (res.status < 300 || res.status > 399 || typeof loc !== 'string') throw new Error(`${who} did not redirect to the identity provider (${res.status}): SSO is not configured`);
  return new URL(loc, url).toString();
}

export function oidcCheck(c: OidcClient): Check {
  return {
    id: `oidc:${c.clientId}`,
    category: 'oidc',
    component: c.component,
    target: c.baseUrl,
    run: async (ctx) => {
      const expectedIssuer = ctx.config.oidc!.issuer;
      let d: Discovery;
      try {
        d = await realmDiscovery(ctx);
      } catch (e) {
        if (ctx.signal.aborted) throw e;
        return fail(`cannot read the realm's discovery: ${describeNetError(e, new URL(expectedIssuer).hostname)}`);
      }
      if (d.issuer !== expectedIssuer)
        return fail(`the realm's issuer is ${d.issuer}, but ${c.clientId} is configured for ${expectedIssuer}: tokens would be rejected`, { issuer: d.issuer });
      const how = LOGIN_START[c.component];
      if (!how) return warn(`issuer matches; no credential-free login probe is known for ${c.component}, so the client itself was not checked`, { issuer: d.issuer });
      let authUrl: URL;
      try {
        authUrl = new URL((await how.start(ctx, c))!);
      } catch (e) {
        if (ctx.signal.aborted) throw e;
        return fail(describeNetError(e, new URL(c.baseUrl).hostname));
      }
      const details = {
        issuer: d.issuer,
        authorizationUrl: `${authUrl.origin}${authUrl.pathname}`,
        clientId: authUrl.searchParams.get('client_id'),
        redirectUri: authUrl.searchParams.get('redirect_uri'),
      };
      const problems: string[] = [];
      if (`${authUrl.origin}${authUrl.pathname}` !== d.authorization_endpoint)
        problems.push(`it sends logins to ${authUrl.origin}${authUrl.pathname}, not the realm's ${d.authorization_endpoint}`);
      if (details.clientId !== c.clientId) problems.push(`its client_id is ${String(details.clientId)}, not ${c.clientId}`);
      if (details.redirectUri !== c.redirectUri) problems.push(`its redirect_uri is ${String(details.redirectUri)}, not ${c.redirectUri}`);
      if (problems.length) return fail(`${c.clientId} (${how.describe}): ${problems.join('; ')}`, details);
      // Keycloak shows its login page only for a registered client with an allowed redirect URI.
      let res: HttpResponse;
      try {
        res = await request(ctx, authUrl.toString());
      } catch (e) {
        if (ctx.signal.aborted) throw e;
        return fail(`the authorization request failed: ${describeNetError(e, authUrl.hostname)}`, details);
      }
      if (res.status !== 200) {
        const title = /<title>([^<]*)<\/title>/i.exec(res.body)?.[1] ?? '';
        const said = /(Client not found|Invalid parameter: redirect_uri|Client is disabled)/i.exec(res.body)?.[1];
        return fail(
          `Keycloak refused ${c.clientId}'s authorization request (${res.status}${said ? `: ${said}` : title ? `: ${excerpt(title)}` : ''}): the client is not registered in the realm or the redirect URI is not allowed (stage 40)`,
          { ...details, statusCode: res.status },
        );
      }
      return pass(`${c.clientId} logs in through ${d.issuer} with redirect ${c.redirectUri}, and Keycloak accepts it`, details);
    },
  };
}
