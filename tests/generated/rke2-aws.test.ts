// RKE2 on AWS: what the plan schema refuses (no pod identity there) and what stage 20/30
// must carry for the cluster to come up (review B5, M5, m10).
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { nodeGenerateOptions } from '../../generator/src/node.ts';
import { validatePlan } from '../../schemas/validate.ts';
import { generatedExample, loadExample, EXAMPLE_PLACEHOLDERS } from './examples.ts';

const { catalog } = nodeGenerateOptions();
const rke2 = () => yaml.load(loadExample('aws-small-rke2').text) as Record<string, any>;

describe('RKE2 on AWS', () => {
  it('the example is valid', () => expect(validatePlan(rke2(), catalog, undefined, EXAMPLE_PLACEHOLDERS).ok).toBe(true));

  it.each(['externalDns', 'vault', 'harbor'])('refuses %s (it needs a pod identity), naming the field and the way out', (key) => {
    const plan = rke2();
    plan.components[key] = { enabled: true };
    const v = validatePlan(plan, catalog, undefined, EXAMPLE_PLACEHOLDERS);
    expect(v.ok).toBe(false);
    const p = !v.ok ? v.problems.find((x) => x.path === `components.${key}.enabled`) : undefined;
    expect(p?.message).toMatch(/no pod identity.*use distribution "managed"/);
  });

  it("refuses Let's Encrypt (Route 53 DNS-01 needs a pod identity)", () => {
    const plan = rke2();
    plan.tls = { issuer: 'letsencrypt', email: 'ops@example.org' };
    const v = validatePlan(plan, catalog, undefined, EXAMPLE_PLACEHOLDERS);
    expect(!v.ok && v.problems.some((x) => x.path === 'tls.issuer' && /selfsigned/.test(x.message))).toBe(true);
  });

  it('the same components stay allowed on EKS', () => {
    const plan = rke2();
    plan.kubernetes.distribution = 'managed';
    plan.components.externalDns = { enabled: true };
    plan.tls = { issuer: 'letsencrypt', email: 'ops@example.org' };
    expect(validatePlan(plan, catalog, undefined, EXAMPLE_PLACEHOLDERS).ok).toBe(true);
  });

  it('stage 30 starts with the cloud controller, the EBS CSI driver and the gp3 default class; stage 20 tags subnets and disables ingress-nginx', () => {
    const files = generatedExample('aws-small-rke2');
    const helmfile = yaml.load(files['platform/helmfile.yaml']!) as { releases: { name: string; needs?: string[] }[] };
    expect(helmfile.releases.slice(0, 3).map((r) => r.name)).toEqual(['aws-cloud-controller-manager', 'aws-ebs-csi-driver', 'storage-class']);
    for (const r of helmfile.releases.slice(3)) expect(r.needs).toEqual(expect.arrayContaining(['kube-system/aws-cloud-controller-manager', 'kube-system/storage-class']));
    const sc = yaml.load(files['platform/manifests/storage-class/storage-class.yaml']!) as Record<string, any>;
    expect(sc).toMatchObject({ kind: 'StorageClass', provisioner: 'ebs.csi.aws.com', parameters: { type: 'gp3', encrypted: 'true' } });
    expect(sc.metadata.annotations['storageclass.kubernetes.io/is-default-class']).toBe('true');
    const main = files['stacks/20-cluster/main.tf']!;
    expect(main).toContain('key         = "kubernetes.io/cluster/${module.rke2.cluster_name}"');
    expect(main).toContain('rke2_config = yamlencode({ disable = ["rke2-ingress-nginx"] })');
    // No workload permission on a node role (M5).
    expect(main).not.toMatch(/resource "aws_iam_role_policy" /);
  });
});
