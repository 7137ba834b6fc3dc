// Azure: VNet + AKS from Azure Verified Modules (AzAPI-based, pinned exactly),
// Blob state with Entra ID auth only, user-assigned identities federated with
// GitHub OIDC for the pipeline and with the AKS OIDC issuer for workloads.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { Catalog } from '../../../schemas/blueprint.ts';
import type { ResolvedPlan } from '../../../schemas/plan.ts';
import { commonTags, oidcSubjects, type CloudModule, type ProviderRequirement, type StackSpec } from './types.ts';
import { configStage, KUBERNETES } from './config-stage.ts';
import { stateAccess } from './state-access.ts';
import { prerequisitesStage } from './prerequisites-stage.ts';

const AZURERM: ProviderRequirement = { name: 'azurerm', source: 'hashicorp/azurerm', version: '~> 4.55' };
// The AVM modules are AzAPI-based: the vnet module needs ~> 2.12, the AKS module ~> 2.9.
const AZAPI: ProviderRequirement = { name: 'azapi', source: 'Azure/azapi', version: '~> 2.12' };

/** Blob container that holds every stage's state (a catalog constant, not a plan value). */
export const STATE_CONTAINER = 'tfstate';
const REGISTRY_CONTAINER = 'registry';
const BACKUP_CONTAINER = 'keycloak-backup';
const VAULT_KEY = 'vault-unseal';
const EXTERNAL_DNS_CONFIG_MAP = 'external-dns-azure';

const files = (stage: string, extra: Record<string, string> = {}) => ({
  'main.tf': `azure/${stage}/main.tf.njk`,
  'variables.tf': `azure/${stage}/variables.tf.njk`,
  'outputs.tf': `azure/${stage}/outputs.tf.njk`,
  'versions.tf': 'azure/versions.tf.njk',
  ...extra,
});

/**
 * Kubernetes service accounts that act as a user-assigned identity through AKS
 * workload identity, by component. Stage 20 creates the identity, its federated
 * credential, its role assignment and the annotated service account itself; the
 * charts use that existing service account (see docs/decisions.md).
 */
export const WORKLOAD_IDENTITIES = [
  { component: 'externalDns', key: 'external-dns', namespace: 'external-dns', serviceAccount: 'external-dns', access: 'dns' },
  { component: 'certManager', key: 'cert-manager', namespace: 'cert-manager', serviceAccount: 'cert-manager', access: 'dns' },
  { component: 'vault', key: 'vault', namespace: 'vault', serviceAccount: 'vault', access: 'key' },
  { component: 'harbor', key: 'harbor-registry', namespace: 'harbor', serviceAccount: 'harbor-registry', access: 'registry' },
  // The CloudNativePG cluster's own service account (the operator names it after the cluster and keeps these annotations).
  { component: 'keycloak', key: 'keycloak-backup', namespace: 'keycloak', serviceAccount: 'keycloak-db', access: 'backup' },
] as const;

/** The workload identities a plan needs: per component, and Keycloak's backup identity only when backups are on. */
export function workloadIdentitiesFor(plan: ResolvedPlan) {
  return WORKLOAD_IDENTITIES.filter((w) => plan.components.includes(w.component) && (w.access !== 'backup' || plan.backups.enabled));
}

/**
 * Built-in roles the apply identity may hand out in the platform resource group
 * (Network Contributor, DNS Zone Contributor, Key Vault Crypto User, Storage Blob
 * Data Contributor). Role definition IDs are the same in every tenant.
 */
export const DELEGABLE_ROLES = [
  '4d97b98b-1d4f-4787-a291-c67834d212e7',
  'befefa01-2a29-4197-83a8-272ff33ce314',
  '12338af0-0e69-4776-bea7-57ae8d297424',
  'ba92f5b4-2d11-453d-a403-e96b0029c9fe',
];

const hash = (text: string, chars: number) => bytesToHex(sha256(utf8ToBytes(text))).slice(0, chars);

/** Azure tag names may not contain `/`: `opsta.dev/platform` becomes `opsta.dev_platform`. */
export function azureTags(plan: ResolvedPlan): Record<string, string> {
  return Object.fromEntries(Object.entries(commonTags(plan)).map(([k, v]) => [k.replace(/[<>%&\\?/]/g, '_'), v]));
}

/** Storage account and Key Vault names are global: letters and digits from the name plus a hash of subscription and name. */
function globalName(plan: ResolvedPlan, kind: string, room: number): string {
  const letters = plan.name.replace(/[^a-z0-9]/g, '').slice(0, room);
  return `${letters}${kind}${hash(`${plan.cloud.account.subscriptionId}/${plan.name}`, 8)}`;
}

function regionOf(plan: ResolvedPlan, catalog: Catalog) {
  return catalog.clouds.azure!.regions.find((r) => r.id === plan.cloud.region)!;
}

const stateKey = (stage: string) => `stacks/${stage}.tfstate`;

/** State blobs (in the state container) the plan identity may read, and those it must not. */
function stateObjects(plan: ResolvedPlan) {
  const access = stateAccess(plan);
  return { planned: access.planned.map(stateKey), protected: access.protected.map(stateKey) };
}

export const azure: CloudModule = {
  names(plan) {
    return {
      // Storage accounts: 3-24 lowercase letters and digits, globally unique.
      stateBucket: globalName(plan, 'tf', 12),
      stateContainer: STATE_CONTAINER,
      stateResourceGroup: `${plan.name}-tfstate`,
      resourceGroup: `${plan.name}-platform`,
      // An existing zone cannot be found by name alone from static Helm values: it must live in this group.
      dnsResourceGroup: plan.dns.zone === 'create' ? `${plan.name}-platform` : `${plan.name}-dns`,
      registryAccount: globalName(plan, 'reg', 11),
      registryContainer: REGISTRY_CONTAINER,
      backupAccount: globalName(plan, 'bak', 11),
      backupContainer: BACKUP_CONTAINER,
      // Key Vault: 3-24 letters, digits and single hyphens, starting with a letter, globally unique.
      keyVault: `kv-${globalName(plan, '-', 12)}`,
      cluster: plan.name,
      planIdentity: `${plan.name}-github-plan`,
      applyIdentity: `${plan.name}-github-apply`,
      driftIdentity: `${plan.name}-github-drift`,
    };
  },

  stacks(plan: ResolvedPlan, catalog: Catalog, names): StackSpec[] {
    const region = regionOf(plan, catalog);
    const base = {
      name: plan.name,
      environment: plan.environment,
      location: plan.cloud.region,
      subscription_id: plan.cloud.account.subscriptionId!,
      tenant_id: plan.cloud.account.tenantId!,
      tags: azureTags(plan),
    };
    // Zone-redundant storage where the region has zones; locally redundant otherwise.
    const storageReplication = region.availabilityZones ? 'ZRS' : 'LRS';
    const subjects = oidcSubjects(plan);
    const stack = (stage: string, providers: ProviderRequirement[], extra: Record<string, unknown> = {}) => ({
      providers,
      azurermProvider: providers.includes(AZURERM),
      azapiProvider: providers.includes(AZAPI),
      // Only stages after the cluster's use Kubernetes (stage 25), from the workflow's kubeconfig.
      kubeconfigProvider: providers.includes(KUBERNETES),
      // The bootstrap runs once from an administrator's Azure CLI session; stages run in Actions with OIDC.
      oidc: stage !== 'bootstrap',
      stateKey: stateKey(stage),
      ...extra,
    });
    const workloads = workloadIdentitiesFor(plan);
    const out: StackSpec[] = [
      {
        dir: 'bootstrap',
        files: files('bootstrap'),
        tfvars: {
          ...base,
          state_resource_group: names.stateResourceGroup,
          state_storage_account: names.stateBucket,
          state_container: names.stateContainer,
          storage_replication: storageReplication,
          resource_group: names.resourceGroup,
          plan_identity: names.planIdentity,
          apply_identity: names.applyIdentity,
          drift_identity: names.driftIdentity,
          plan_subjects: [subjects.plan],
          apply_subjects: [subjects.apply],
          drift_subjects: [subjects.drift],
          delegable_role_ids: DELEGABLE_ROLES,
          domain: plan.dns.domain,
          dns_zone_mode: plan.dns.zone,
          dns_resource_group: names.dnsResourceGroup,
        },
        context: { stack: stack('bootstrap', [AZURERM]), stateObjects: stateObjects(plan) },
      },
      {
        dir: 'stacks/10-network',
        files: files('10-network', { 'backend.tf': 'azure/backend.tf.njk' }),
        tfvars: {
          ...base,
          resource_group: names.resourceGroup,
          vnet_cidr: plan.network.cidr,
          // Azure subnets span every zone of the region: one node subnet (the first private range) serves them all.
          node_subnet_cidr: plan.network.privateSubnets[0]!,
          domain: plan.dns.domain,
          dns_zone_mode: plan.dns.zone,
          dns_resource_group: names.dnsResourceGroup,
        },
        context: { stack: stack('10-network', [AZURERM, AZAPI]) },
      },
    ];
    const [system, ...others] = plan.kubernetes.nodePools;
    out.push({
      dir: 'stacks/20-cluster',
      files: files('20-cluster', { 'backend.tf': 'azure/backend.tf.njk' }),
      tfvars: {
        ...base,
        resource_group: names.resourceGroup,
        state_storage_account: names.stateBucket,
        state_container: names.stateContainer,
        kubernetes_version: plan.kubernetes.version,
        // Who may reach the Kubernetes API (plan: kubernetes.apiAccess; the mode shapes the HCL, the networks come in here).
        api_allowed_cidrs: plan.kubernetes.apiAccess.allowedCidrs,
        zones: region.availabilityZones ? plan.cloud.zones : [],
        system_pool: system!.name,
        node_pools: Object.fromEntries(
          [system!, ...others].map((p) => [p.name, { vm_size: p.instanceType, min: p.min, max: p.max, disk_gib: p.diskGiB }]),
        ),
        ...(workloads.length
          ? {
              workload_identities: Object.fromEntries(
                workloads.map((w) => [w.key, { namespace: w.namespace, service_account: w.serviceAccount, access: w.access }]),
              ),
            }
          : {}),
        ...(plan.components.includes('vault') ? { key_vault_name: names.keyVault, vault_key_name: VAULT_KEY } : {}),
        ...(plan.components.includes('harbor')
          ? { registry_storage_account: names.registryAccount, registry_container: names.registryContainer }
          : {}),
        ...(plan.backups.enabled
          ? { backup_storage_account: names.backupAccount, backup_container: names.backupContainer, backup_retention_days: plan.backups.retentionDays }
          : {}),
        ...(plan.components.includes('harbor') || plan.backups.enabled ? { storage_replication: storageReplication } : {}),
      },
      context: {
        stack: stack('20-cluster', [AZURERM, AZAPI]),
        workloads,
        dnsAccess: workloads.some((w) => w.access === 'dns'),
      },
    });
    const stateVars = { state_storage_account: names.stateBucket, state_container: names.stateContainer };
    const prerequisites = prerequisitesStage(plan, catalog);
    if (prerequisites) {
      out.push({
        dir: 'stacks/25-prerequisites',
        files: {
          ...files('25-prerequisites', { 'backend.tf': 'azure/backend.tf.njk', 'main.tf': 'shared/25-prerequisites/main.tf.njk', 'outputs.tf': 'shared/25-prerequisites/outputs.tf.njk' }),
          ...(workloads.length ? { 'workload-identity.tf': 'azure/25-prerequisites/workload-identity.tf.njk' } : {}),
        },
        tfvars: {
          ...base,
          ...prerequisites.tfvars,
          ...(workloads.length
            ? {
                ...stateVars,
                workload_identities: Object.fromEntries(workloads.map((w) => [w.key, { namespace: w.namespace, service_account: w.serviceAccount }])),
                ...(plan.components.includes('externalDns') ? { dns_resource_group: names.dnsResourceGroup } : {}),
              }
            : {}),
        },
        context: { stack: stack('25-prerequisites', prerequisites.providers), ...prerequisites.context, workloads, externalDnsConfigMap: EXTERNAL_DNS_CONFIG_MAP },
      });
    }
    const config = configStage(plan, catalog);
    if (config) {
      out.push({
        dir: 'stacks/40-config',
        files: {
          ...files('40-config', { 'backend.tf': 'azure/backend.tf.njk' }),
          'main.tf': 'shared/40-config/main.tf.njk',
          'outputs.tf': 'shared/40-config/outputs.tf.njk',
        },
        tfvars: { ...base, ...stateVars, ...config.tfvars },
        context: { stack: stack('40-config', config.providers) },
      });
    }
    return out;
  },

  platformContext(plan, names) {
    const account = plan.cloud.account;
    const serviceAccount = (key: string) => WORKLOAD_IDENTITIES.find((w) => w.key === key)!.serviceAccount;
    return {
      dnsProvider: 'azure',
      dnsResourceGroup: names.dnsResourceGroup,
      /** Name of the service account stage 20 creates, annotated with the identity's client ID. */
      serviceAccount,
      /** ConfigMap (written by stage 20) holding external-dns's azure.json. */
      externalDnsConfigMap: EXTERNAL_DNS_CONFIG_MAP,
      vaultSeal: { type: 'azurekeyvault', tenantId: account.tenantId!, vaultName: names.keyVault!, keyName: VAULT_KEY },
      registryStorage: { type: 'azure', account: names.registryAccount, container: names.registryContainer },
      registryServiceAccount: serviceAccount('harbor-registry'),
      // CloudNativePG: base backups and WAL to Blob storage through workload identity. Stage 20 creates
      // the cluster's service account (keycloak-db) annotated with the identity's client ID.
      backup: {
        destinationPath: `https://${names.backupAccount}.blob.core.windows.net/${names.backupContainer}/keycloak`,
        credentials: { azureCredentials: { inheritFromAzureAD: true } },
        serviceAccountAnnotations: {},
        podLabels: { 'azure.workload.identity/use': 'true' },
      },
      storageClass: 'managed-csi-premium',
    };
  },

  pipeline: {
    variables: [
      { name: 'AZURE_PLAN_CLIENT_ID', description: 'bootstrap output plan_client_id', scope: 'repository' },
      { name: 'AZURE_APPLY_CLIENT_ID', description: 'bootstrap output apply_client_id', scope: 'environment' },
      // A repository variable: drift.yml runs in no environment (its identity trusts only the base branch's subject).
      { name: 'AZURE_DRIFT_CLIENT_ID', description: 'bootstrap output drift_client_id', scope: 'repository' },
    ],
    loginTemplate: 'workflows/azure-login.yml.njk',
    kubeconfigTemplate: 'workflows/azure-kubeconfig.yml.njk',
    stateProbeTemplate: 'workflows/azure-state-probe.yml.njk',
  },
  bootstrapTemplate: 'azure/bootstrap.md.njk',
};
