// Generated Terraform for Azure plan variants the examples do not cover (a region without
// zones, an existing DNS zone, a second node pool, no components), through the same offline
// checks as tests/generated. Uses hcl2json only (one Go wasm runtime per test file).
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { generateRepository } from '../../generator/src/generate.ts';
import { nodeGenerateOptions } from '../../generator/src/node.ts';
import { validatePlan } from '../../schemas/validate.ts';
import { checkModuleCalls, checkProviderBlocks, checkVariables, hasTerraform, terraformFmtCheck } from '../support/hcl.ts';
import { requireTool } from '../support/tools.ts';
import { loadExample, show, EXAMPLE_PLACEHOLDERS } from '../generated/examples.ts';

const hasTf = requireTool('terraform', hasTerraform);
const opts = nodeGenerateOptions();

const VARIANTS: Record<string, (p: Record<string, any>) => void> = {
  'koreasouth, existing zone, two pools': (p) => {
    p.cloud.region = 'koreasouth';
    p.network.zones = 1;
    p.dns.zone = 'existing';
    p.kubernetes.nodePools.push({ name: 'apps', instanceType: 'Standard_D8s_v5', min: 1, max: 4, diskGiB: 128 });
  },
  'no components': (p) => {
    for (const k of Object.keys(p.components)) p.components[k].enabled = false;
  },
  'small profile, cert-manager and external-dns only': (p) => {
    p.profile = 'small';
    delete p.kubernetes.nodePools;
    for (const k of Object.keys(p.components)) p.components[k].enabled = ['gateway', 'certManager', 'externalDns'].includes(k);
  },
};

describe.each(Object.keys(VARIANTS))('generated Azure Terraform: %s', (variant) => {
  const files = () => {
    const input = yaml.load(loadExample('azure-medium').text) as Record<string, any>;
    VARIANTS[variant]!(input);
    const v = validatePlan(input, opts.catalog, undefined, EXAMPLE_PLACEHOLDERS);
    if (!v.ok) throw new Error(`invalid: ${JSON.stringify(v.problems)}`);
    return generateRepository(v.plan, v.resolved, opts);
  };

  it.skipIf(!hasTf)('is formatted', async () => {
    const r = await terraformFmtCheck(files());
    expect(r.ok, r.output).toBe(true);
  });

  it('passes the module, provider and variable checks', async () => {
    const f = files();
    const findings = [...(await checkModuleCalls(f)), ...(await checkProviderBlocks(f)).findings, ...(await checkVariables(f))];
    expect(findings, show(findings)).toEqual([]);
  });
});
