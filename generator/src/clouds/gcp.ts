// GCP: VPC + regional private GKE from terraform-google-modules, GCS state,
// GitHub Workload Identity Federation for the pipeline and GKE Workload Identity
// for the platform's own service accounts.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { Catalog } from '../../../schemas/blueprint.ts';
import { gkeRanges, parseCidr } from '../../../schemas/net.ts';
import type { ResolvedPlan } from '../../../schemas/plan.ts';
import { oidcSubjects, type CloudModule, type ProviderRequirement, type StackSpec } from './types.ts';
import { configStage, KUBERNETES } from './config-stage.ts';
import { stateAccess } from './state-access.ts';
import { prerequisitesStage } from './prerequisites-stage.ts';

// terraform-google-modules (network 18.1.0, kubernetes-engine 44.2.0, gh-oidc 5.1.0)
// need google >= 7.17 and refuse 8.
const GOOGLE: ProviderRequirement = { name: 'google', source: 'hashicorp/google', version: '~> 7.17' };
const GOOGLE_BETA: ProviderRequirement = { name: 'google-beta', source: 'hashicorp/google-beta', version: '~> 7.17' };

const files = (stage: string, extra: Record<string, string> = {}) => ({
  'main.tf': `gcp/${stage}/main.tf.njk`,
  'variables.tf': `gcp/${stage}/variables.tf.njk`,
  'outputs.tf': `gcp/${stage}/outputs.tf.njk`,
  'versions.tf': 'gcp/versions.tf.njk',
  ...extra,
});

/** Kubernetes service accounts that act as a Google service account through GKE Workload Identity, by component. */
const WORKLOAD_IDENTITIES = [
  { component: 'externalDns', key: 'external-dns', namespace: 'external-dns', serviceAccount: 'external-dns', access: 'dns' },
  { component: 'certManager', key: 'cert-manager', namespace: 'cert-manager', serviceAccount: 'cert-manager', access: 'dns' },
  { component: 'vault', key: 'vault', namespace: 'vault', serviceAccount: 'vault', access: 'kms' },
] as const;

/**
 * Kubernetes service accounts granted a bucket directly (Workload Identity Federation
 * for GKE principals, no Google service account): Harbor's registry (the chart runs it
 * as `registry.serviceAccountName`, stage 30 creates the account) and the CloudNativePG
 * cluster (the operator names its account after the cluster).
 */
export const HARBOR_REGISTRY_KSA = { namespace: 'harbor', service_account: 'harbor-registry' } as const;
export const KEYCLOAK_DB_KSA = { namespace: 'keycloak', service_account: 'keycloak-db' } as const;

const hash = (text: string, chars: number) => bytesToHex(sha256(utf8ToBytes(text))).slice(0, chars);

/**
 * `<name>-<suffix>` within `max` characters. A name too long for the limit is cut
 * and given a short hash of the full name, so two long names never collide.
 */
export function boundedId(name: string, suffix: string, max: number, prefix = ''): string {
  const room = max - prefix.length - suffix.length - 1;
  const base = name.length <= room ? name : `${name.slice(0, room - 5).replace(/-+$/, '')}-${hash(name, 4)}`;
  return `${prefix}${base}-${suffix}`;
}

/** Service account IDs are 6-30 characters. */
export const serviceAccountId = (name: string, suffix: string) => boundedId(name, suffix, 30);

/** Workload identity pool IDs are 4-32 characters and may not start with "gcp-". */
export const poolId = (name: string, suffix: string) => boundedId(name, suffix, 32, 'gh-');

/**
 * Globally unique bucket name: `<name>-<kind>-<project>`, or, when that passes the
 * 63-character limit or contains "goog" (reserved), `<project>-<kind>-<hash of name>`
 * (project IDs may not contain "google").
 */
export function bucketName(name: string, kind: string, project: string): string {
  const plain = `${name}-${kind}-${project}`;
  return plain.length <= 63 && !/goog|g00g/.test(plain) ? plain : `${project}-${kind}-${hash(name, 8)}`;
}

/** A CEL string literal; plan values are allow-listed already, this keeps the condition well formed regardless. */
const cel = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

export interface GithubTrust {
  /** Workload identity pool attribute every binding names: the repository, by numeric ID when known. */
  principalAttribute: string;
  planCondition: string;
  applyCondition: string;
  driftCondition: string;
}

/** The workflow files whose scheduled or dispatched jobs the drift provider admits: the drift plan and the health checks. */
export const DRIFT_WORKFLOWS = ['.github/workflows/drift.yml', '.github/workflows/health.yml'];

/**
 * Attribute conditions for the three GitHub providers. Numeric IDs survive renames and
 * cannot be reclaimed by someone else, so they are used whenever the plan has them.
 * The drift provider also pins the subject (base branch, no environment), the events
 * drift.yml and health.yml run on, and those two workflows (job_workflow_ref, by name: GitHub
 * has no numeric form of it, so a renamed repository stops them until regenerated).
 */
export function githubTrust(plan: ResolvedPlan): GithubTrust {
  const g = plan.github;
  const ids = g.ownerId !== undefined && g.repoId !== undefined;
  const repo = ids
    ? `assertion.repository_id == ${cel(String(g.repoId))} && assertion.repository_owner_id == ${cel(String(g.ownerId))}`
    : `assertion.repository == ${cel(`${g.owner}/${g.repo}`)}`;
  return {
    principalAttribute: ids ? `attribute.repository_id/${g.repoId}` : `attribute.repository/${g.owner}/${g.repo}`,
    planCondition: `${repo} && assertion.event_name == 'pull_request'`,
    applyCondition: `${repo} && assertion.environment == ${cel(g.environment)} && assertion.ref == ${cel(`refs/heads/${g.baseBranch}`)}`,
    driftCondition: [
      repo,
      `assertion.sub == ${cel(oidcSubjects(plan).drift)}`,
      `assertion.ref == ${cel(`refs/heads/${g.baseBranch}`)}`,
      `assertion.event_name in ['schedule', 'workflow_dispatch']`,
      `assertion.job_workflow_ref in [${DRIFT_WORKFLOWS.map((w) => cel(`${g.owner}/${g.repo}/${w}@refs/heads/${g.baseBranch}`)).join(', ')}]`,
    ].join(' && '),
  };
}

/** GCP labels: keys and values lowercase letters, digits, "-" and "_" (no dots or slashes). */
export function gcpLabels(plan: ResolvedPlan): Record<string, string> {
  return { 'opsta-platform': plan.name, 'opsta-environment': plan.environment, 'managed-by': 'opsta' };
}

const statePrefix = (stage: string) => `stacks/${stage}`;

/** Object-name prefixes (in the state bucket, trailing "/") the plan account may read, and those it must not. */
function stateObjects(plan: ResolvedPlan) {
  const access = stateAccess(plan);
  const objects = (stage: string) => `${statePrefix(stage)}/`;
  return { planned: access.planned.map(objects), protected: access.protected.map(objects) };
}

export const gcp: CloudModule = {
  names(plan) {
    const project = plan.cloud.account.projectId!;
    const email = (id: string) => `${id}@${project}.iam.gserviceaccount.com`;
    return {
      stateBucket: bucketName(plan.name, 'tfstate', project),
      registryBucket: bucketName(plan.name, 'registry', project),
      backupBucket: bucketName(plan.name, 'backup', project),
      cluster: plan.name,
      planPool: poolId(plan.name, 'plan'),
      applyPool: poolId(plan.name, 'apply'),
      driftPool: poolId(plan.name, 'drift'),
      planServiceAccountId: serviceAccountId(plan.name, 'gh-plan'),
      applyServiceAccountId: serviceAccountId(plan.name, 'gh-apply'),
      driftServiceAccountId: serviceAccountId(plan.name, 'gh-drift'),
      planServiceAccount: email(serviceAccountId(plan.name, 'gh-plan')),
      applyServiceAccount: email(serviceAccountId(plan.name, 'gh-apply')),
      driftServiceAccount: email(serviceAccountId(plan.name, 'gh-drift')),
      vaultKeyRing: `${plan.name}-vault`,
      vaultCryptoKey: 'vault-unseal',
    };
  },

  stacks(plan: ResolvedPlan, catalog: Catalog, names): StackSpec[] {
    const base = {
      name: plan.name,
      environment: plan.environment,
      project_id: plan.cloud.account.projectId!,
      region: plan.cloud.region,
      labels: gcpLabels(plan),
    };
    const trust = githubTrust(plan);
    const ranges = gkeRanges(parseCidr(plan.network.cidr)!);
    const stack = (stage: string, providers: ProviderRequirement[], extra: Record<string, unknown> = {}) => ({
      providers,
      googleProvider: providers.includes(GOOGLE),
      googleBetaProvider: providers.includes(GOOGLE_BETA),
      kubernetesProvider: providers.includes(KUBERNETES),
      statePrefix: statePrefix(stage),
      ...extra,
    });
    const out: StackSpec[] = [
      {
        dir: 'bootstrap',
        files: files('bootstrap'),
        tfvars: {
          ...base,
          state_bucket: names.stateBucket,
          plan_pool_id: names.planPool,
          apply_pool_id: names.applyPool,
          drift_pool_id: names.driftPool,
          plan_attribute_condition: trust.planCondition,
          apply_attribute_condition: trust.applyCondition,
          drift_attribute_condition: trust.driftCondition,
          repository_principal_attribute: trust.principalAttribute,
          plan_service_account_id: names.planServiceAccountId,
          apply_service_account_id: names.applyServiceAccountId,
          drift_service_account_id: names.driftServiceAccountId,
        },
        context: { stack: stack('bootstrap', [GOOGLE, GOOGLE_BETA]), stateObjects: stateObjects(plan) },
      },
      {
        dir: 'stacks/10-network',
        files: files('10-network', { 'backend.tf': 'gcp/backend.tf.njk' }),
        tfvars: {
          ...base,
          node_cidr: ranges.nodes,
          pods_cidr: ranges.pods,
          services_cidr: ranges.services,
          domain: plan.dns.domain,
          dns_zone_mode: plan.dns.zone,
        },
        context: { stack: stack('10-network', [GOOGLE]) },
      },
    ];
    const identities = WORKLOAD_IDENTITIES.filter((w) => plan.components.includes(w.component));
    out.push({
      dir: 'stacks/20-cluster',
      files: files('20-cluster', { 'backend.tf': 'gcp/backend.tf.njk' }),
      tfvars: {
        ...base,
        state_bucket: names.stateBucket,
        kubernetes_version: plan.kubernetes.version,
        // Who may reach the Kubernetes API (plan: kubernetes.apiAccess; the mode shapes the HCL, the networks come in here).
        api_allowed_cidrs: plan.kubernetes.apiAccess.allowedCidrs,
        zones: plan.cloud.zones,
        control_plane_cidr: ranges.controlPlane,
        node_pools: Object.fromEntries(
          plan.kubernetes.nodePools.map((p) => [p.name, { machine_type: p.instanceType, min: p.min, max: p.max, disk_gib: p.diskGiB }]),
        ),
        ...(identities.length
          ? {
              workload_identities: Object.fromEntries(
                identities.map((w) => [w.key, { account_id: serviceAccountId(plan.name, w.key), namespace: w.namespace, service_account: w.serviceAccount }]),
              ),
            }
          : {}),
        ...(identities.some((w) => w.access === 'dns') ? { dns_workloads: identities.filter((w) => w.access === 'dns').map((w) => w.key) } : {}),
        ...(plan.components.includes('vault') ? { vault_key_ring: names.vaultKeyRing, vault_crypto_key: names.vaultCryptoKey } : {}),
        ...(plan.components.includes('harbor') ? { registry_bucket: names.registryBucket, registry_k8s_service_account: HARBOR_REGISTRY_KSA } : {}),
        ...(plan.backups.enabled
          ? { backup_bucket: names.backupBucket, backup_retention_days: plan.backups.retentionDays, backup_k8s_service_account: KEYCLOAK_DB_KSA }
          : {}),
      },
      context: { stack: stack('20-cluster', [GOOGLE]), workloadIdentities: identities },
    });
    const prerequisites = prerequisitesStage(plan, catalog);
    if (prerequisites) {
      out.push({
        dir: 'stacks/25-prerequisites',
        files: {
          'main.tf': 'shared/25-prerequisites/main.tf.njk',
          'variables.tf': 'gcp/25-prerequisites/variables.tf.njk',
          'outputs.tf': 'shared/25-prerequisites/outputs.tf.njk',
          'versions.tf': 'gcp/versions.tf.njk',
          'backend.tf': 'gcp/backend.tf.njk',
        },
        tfvars: { ...base, ...prerequisites.tfvars },
        context: { stack: stack('25-prerequisites', prerequisites.providers), ...prerequisites.context },
      });
    }
    const config = configStage(plan, catalog);
    if (config) {
      out.push({
        dir: 'stacks/40-config',
        files: {
          'main.tf': 'shared/40-config/main.tf.njk',
          'variables.tf': 'gcp/40-config/variables.tf.njk',
          'outputs.tf': 'shared/40-config/outputs.tf.njk',
          'versions.tf': 'gcp/versions.tf.njk',
          'backend.tf': 'gcp/backend.tf.njk',
        },
        // Stage 40 reads stage 25's outputs (remote state) from the state bucket.
        tfvars: { ...base, state_bucket: names.stateBucket, ...config.tfvars },
        context: { stack: stack('40-config', config.providers) },
      });
    }
    return out;
  },

  platformContext(plan, names) {
    const project = plan.cloud.account.projectId!;
    return {
      workloadIdentity: (key: string) => ({ 'iam.gke.io/gcp-service-account': `${serviceAccountId(plan.name, key)}@${project}.iam.gserviceaccount.com` }),
      vaultSeal: { type: 'gcpckms', project, region: plan.cloud.region, key_ring: names.vaultKeyRing, crypto_key: names.vaultCryptoKey },
      registryStorage: { type: 'gcs', bucket: names.registryBucket },
      registryServiceAccount: HARBOR_REGISTRY_KSA.service_account,
      // CloudNativePG: base backups and WAL to GCS as the cluster's own Kubernetes service account (bucket-level grant in stage 20).
      backup: {
        destinationPath: `gs://${names.backupBucket}/keycloak`,
        credentials: { googleCredentials: { gkeEnvironment: true } },
        serviceAccountAnnotations: {},
      },
      dnsProvider: 'google',
      storageClass: 'standard-rwo',
    };
  },

  pipeline: {
    variables: [
      { name: 'GCP_PLAN_WORKLOAD_IDENTITY_PROVIDER', description: 'bootstrap output plan_workload_identity_provider', scope: 'repository' },
      { name: 'GCP_PLAN_SERVICE_ACCOUNT', description: 'bootstrap output plan_service_account', scope: 'repository' },
      { name: 'GCP_APPLY_WORKLOAD_IDENTITY_PROVIDER', description: 'bootstrap output apply_workload_identity_provider', scope: 'environment' },
      { name: 'GCP_APPLY_SERVICE_ACCOUNT', description: 'bootstrap output apply_service_account', scope: 'environment' },
      // Repository variables: drift.yml and health.yml run in no environment (their provider admits only those two on the base branch).
      { name: 'GCP_DRIFT_WORKLOAD_IDENTITY_PROVIDER', description: 'bootstrap output drift_workload_identity_provider', scope: 'repository' },
      { name: 'GCP_DRIFT_SERVICE_ACCOUNT', description: 'bootstrap output drift_service_account', scope: 'repository' },
    ],
    loginTemplate: 'workflows/gcp-login.yml.njk',
    kubeconfigTemplate: 'workflows/gcp-kubeconfig.yml.njk',
    stateProbeTemplate: 'workflows/gcp-state-probe.yml.njk',
  },
  bootstrapTemplate: 'gcp/bootstrap.md.njk',
};
