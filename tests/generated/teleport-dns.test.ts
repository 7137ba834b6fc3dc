// Teleport terminates its own TLS on its own load balancer, outside the gateway, so its DNS
// name is a record of its own: external-dns makes it from the Service annotation. Without
// external-dns nothing would, so the plan requires it (check 2 in local-charts.test.ts holds
// the generated side: the annotation, external-dns's service source, and the release itself).
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { nodeGenerateOptions } from '../../generator/src/node.ts';
import { validatePlan } from '../../schemas/validate.ts';
import { loadExample, EXAMPLE_PLACEHOLDERS } from './examples.ts';

const { catalog } = nodeGenerateOptions();
type Plan = { components: Record<string, { enabled: boolean }> };
const base = () => yaml.load(loadExample('aws-medium').text, { schema: yaml.CORE_SCHEMA }) as Plan;

describe('Teleport needs external-dns for its DNS record', () => {
  it('is a dependency in the catalog', () => {
    expect(catalog.components.teleport!.requires).toContain('externalDns');
  });

  it('a plan with Teleport and without external-dns is refused at components.externalDns', () => {
    const p = base();
    p.components.teleport = { enabled: true };
    p.components.externalDns = { enabled: false };
    const v = validatePlan(p, catalog, undefined, EXAMPLE_PLACEHOLDERS);
    expect(v.ok).toBe(false);
    const at = v.ok ? [] : v.problems.filter((x) => x.path === 'components.externalDns').map((x) => x.message);
    expect(at.join('\n')).toMatch(/Teleport needs external-dns: set components\.externalDns\.enabled to true/i);
  });

  it('with external-dns on, the same plan is valid', () => {
    const p = base();
    p.components.teleport = { enabled: true };
    p.components.externalDns = { enabled: true };
    const v = validatePlan(p, catalog, undefined, EXAMPLE_PLACEHOLDERS);
    expect(v.ok ? [] : v.problems).toEqual([]);
  });
});
