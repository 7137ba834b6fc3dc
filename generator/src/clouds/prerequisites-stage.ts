// Stage 25 (cluster prerequisites) is the same on every cloud: the platform's
// namespaces and every credential a Helm release reads when it starts, generated
// once at apply time (random_password) and written to Kubernetes Secrets, so no
// values file holds a password, no chart falls back to its vendor default or
// invents a new secret on each render, and no release waits on a later stage.
// Clouds add their backend, their common variables and their workload-identity
// objects (Azure: annotated service accounts).
import type { Catalog } from '../../../schemas/blueprint.ts';
import type { ResolvedPlan } from '../../../schemas/plan.ts';
import { KUBERNETES } from './config-stage.ts';
import type { ProviderRequirement } from './types.ts';

export const RANDOM: ProviderRequirement = { name: 'random', source: 'hashicorp/random', version: '~> 3.7' };
export const TLS: ProviderRequirement = { name: 'tls', source: 'hashicorp/tls', version: '~> 4.0' };

/**
 * The Secrets stage 25 writes, by what reads them. Names are catalog constants (never plan
 * values); the values templates read them from here through the `prerequisites` context, so the
 * Terraform that creates a Secret and the values that name it cannot drift apart.
 */
export const PREREQUISITE_SECRETS = {
  /** Harbor's break-glass admin password (key HARBOR_ADMIN_PASSWORD); stage 40's harbor provider logs in with it. */
  harborAdmin: 'harbor-admin',
  /** Harbor's internal secrets: secretKey, core/jobservice/registry secrets, CSRF key, database and registry passwords. */
  harborInternal: 'harbor-internal',
  /** Harbor core's token-signing key pair (tls.key, tls.crt). */
  harborTokenService: 'harbor-token-service',
  /** Placeholder account key for Azure Blob storage, which has shared keys disabled (workload identity instead). */
  harborAzureStorage: 'harbor-registry-azure',
  /** Grafana's admin user (admin-user, admin-password). */
  grafanaAdmin: 'grafana-admin',
  /** Keycloak's bootstrap admin user (username, password): break-glass only. */
  keycloakAdmin: 'keycloak-bootstrap-admin',
  /** Keycloak's bootstrap service-account client (client-id, client-secret): stage 40's keycloak provider. */
  keycloakService: 'keycloak-bootstrap-service',
} as const;

/** Client ID of the master-realm service account stage 40 configures Keycloak with. */
export const KEYCLOAK_AUTOMATION_CLIENT = 'opsta-terraform';

/** Components whose chart reads its OIDC client from a Kubernetes Secret (`<clientId>-oidc`); the others get theirs from stage 40. */
const SECRET_CLIENTS = new Set(['monitoring', 'argocd']);

/** Labels a Secret needs for its consumer to see it: Argo CD resolves `$secret:key` only in Secrets labelled part-of argocd. */
const OIDC_SECRET_LABELS: Record<string, Record<string, string>> = { argocd: { 'app.kubernetes.io/part-of': 'argocd' } };

export interface OidcSecret {
  /** Terraform resource name. */
  resource: string;
  component: string;
  name: string;
  clientId: string;
  namespace: string;
  labels: Record<string, string>;
}

export interface PrerequisitesStage {
  providers: ProviderRequirement[];
  tfvars: Record<string, unknown>;
  /** Context for the stage's templates and for the Helm values templates. */
  context: {
    secrets: typeof PREREQUISITE_SECRETS;
    keycloakAutomationClient: string;
    /** Components with an SSO client (their secrets are generated here, registered by stage 40). */
    ssoClients: string[];
    oidcSecrets: OidcSecret[];
    harborAzureStorage: boolean;
  };
}

/** Stage 25's providers, variables and template context, or undefined when the plan has no components. */
export function prerequisitesStage(plan: ResolvedPlan, catalog: Catalog): PrerequisitesStage | undefined {
  if (plan.components.length === 0) return undefined;
  const on = (k: string) => plan.components.includes(k);
  const sso = on('keycloak') ? plan.components.filter((k) => catalog.components[k]!.sso) : [];
  const oidcSecrets = sso
    .filter((k) => SECRET_CLIENTS.has(k))
    .map((k) => {
      const c = catalog.components[k]!;
      return { resource: `${c.sso!.clientId}_oidc`, component: k, name: c.name, clientId: c.sso!.clientId, namespace: c.namespace, labels: OIDC_SECRET_LABELS[k] ?? {} };
    });
  const namespaces = [...new Set(plan.components.map((k) => catalog.components[k]!.namespace))].sort();
  return {
    providers: [KUBERNETES, RANDOM, ...(on('harbor') ? [TLS] : [])],
    tfvars: {
      namespaces,
      ...(sso.length ? { sso_clients: sso.map((k) => catalog.components[k]!.sso!.clientId).sort() } : {}),
    },
    context: {
      secrets: PREREQUISITE_SECRETS,
      keycloakAutomationClient: KEYCLOAK_AUTOMATION_CLIENT,
      ssoClients: sso,
      oidcSecrets,
      harborAzureStorage: on('harbor') && plan.cloud.provider === 'azure',
    },
  };
}
