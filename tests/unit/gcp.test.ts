// GCP-specific generation rules: GitHub trust conditions, bounded resource IDs, the GKE
// address plan, and that RKE2 is refused with its reason.
import { describe, expect, it } from 'vitest';
import { bucketName, githubTrust, poolId, serviceAccountId } from '../../generator/src/clouds/gcp.ts';
import { compareClouds } from '../../generator/src/compare.ts';
import { estimateCost } from '../../generator/src/cost.ts';
import { generateRepository } from '../../generator/src/generate.ts';
import { nodeGenerateOptions } from '../../generator/src/node.ts';
import { gkeRanges, overlaps, parseCidr, contains } from '../../schemas/net.ts';
import { validatePlan } from '../../schemas/validate.ts';
import { validatePlanText } from '../../schemas/plan-yaml.ts';
import { loadExample, EXAMPLE_PLACEHOLDERS } from '../generated/examples.ts';

const opts = nodeGenerateOptions();
const example = () => {
  const v = validatePlanText(loadExample('gcp-medium').text, opts.catalog);
  if (!v.ok) throw new Error('gcp-medium is invalid');
  return v;
};

describe('GCP GitHub trust', () => {
  it('binds to the numeric repository and owner IDs when the plan has them, per identity', () => {
    const t = githubTrust(example().resolved);
    expect(t.planCondition).toBe("assertion.repository_id == '912345678' && assertion.repository_owner_id == '81234567' && assertion.event_name == 'pull_request'");
    expect(t.applyCondition).toBe(
      "assertion.repository_id == '912345678' && assertion.repository_owner_id == '81234567' && assertion.environment == 'prod' && assertion.ref == 'refs/heads/main'",
    );
    expect(t.principalAttribute).toBe('attribute.repository_id/912345678');
  });

  it('falls back to the repository name without IDs, and never binds "*"', () => {
    const { github, ...rest } = example().resolved;
    const { ownerId: _o, repoId: _r, ...named } = github;
    const t = githubTrust({ ...rest, github: { ...named, subjectFormat: 'legacy' } });
    expect(t.planCondition).toBe("assertion.repository == 'acme/acme-platform' && assertion.event_name == 'pull_request'");
    expect(t.principalAttribute).toBe('attribute.repository/acme/acme-platform');
    expect(`${t.planCondition} ${t.applyCondition} ${t.principalAttribute}`).not.toContain('*');
  });

  it('passes the conditions to Terraform as tfvars values, not HCL', () => {
    const v = example();
    const files = generateRepository(v.plan, v.resolved, opts);
    const tfvars = JSON.parse(files['bootstrap/terraform.tfvars.json']!) as Record<string, string>;
    expect(tfvars.plan_attribute_condition).toContain("assertion.event_name == 'pull_request'");
    expect(files['bootstrap/main.tf']).toContain('attribute_condition = var.plan_attribute_condition');
    expect(files['bootstrap/main.tf']).toContain('attribute_condition = var.apply_attribute_condition');
    for (const [p, text] of Object.entries(files)) if (p.endsWith('.tf') && !p.endsWith('backend.tf')) expect(text, p).not.toContain('912345678');
  });
});

describe('GCP resource IDs', () => {
  const long = 'a'.repeat(31) + 'b';
  it('keeps service account IDs within 6-30 characters, pool IDs within 4-32 and off the "gcp-" prefix', () => {
    for (const name of ['ab', 'acme-prod', long, 'gcp-prod']) {
      for (const suffix of ['gh-plan', 'gh-apply', 'external-dns', 'cert-manager', 'vault']) {
        expect(serviceAccountId(name, suffix)).toMatch(/^[a-z][-a-z0-9]{4,28}[a-z0-9]$/);
      }
      for (const suffix of ['plan', 'apply']) {
        expect(poolId(name, suffix)).toMatch(/^(?!gcp-)[a-z][-a-z0-9]{2,30}[a-z0-9]$/);
      }
    }
    expect(serviceAccountId(long, 'vault')).not.toBe(serviceAccountId(`${'a'.repeat(31)}c`, 'vault'));
  });

  it('keeps bucket names within 63 characters and free of "goog"', () => {
    expect(bucketName('acme-prod', 'tfstate', 'acme-platform-prod')).toBe('acme-prod-tfstate-acme-platform-prod');
    for (const [name, project] of [[long, 'a-thirty-character-project-id0'], ['googlers', 'acme-platform']] as const) {
      const b = bucketName(name, 'tfstate', project);
      expect(b.length).toBeLessThanOrEqual(63);
      expect(b).not.toMatch(/goog/);
      expect(b).toMatch(/^[a-z0-9][-a-z0-9]*[a-z0-9]$/);
    }
  });
});

describe('GKE address plan', () => {
  it('gives nodes, pods, services and the control plane non-overlapping ranges for every allowed prefix', () => {
    for (let prefix = 16; prefix <= 22; prefix++) {
      const vpc = parseCidr(`10.40.0.0/${prefix}`)!;
      const r = gkeRanges(vpc);
      const all = [r.nodes, r.pods, r.services, r.controlPlane].map((c) => parseCidr(c)!);
      for (let i = 0; i < all.length; i++) for (let j = i + 1; j < all.length; j++) expect(overlaps(all[i]!, all[j]!), `${prefix}: ${i}/${j}`).toBe(false);
      expect(contains(vpc, parseCidr(r.nodes)!)).toBe(true);
      expect(contains(vpc, parseCidr(r.controlPlane)!)).toBe(true);
      expect(parseCidr(r.controlPlane)!.prefix).toBe(28);
    }
  });
});

describe('GCP distributions', () => {
  it('refuses RKE2 with the reason and the alternative', () => {
    const v = example();
    const input = { ...v.plan, kubernetes: { ...v.plan.kubernetes, distribution: 'rke2' } };
    const r = validatePlan(input, opts.catalog, undefined, EXAMPLE_PLACEHOLDERS);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const p = r.problems.find((x) => x.path === 'kubernetes.distribution');
      expect(p?.message).toMatch(/no maintained RKE2 Terraform module/);
      expect(p?.message).toMatch(/distribution: managed/);
    }
  });
});

describe('GCP cost', () => {
  it('prices one regional Cloud NAT gateway, also when another cloud\'s plan is compared on GCP', () => {
    const native = estimateCost(example().resolved, opts.catalog);
    expect(native.lines.filter((l) => l.kind === 'nat').map((l) => l.description)).toEqual(['1 NAT gateway (data processing not included)']);
    // examples/aws-medium is the same platform as examples/gcp-medium, planned on AWS.
    const aws = validatePlanText(loadExample('aws-medium').text, opts.catalog);
    if (!aws.ok) throw new Error('aws-medium is invalid');
    const onGcp = compareClouds(aws.resolved, opts.catalog).find((c) => c.cloud === 'gcp')!;
    expect(onGcp.region).toBe('asia-northeast3');
    expect(onGcp.report!.totalUsd).toBe(native.totalUsd);
  });
});
