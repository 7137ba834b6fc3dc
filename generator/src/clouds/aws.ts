// AWS: VPC + EKS (or RKE2) from terraform-aws-modules, S3 state, IAM roles for
// GitHub OIDC and IRSA.
import type { Catalog } from '../../../schemas/blueprint.ts';
import type { ResolvedPlan } from '../../../schemas/plan.ts';
import { commonTags, oidcSubjects, type ClusterRelease, type CloudModule, type ProviderRequirement, type StackSpec } from './types.ts';
import { configStage, KUBERNETES } from './config-stage.ts';
import { stateAccess } from './state-access.ts';
import { prerequisitesStage } from './prerequisites-stage.ts';
import { RKE2_SERVER_DISK_GIB } from '../cost.ts';

const AWS: ProviderRequirement = { name: 'aws', source: 'hashicorp/aws', version: '>= 6.28, < 7.0' };
const TLS: ProviderRequirement = { name: 'tls', source: 'hashicorp/tls', version: '>= 4.0' };
const TIME: ProviderRequirement = { name: 'time', source: 'hashicorp/time', version: '>= 0.9' };
const CLOUDINIT: ProviderRequirement = { name: 'cloudinit', source: 'hashicorp/cloudinit', version: '>= 2.0' };
const RANDOM: ProviderRequirement = { name: 'random', source: 'hashicorp/random', version: '>= 3.0' };

const files = (stage: string, extra: Record<string, string> = {}) => ({
  'main.tf': `aws/${stage}/main.tf.njk`,
  'variables.tf': `aws/${stage}/variables.tf.njk`,
  'outputs.tf': `aws/${stage}/outputs.tf.njk`,
  'versions.tf': 'aws/versions.tf.njk',
  ...extra,
});

/** Service accounts the CloudNativePG cluster and Harbor's registry run as (the charts name them, stage 30 creates them). */
export const KEYCLOAK_DB_SERVICE_ACCOUNT = { namespace: 'keycloak', name: 'keycloak-db' } as const;
export const HARBOR_REGISTRY_SERVICE_ACCOUNT = { namespace: 'harbor', name: 'harbor-registry' } as const;

const irsaSubject = (sa: { namespace: string; name: string }) => `system:serviceaccount:${sa.namespace}:${sa.name}`;

/**
 * Service accounts that get an IAM role of their own (IRSA), each with the one
 * policy document its workload needs: no workload permission sits on a node role.
 */
export const WORKLOAD_ROLES = [
  { module: 'external_dns_role', suffix: 'external-dns', subject: 'system:serviceaccount:external-dns:external-dns', policy: 'external_dns', when: (p: ResolvedPlan) => p.components.includes('externalDns') },
  { module: 'cert_manager_role', suffix: 'cert-manager', subject: 'system:serviceaccount:cert-manager:cert-manager', policy: 'cert_manager_dns', when: (p: ResolvedPlan) => p.components.includes('certManager') },
  { module: 'vault_role', suffix: 'vault', subject: 'system:serviceaccount:vault:vault', policy: 'vault_unseal', when: (p: ResolvedPlan) => p.components.includes('vault') },
  { module: 'harbor_registry_role', suffix: 'harbor-registry', subject: irsaSubject(HARBOR_REGISTRY_SERVICE_ACCOUNT), policy: 'registry', when: (p: ResolvedPlan) => p.components.includes('harbor') },
  { module: 'keycloak_backup_role', suffix: 'keycloak-backup', subject: irsaSubject(KEYCLOAK_DB_SERVICE_ACCOUNT), policy: 'keycloak_backup', when: (p: ResolvedPlan) => p.backups.enabled },
] as const;

/**
 * AWS cloud controller manager image per Kubernetes minor (kubernetes/cloud-provider-aws
 * release tags): the controller is versioned with Kubernetes and must match the cluster.
 */
export const AWS_CCM_IMAGE_TAGS: Record<string, string> = { '1.33': 'v1.33.4', '1.34': 'v1.34.3', '1.35': 'v1.35.2' };

/**
 * Stage 30's first releases. Every AWS cluster gets the encrypted gp3 default StorageClass
 * (EKS 1.30+ has no default class; the EBS add-on's own defaultStorageClass is unencrypted).
 * RKE2 runs with an external cloud provider (enable_ccm), so it also needs the AWS cloud
 * controller manager (nodes stay tainted uninitialised without it) and the EBS CSI driver
 * (EKS gets that as an add-on in stage 20).
 */
function awsClusterReleases(plan: ResolvedPlan): ClusterRelease[] {
  const storageClass: ClusterRelease = { name: 'storage-class', namespace: 'kube-system', chart: './manifests/storage-class', template: 'platform/aws/storage-class.yaml.njk', needs: [] };
  if (plan.kubernetes.distribution !== 'rke2') return [storageClass];
  if (!AWS_CCM_IMAGE_TAGS[plan.kubernetes.version]) throw new Error(`no AWS cloud controller manager image is pinned for Kubernetes ${plan.kubernetes.version}`);
  return [
    {
      name: 'aws-cloud-controller-manager',
      namespace: 'kube-system',
      chart: 'aws-cloud-controller-manager',
      repository: { name: 'aws-cloud-controller-manager', url: 'https://kubernetes.github.io/cloud-provider-aws' },
      version: '0.0.11',
      template: 'platform/aws/aws-cloud-controller-manager.yaml.njk',
      needs: [],
    },
    {
      name: 'aws-ebs-csi-driver',
      namespace: 'kube-system',
      chart: 'aws-ebs-csi-driver',
      repository: { name: 'aws-ebs-csi-driver', url: 'https://kubernetes-sigs.github.io/aws-ebs-csi-driver' },
      version: '2.64.0',
      template: 'platform/aws/aws-ebs-csi-driver.yaml.njk',
      needs: ['kube-system/aws-cloud-controller-manager'],
    },
    { ...storageClass, needs: ['kube-system/aws-ebs-csi-driver'] },
  ];
}

const stateKey = (stage: string) => `stacks/${stage}.tfstate`;

/** State object keys (in the state bucket) the plan role may read, and those it must not. */
function stateObjects(plan: ResolvedPlan) {
  const access = stateAccess(plan);
  return { planned: access.planned.map(stateKey), protected: access.protected.map(stateKey) };
}

export const aws: CloudModule = {
  names(plan) {
    const account = plan.cloud.account.accountId!;
    return {
      stateBucket: `${plan.name}-tfstate-${account}`,
      registryBucket: `${plan.name}-registry-${account}`,
      backupBucket: `${plan.name}-backup-${account}`,
      cluster: plan.name,
      planRoleArn: `arn:aws:iam::${account}:role/${plan.name}-github-plan`,
      applyRoleArn: `arn:aws:iam::${account}:role/${plan.name}-github-apply`,
      driftRoleArn: `arn:aws:iam::${account}:role/${plan.name}-github-drift`,
    };
  },

  stacks(plan: ResolvedPlan, catalog: Catalog, names): StackSpec[] {
    const base = {
      name: plan.name,
      environment: plan.environment,
      region: plan.cloud.region,
      account_id: plan.cloud.account.accountId!,
      tags: commonTags(plan),
    };
    const subjects = oidcSubjects(plan);
    const stack = (stage: string, providers: ProviderRequirement[], extra: Record<string, unknown> = {}) => ({
      providers,
      awsProvider: providers.includes(AWS),
      kubernetesProvider: providers.includes(KUBERNETES),
      stateKey: stateKey(stage),
      ...extra,
    });
    const out: StackSpec[] = [
      {
        dir: 'bootstrap',
        files: { ...files('bootstrap') },
        tfvars: { ...base, state_bucket: names.stateBucket, plan_subjects: [subjects.plan], apply_subjects: [subjects.apply], drift_subjects: [subjects.drift] },
        context: { stack: stack('bootstrap', [AWS]), stateObjects: stateObjects(plan) },
      },
      {
        dir: 'stacks/10-network',
        files: files('10-network', { 'backend.tf': 'aws/backend.tf.njk' }),
        tfvars: {
          ...base,
          vpc_cidr: plan.network.cidr,
          zones: plan.cloud.zones,
          private_subnets: plan.network.privateSubnets,
          public_subnets: plan.network.publicSubnets,
          single_nat_gateway: plan.network.natGateways === 'single',
          domain: plan.dns.domain,
          dns_zone_mode: plan.dns.zone,
        },
        context: { stack: stack('10-network', [AWS]) },
      },
    ];
    const rke2 = plan.kubernetes.distribution === 'rke2';
    const cloud = catalog.clouds.aws!;
    out.push({
      dir: 'stacks/20-cluster',
      files: files('20-cluster', { 'backend.tf': 'aws/backend.tf.njk' }),
      tfvars: {
        ...base,
        state_bucket: names.stateBucket,
        kubernetes_version: plan.kubernetes.version,
        // Who may reach the Kubernetes API (plan: kubernetes.apiAccess; the mode shapes the HCL, the networks come in here).
        api_allowed_cidrs: plan.kubernetes.apiAccess.allowedCidrs,
        node_pools: Object.fromEntries(
          plan.kubernetes.nodePools.map((p) => [p.name, { instance_type: p.instanceType, min: p.min, max: p.max, disk_gib: p.diskGiB }]),
        ),
        apply_role_arn: names.applyRoleArn,
        plan_role_arn: names.planRoleArn,
        // EKS only: the health run reads the cluster through an access entry; RKE2's kubeconfig is cluster-admin, closed to it.
        ...(rke2 ? {} : { drift_role_arn: names.driftRoleArn }),
        ...(rke2 ? { rke2_servers: cloud.rke2Servers.count, rke2_server_instance_type: cloud.rke2Servers.instanceType, rke2_server_disk_gib: RKE2_SERVER_DISK_GIB } : {}),
        ...(plan.components.includes('harbor') ? { registry_bucket: names.registryBucket } : {}),
        ...(plan.backups.enabled ? { backup_bucket: names.backupBucket, backup_retention_days: plan.backups.retentionDays } : {}),
      },
      context: {
        stack: stack('20-cluster', rke2 ? [AWS, CLOUDINIT, RANDOM] : [AWS, TLS, TIME]),
        // RKE2 has no pod identity here, so no workload role at all: the plan schema refuses the
        // components that need one, rather than putting their permissions on a node role.
        workloadRoles: rke2 ? [] : WORKLOAD_ROLES.filter((r) => r.when(plan)),
      },
    });
    const prerequisites = prerequisitesStage(plan, catalog);
    if (prerequisites) {
      out.push({
        dir: 'stacks/25-prerequisites',
        files: files('25-prerequisites', { 'backend.tf': 'aws/backend.tf.njk', 'main.tf': 'shared/25-prerequisites/main.tf.njk', 'outputs.tf': 'shared/25-prerequisites/outputs.tf.njk' }),
        tfvars: { ...base, ...prerequisites.tfvars },
        context: { stack: stack('25-prerequisites', prerequisites.providers), ...prerequisites.context },
      });
    }
    const config = configStage(plan, catalog);
    if (config) {
      out.push({
        dir: 'stacks/40-config',
        files: files('40-config', { 'backend.tf': 'aws/backend.tf.njk', 'main.tf': 'shared/40-config/main.tf.njk', 'outputs.tf': 'shared/40-config/outputs.tf.njk' }),
        // Stage 40 reads stage 25's outputs (remote state) from the state bucket.
        tfvars: { ...base, state_bucket: names.stateBucket, ...config.tfvars },
        context: { stack: stack('40-config', config.providers) },
      });
    }
    return out;
  },

  platformContext(plan, names) {
    const account = plan.cloud.account.accountId!;
    return {
      roleArn: (suffix: string) => `arn:aws:iam::${account}:role/${plan.name}-${suffix}`,
      vaultSeal: { type: 'awskms', region: plan.cloud.region, kmsKeyId: `alias/${plan.name}/vault-unseal` },
      registryStorage: { type: 's3', bucket: names.registryBucket, region: plan.cloud.region },
      registryServiceAccount: HARBOR_REGISTRY_SERVICE_ACCOUNT.name,
      // CloudNativePG: base backups and WAL to S3 with the keycloak-backup role (IRSA on the cluster's service account).
      backup: {
        destinationPath: `s3://${names.backupBucket}/keycloak`,
        credentials: { s3Credentials: { inheritFromIAMRole: true } },
        serviceAccountAnnotations: { 'eks.amazonaws.com/role-arn': `arn:aws:iam::${account}:role/${plan.name}-keycloak-backup` },
      },
      dnsProvider: 'aws',
      // EKS injects role credentials for annotated service accounts (IRSA); RKE2 nodes carry the policies instead.
      irsa: plan.kubernetes.distribution === 'managed',
      // Stage 30 creates it (encrypted gp3, the cluster default) on EKS and on RKE2.
      storageClass: 'gp3',
      ccmImageTag: AWS_CCM_IMAGE_TAGS[plan.kubernetes.version] ?? '',
    };
  },

  pipeline: {
    variables: [
      { name: 'AWS_PLAN_ROLE_ARN', description: 'bootstrap output plan_role_arn', scope: 'repository' },
      { name: 'AWS_APPLY_ROLE_ARN', description: 'bootstrap output apply_role_arn', scope: 'environment' },
      // A repository variable: drift.yml runs in no environment (its role trusts only the base branch's subject).
      { name: 'AWS_DRIFT_ROLE_ARN', description: 'bootstrap output drift_role_arn', scope: 'repository' },
    ],
    loginTemplate: 'workflows/aws-login.yml.njk',
    kubeconfigTemplate: 'workflows/aws-kubeconfig.yml.njk',
    stateProbeTemplate: 'workflows/aws-state-probe.yml.njk',
  },
  bootstrapTemplate: 'aws/bootstrap.md.njk',
  clusterReleases: awsClusterReleases,
};
