// One plan, every cloud: the same components, stages, workflows, releases and
// health checks; only what the cloud itself changes may differ.
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { equivalentInstance } from '../../generator/src/compare.ts';
import { generateRepository, type GeneratedFiles } from '../../generator/src/generate.ts';
import { nodeGenerateOptions } from '../../generator/src/node.ts';
import type { CloudId } from '../../schemas/blueprint.ts';
import { validatePlan } from '../../schemas/validate.ts';
import { parsePlanYaml } from '../../schemas/plan-yaml.ts';
import { loadExample, EXAMPLE_PLACEHOLDERS } from '../generated/examples.ts';

const opts = nodeGenerateOptions();
const ACCOUNTS: Record<CloudId, Record<string, string>> = {
  aws: { accountId: '482916037251' },
  azure: { subscriptionId: '00000000-0000-4000-8000-000000000001', tenantId: '00000000-0000-4000-8000-000000000002' },
  gcp: { projectId: 'acme-platform-prod' },
};
const SEOUL: Record<CloudId, string> = { aws: 'ap-northeast-2', azure: 'koreacentral', gcp: 'asia-northeast3' };

function onCloud(base: Record<string, any>, cloud: CloudId): GeneratedFiles {
  const src = opts.catalog.clouds[base.cloud.provider as CloudId]!;
  const dst = opts.catalog.clouds[cloud]!;
  const plan = structuredClone(base);
  plan.cloud = { provider: cloud, region: SEOUL[cloud], [cloud]: ACCOUNTS[cloud] };
  plan.kubernetes.nodePools = plan.kubernetes.nodePools.map((p: { instanceType: string }) => {
    const t = src.instanceTypes.find((i) => i.id === p.instanceType)!;
    return { ...p, instanceType: equivalentInstance(dst, t.vcpu, t.memoryGiB).id };
  });
  const v = validatePlan(plan, opts.catalog, undefined, EXAMPLE_PLACEHOLDERS);
  if (!v.ok) throw new Error(`${cloud}: ${JSON.stringify(v.problems)}`);
  return generateRepository(v.plan, v.resolved, opts);
}

/**
 * Releases a cloud adds or leaves out by design: the cluster's own (a default StorageClass on EKS,
 * which AKS and GKE ship) and component releases limited to some clouds (`clouds` in the blueprint,
 * e.g. Harbor's registry ServiceAccount, which stage 25 creates on Azure). Everything else must match.
 */
const CLOUD_SPECIFIC = new Set([
  ...Object.values(opts.catalog.components).flatMap((c) => c!.releases.filter((r) => r.clouds).map((r) => `${c!.namespace}/${r.name}`)),
  'kube-system/storage-class',
  'kube-system/aws-cloud-controller-manager',
  'kube-system/aws-ebs-csi-driver',
]);

function shape(files: GeneratedFiles) {
  const pipeline = JSON.parse(files['.opsta/pipeline.json']!);
  const helmfile = yaml.load(files['platform/helmfile.yaml']!) as { releases: { name: string; namespace: string; needs?: string[] }[] };
  const workflows = Object.keys(files)
    .filter((p) => p.startsWith('.github/workflows/'))
    .sort()
    .map((p) => {
      const wf = yaml.load(files[p]!) as { name: string; on: unknown; permissions: unknown; jobs: Record<string, { name?: string; permissions?: unknown; strategy?: unknown }> };
      return { path: p, name: wf.name, on: wf.on, permissions: wf.permissions, jobs: Object.entries(wf.jobs).map(([id, j]) => ({ id, name: j.name, permissions: j.permissions, strategy: j.strategy })) };
    });
  const stackFiles = Object.keys(files)
    .filter((p) => p.startsWith('stacks/') || p.startsWith('bootstrap/'))
    .map((p) => p.replace(/\/[^/]+$/, ''))
    .filter((d, i, a) => a.indexOf(d) === i)
    .sort();
  return {
    stages: pipeline.stages,
    health: pipeline.health,
    releases: helmfile.releases
      .filter((r) => !CLOUD_SPECIFIC.has(`${r.namespace}/${r.name}`))
      .map((r) => ({ name: r.name, namespace: r.namespace, needs: (r.needs ?? []).filter((n) => !CLOUD_SPECIFIC.has(n)) })),
    workflows,
    terraformRoots: stackFiles,
    valuesFiles: Object.keys(files)
      .filter((p) => p.startsWith('platform/') && ![...CLOUD_SPECIFIC].some((id) => p.startsWith(`platform/manifests/${id.split('/')[1]}/`)))
      .sort(),
  };
}

describe('cloud parity', () => {
  const base = parsePlanYaml(loadExample('aws-medium').text);
  if (!base.ok) throw new Error('example does not parse');
  const clouds = (Object.keys(opts.catalog.clouds) as CloudId[]).sort();

  it('is checked on all three clouds', () => {
    expect(clouds).toEqual(['aws', 'azure', 'gcp']);
  });

  const shapes = Object.fromEntries(clouds.map((c) => [c, shape(onCloud(base.value as Record<string, any>, c))]));
  for (const c of clouds.filter((c) => c !== 'aws')) {
    it(`${c} has the same components, stages, workflows, releases and health checks as aws`, () => {
      expect(shapes[c]).toEqual(shapes.aws);
    });
  }
});
