/**
 * Random plan variants for the chart checks: an example plan (any cloud) with a random
 * profile, component set (closed under dependencies), TLS issuer and, on AWS, distribution.
 * These are the plan fields the Helm values and local-chart templates branch on; the other
 * fields (names, CIDRs, reviewers) are exercised by tests/generated/property.test.ts.
 */
import fc from 'fast-check';
import yaml from 'js-yaml';
import { requiredClosure } from '../../blueprints/catalog.ts';
import { generateRepository, type GeneratedFiles } from '../../generator/src/generate.ts';
import { nodeGenerateOptions } from '../../generator/src/node.ts';
import { PROFILES } from '../../schemas/blueprint.ts';
import { validatePlan } from '../../schemas/validate.ts';
import { exampleNames, loadExample, EXAMPLE_PLACEHOLDERS } from '../generated/examples.ts';

const opts = nodeGenerateOptions();
const COMPONENTS = Object.keys(opts.catalog.components).sort();

export interface PlanVariant {
  label: string;
  files: GeneratedFiles;
}

type Plan = Record<string, unknown> & { kubernetes?: Record<string, unknown>; cloud: { provider: string }; tls?: Record<string, unknown> };

const variant = fc.record({
  example: fc.constantFrom(...exampleNames()),
  profile: fc.constantFrom(...PROFILES),
  picked: fc.subarray(COMPONENTS, { minLength: 1 }),
  issuer: fc.constantFrom('letsencrypt', 'letsencrypt-staging', 'selfsigned'),
  distribution: fc.constantFrom('managed', 'rke2'),
});

/**
 * `count` generated repositories from random variants (deterministic for a seed). Variants the
 * plan validation refuses (say RKE2 off AWS) are drawn again, so every one returned is valid.
 */
export function planVariants(count: number, seed = Number(process.env.FC_SEED ?? 20260101)): PlanVariant[] {
  const out: PlanVariant[] = [];
  const samples = fc.sample(variant, { numRuns: count * 8, seed });
  for (const s of samples) {
    if (out.length >= count) break;
    const plan = yaml.load(loadExample(s.example).text, { schema: yaml.CORE_SCHEMA }) as Plan;
    const enabled = new Set(s.picked.flatMap((k) => [k, ...requiredClosure(opts.catalog, k)]));
    plan.profile = s.profile;
    plan.components = Object.fromEntries(COMPONENTS.map((k) => [k, { enabled: enabled.has(k) }]));
    plan.tls = { ...plan.tls, issuer: s.issuer };
    // The profile's default node pools always cover what its components request.
    const { nodePools: _pools, ...kubernetes } = plan.kubernetes ?? {};
    plan.kubernetes = plan.cloud.provider === 'aws' ? { ...kubernetes, distribution: s.distribution } : kubernetes;
    const v = validatePlan(plan, opts.catalog, undefined, EXAMPLE_PLACEHOLDERS);
    if (!v.ok) continue;
    out.push({
      label: `${s.example} ${s.profile} ${plan.cloud.provider === 'aws' ? s.distribution : ''} ${s.issuer} [${[...enabled].sort().join(',')}]`,
      files: generateRepository(v.plan, v.resolved, opts),
    });
  }
  if (out.length < count) throw new Error(`only ${out.length} of ${count} plan variants were valid; check planVariants()`);
  return out;
}
