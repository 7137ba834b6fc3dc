// Generated Terraform for GCP plan variants the example does not cover (another region, an
// existing DNS zone, a second node pool, no repository IDs, no components, the longest names),
// through the same offline checks as tests/generated. Uses hcl2json only (one Go wasm runtime
// per test file).
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
/** Blocks without a provider schema fixture that are expected (see tests/generated/generated-hcl.test.ts). */
const UNCHECKED_OK = /^(resource|data) "(keycloak|harbor)_|^data "terraform_remote_state" /;

const VARIANTS: Record<string, (p: Record<string, any>) => void> = {
  'us-east1, existing zone, two pools, no repository IDs': (p) => {
    p.cloud.region = 'us-east1';
    p.dns.zone = 'existing';
    p.kubernetes.nodePools.push({ name: 'apps', instanceType: 'n2-standard-8', min: 1, max: 4, diskGiB: 200 });
    delete p.github.ownerId;
    delete p.github.repoId;
  },
  'no components': (p) => {
    for (const k of Object.keys(p.components)) p.components[k].enabled = false;
  },
  'small profile, cert-manager and external-dns only': (p) => {
    p.profile = 'small';
    delete p.kubernetes.nodePools;
    delete p.network.zones;
    for (const k of Object.keys(p.components)) p.components[k].enabled = ['gateway', 'certManager', 'externalDns'].includes(k);
  },
  'longest name and project ID, /22 network': (p) => {
    p.metadata.name = 'a-platform-name-of-32-characters';
    p.cloud.gcp.projectId = 'a-project-id-of-30-characters0';
    p.network.cidr = '192.168.4.0/22';
  },
};

function generate(variant: string) {
  const input = yaml.load(loadExample('gcp-medium').text) as Record<string, any>;
  VARIANTS[variant]!(input);
  const v = validatePlan(input, opts.catalog, undefined, EXAMPLE_PLACEHOLDERS);
  if (!v.ok) throw new Error(`invalid: ${JSON.stringify(v.problems)}`);
  return generateRepository(v.plan, v.resolved, opts);
}

describe.each(Object.keys(VARIANTS))('generated GCP Terraform: %s', (variant) => {
  const files = () => generate(variant);

  it.skipIf(!hasTf)('is formatted', async () => {
    const r = await terraformFmtCheck(files());
    expect(r.ok, r.output).toBe(true);
  });

  it('passes the module, provider and variable checks', async () => {
    const f = files();
    const providers = await checkProviderBlocks(f);
    const findings = [...(await checkModuleCalls(f)), ...providers.findings, ...(await checkVariables(f))];
    expect(findings, show(findings)).toEqual([]);
    const surprising = providers.unchecked.filter((u) => !UNCHECKED_OK.test(u.message));
    expect(surprising, show(surprising)).toEqual([]);
  });
});

describe('GCP variants', () => {
  it('finds an existing zone by DNS name and binds by repository name without IDs', () => {
    const f = generate('us-east1, existing zone, two pools, no repository IDs');
    expect(f['stacks/10-network/main.tf']).toContain('data "google_dns_managed_zones" "existing"');
    const boot = JSON.parse(f['bootstrap/terraform.tfvars.json']!) as Record<string, string>;
    expect(boot.repository_principal_attribute).toBe('attribute.repository/acme/acme-platform');
    expect(boot.plan_attribute_condition).toBe("assertion.repository == 'acme/acme-platform' && assertion.event_name == 'pull_request'");
    const cluster = JSON.parse(f['stacks/20-cluster/terraform.tfvars.json']!) as { zones: string[]; node_pools: Record<string, unknown> };
    expect(cluster.zones).toEqual(['us-east1-b', 'us-east1-c', 'us-east1-d']);
    expect(Object.keys(cluster.node_pools)).toEqual(['system', 'apps']);
  });

  it('keeps IDs within their limits for the longest names, and the Helm annotations match the accounts', () => {
    const f = generate('longest name and project ID, /22 network');
    const boot = JSON.parse(f['bootstrap/terraform.tfvars.json']!) as Record<string, string>;
    expect(boot.state_bucket!.length).toBeLessThanOrEqual(63);
    expect(boot.plan_pool_id!.length).toBeLessThanOrEqual(32);
    expect(boot.apply_service_account_id!.length).toBeLessThanOrEqual(30);
    const cluster = JSON.parse(f['stacks/20-cluster/terraform.tfvars.json']!) as { workload_identities: Record<string, { account_id: string }>; control_plane_cidr: string };
    expect(cluster.control_plane_cidr).toBe('192.168.7.240/28');
    for (const [key, w] of Object.entries(cluster.workload_identities)) {
      expect(w.account_id.length, key).toBeLessThanOrEqual(30);
      const values = key === 'vault' ? f['platform/values/vault.yaml']! : f[`platform/values/${key}.yaml`]!;
      expect(values, key).toContain(`${w.account_id}@a-project-id-of-30-characters0.iam.gserviceaccount.com`);
    }
  });
});
