// What a job must have for a check to mean anything: a cloud identity (credentials and state
// checks) or a kubeconfig (every check through kubectl and helm). A job that has none at all, such
// as a scheduled run in no environment, reports those checks as skipped with the reason instead
// of failing them every run. A prerequisite half present (a key without its secret, a KUBECONFIG
// naming no file) is a broken setup, not an absent one: the check runs and fails on it.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../errors.ts';
import type { HealthConfig } from './config.ts';

/** `cluster-secrets`: a cluster identity that may read Secrets (Helm keeps its release records in them). */
export type Prerequisite = 'cloud' | 'cluster' | 'cluster-secrets';

/**
 * What the job's cluster identity may read. `view` (OPSTA_HEALTH_SCOPE=view, set by the scheduled
 * health.yml): a read-only role without Secrets, so the checks that need them are not run, and a
 * check the role is refused (Forbidden) is not run rather than failed: the platform is not at
 * fault when a deliberately narrow reader may not see something.
 */
export type HealthScope = 'full' | 'view';

export const SCOPE_VARIABLE = 'OPSTA_HEALTH_SCOPE';
export const VIEW_SCOPE_SECRETS = `the scheduled identity cannot read Helm release secrets (${SCOPE_VARIABLE}=view: a read-only role without Secrets)`;

export function healthScope(env: Env): HealthScope {
  const v = env[SCOPE_VARIABLE];
  if (v === undefined || v === '' || v === 'full') return 'full';
  if (v === 'view') return 'view';
  throw new UsageError(`${SCOPE_VARIABLE} is ${JSON.stringify(v.slice(0, 40))}: set it to "view" (a read-only cluster role without Secrets) or leave it unset`);
}

/** Whether a check talks to the cluster (and so waits for cluster-api). */
export const throughCluster = (needs: Prerequisite | undefined) => needs === 'cluster' || needs === 'cluster-secrets';

/** kubectl's and Helm's wording for an RBAC refusal ("Error from server (Forbidden): ... is forbidden: User ... cannot list"). */
export const isForbidden = (reason: string) => /\(Forbidden\)|\bis forbidden\b/.test(reason);

type Env = Record<string, string | undefined>;
const set = (env: Env, n: string) => typeof env[n] === 'string' && env[n] !== '';

/** Every variable the credentials check reads for the cloud: any one present means an identity was meant to be there. */
export const CREDENTIAL_VARIABLES: Record<HealthConfig['cloud'], string[]> = {
  aws: ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_ROLE_ARN', 'AWS_WEB_IDENTITY_TOKEN_FILE'],
  azure: ['ARM_CLIENT_ID', 'ARM_TENANT_ID', 'ARM_SUBSCRIPTION_ID', 'ARM_CLIENT_SECRET'],
  gcp: ['GOOGLE_APPLICATION_CREDENTIALS', 'CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE', 'GOOGLE_GHA_CREDS_PATH'],
};

/** Why the job has no cloud identity, or undefined when it has (some of) one. */
export function missingCloudIdentity(cloud: HealthConfig['cloud'], env: Env): string | undefined {
  const names = CREDENTIAL_VARIABLES[cloud];
  if (names.some((n) => set(env, n))) return undefined;
  return `no cloud identity in this job (none of ${names.join(', ')} is set)`;
}

/**
 * Why kubectl would have no cluster to talk to, or undefined when it has a configuration. Read
 * from the job's own environment, as kubectl reads it: KUBECONFIG when set (a list), else
 * $HOME/.kube/config, else the in-cluster service account.
 */
export function missingKubeconfig(env: Env): string | undefined {
  if (set(env, 'KUBECONFIG')) return undefined; // even naming no file: kubectl then fails, and so does the check
  if (set(env, 'KUBERNETES_SERVICE_HOST')) return undefined;
  if (set(env, 'HOME') && existsSync(join(env.HOME!, '.kube', 'config'))) return undefined;
  return 'no kubeconfig in this job (KUBECONFIG is not set and there is no ~/.kube/config)';
}

/** The reason each prerequisite is missing; an absent key means it is present. */
export function missingPrerequisites(config: HealthConfig, env: Env): Partial<Record<Prerequisite, string>> {
  const cloud = missingCloudIdentity(config.cloud, env);
  const cluster = missingKubeconfig(env);
  const secrets = cluster ?? (healthScope(env) === 'view' ? VIEW_SCOPE_SECRETS : undefined);
  return { ...(cloud ? { cloud } : {}), ...(cluster ? { cluster } : {}), ...(secrets ? { 'cluster-secrets': secrets } : {}) };
}

