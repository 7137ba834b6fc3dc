// AWS: VPC + EKS (or RKE2) from terraform-aws-modules, S3 state, IAM roles for
// GitHub OIDC and IRSA.
import type { Catalog } from '../../../schemas/blueprint.ts';
import type { ResolvedPlan } from '../../../schemas/plan.ts';
import { commonTags, oidcSubjects, type CloudModule, type ProviderRequirement, type StackSpec } from './types.ts';
import { configStage, KUBERNETES } from './config-stage.ts';

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

/** Service accounts that get an IAM role, by component. */
const WORKLOAD_ROLES = [
  { component: 'externalDns', module: 'external_dns_role', suffix: 'external-dns', subject: 'system:serviceaccount:external-dns:external-dns', policy: 'dns' },
  { component: 'certManager', module: 'cert_manager_role', suffix: 'cert-manager', subject: 'system:serviceaccount:cert-manager:cert-manager', policy: 'dns' },
  { component: 'vault', module: 'vault_role', suffix: 'vault', subject: 'system:serviceaccount:vault:vault', policy: 'vault_unseal' },
];

export const aws: CloudModule = {
  names(plan) {
    const account = plan.cloud.account.accountId!;
    return {
      stateBucket: `${plan.name}-tfstate-${account}`,
      registryBucket: `${plan.name}-registry-${account}`,
      cluster: plan.name,
      planRoleArn: `arn:aws:iam::${account}:role/${plan.name}-github-plan`,
      applyRoleArn: `arn:aws:iam::${account}:role/${plan.name}-github-apply`,
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
      stateKey: `stacks/${stage}.tfstate`,
      ...extra,
    });
    const out: StackSpec[] = [
      {
        dir: 'bootstrap',
        files: { ...files('bootstrap') },
        tfvars: { ...base, state_bucket: names.stateBucket, plan_subjects: [subjects.plan], apply_subjects: [subjects.apply] },
        context: { stack: stack('bootstrap', [AWS]) },
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
        node_pools: Object.fromEntries(
          plan.kubernetes.nodePools.map((p) => [p.name, { instance_type: p.instanceType, min: p.min, max: p.max, disk_gib: p.diskGiB }]),
        ),
        apply_role_arn: names.applyRoleArn,
        plan_role_arn: names.planRoleArn,
        ...(rke2 ? { rke2_servers: cloud.rke2Servers.count, rke2_server_instance_type: cloud.rke2Servers.instanceType } : {}),
        ...(plan.components.includes('harbor') ? { registry_bucket: names.registryBucket } : {}),
      },
      context: {
        stack: stack('20-cluster', rke2 ? [AWS, CLOUDINIT, RANDOM] : [AWS, TLS, TIME]),
        workloadRoles: WORKLOAD_ROLES.filter((r) => plan.components.includes(r.component)),
      },
    });
    const config = configStage(plan, catalog);
    if (config) {
      out.push({
        dir: 'stacks/40-config',
        files: files('40-config', { 'backend.tf': 'aws/backend.tf.njk', 'main.tf': 'shared/40-config/main.tf.njk', 'outputs.tf': 'shared/40-config/outputs.tf.njk' }),
        tfvars: { ...base, ...config.tfvars },
        context: { stack: stack('40-config', config.providers), secretClients: config.secretClients },
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
      dnsProvider: 'aws',
      // EKS injects role credentials for annotated service accounts (IRSA); RKE2 nodes carry the policies instead.
      irsa: plan.kubernetes.distribution === 'managed',
      storageClass: 'gp2',
    };
  },

  pipeline: {
    variables: [
      { name: 'AWS_PLAN_ROLE_ARN', description: 'bootstrap output plan_role_arn', scope: 'repository' },
      { name: 'AWS_APPLY_ROLE_ARN', description: 'bootstrap output apply_role_arn', scope: 'environment' },
    ],
    loginTemplate: 'workflows/aws-login.yml.njk',
    kubeconfigTemplate: 'workflows/aws-kubeconfig.yml.njk',
    stateProbeTemplate: 'workflows/aws-state-probe.yml.njk',
  },
  bootstrapTemplate: 'aws/bootstrap.md.njk',
};
