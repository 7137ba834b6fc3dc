// Stage 40 (SSO wiring) is the same on every cloud: a Keycloak realm, an OIDC
// client per component that supports SSO, and the consuming side of each client.
// Clouds add only their backend, their common variables and how they log in.
import type { Catalog } from '../../../schemas/blueprint.ts';
import type { ResolvedPlan } from '../../../schemas/plan.ts';
import type { ProviderRequirement } from './types.ts';

export const KEYCLOAK: ProviderRequirement = { name: 'keycloak', source: 'keycloak/keycloak', version: '~> 5.0' };
export const VAULT: ProviderRequirement = { name: 'vault', source: 'hashicorp/vault', version: '~> 5.0' };
export const HARBOR: ProviderRequirement = { name: 'harbor', source: 'goharbor/harbor', version: '~> 3.0' };
export const KUBERNETES: ProviderRequirement = { name: 'kubernetes', source: 'hashicorp/kubernetes', version: '~> 3.0' };

/** Components whose chart reads its OIDC client from a Kubernetes Secret that stage 40 writes. */
const SECRET_CLIENTS: Record<string, string> = { monitoring: 'grafana_oidc', argocd: 'argocd_oidc' };

export interface ConfigStage {
  providers: ProviderRequirement[];
  /** Stage-specific variables; each cloud puts its common ones first. */
  tfvars: Record<string, unknown>;
  secretClients: { resource: string; name: string; clientId: string; secretName: string; namespace: string }[];
}

/** Stage 40's providers, variables and Secret-backed clients, or undefined when Keycloak is off. */
export function configStage(plan: ResolvedPlan, catalog: Catalog): ConfigStage | undefined {
  if (!plan.components.includes('keycloak')) return undefined;
  const ssoComponents = plan.components.filter((k) => catalog.components[k]!.sso);
  const host = (k: string) => `${catalog.components[k]!.hostname}.${plan.dns.domain}`;
  const secretClients = ssoComponents
    .filter((k) => k in SECRET_CLIENTS)
    .map((k) => {
      const c = catalog.components[k]!;
      return { resource: SECRET_CLIENTS[k]!, name: c.name, clientId: c.sso!.clientId, secretName: `${c.sso!.clientId}-oidc`, namespace: c.namespace };
    });
  return {
    providers: [
      KEYCLOAK,
      ...(plan.components.includes('vault') ? [VAULT] : []),
      ...(plan.components.includes('harbor') ? [HARBOR] : []),
      ...(secretClients.length ? [KUBERNETES] : []),
    ],
    tfvars: {
      realm: plan.componentOptions.keycloak!.realm,
      sso_hostname: host('keycloak'),
      sso_clients: Object.fromEntries(
        ssoComponents.map((k) => {
          const c = catalog.components[k]!;
          return [c.sso!.clientId, { name: c.name, redirect_uri: `https://${host(k)}${c.sso!.redirectPath}` }];
        }),
      ),
      ...(plan.components.includes('vault') ? { vault_hostname: host('vault') } : {}),
      ...(plan.components.includes('harbor') ? { registry_hostname: host('harbor') } : {}),
    },
    secretClients,
  };
}
