// Azure-specific generation rules: global names within Azure's limits, regions without
// availability zones, exact OIDC subjects, no plan value in HCL or workflows, existing DNS
// zones, extra node pools, and that RKE2 is refused with its reason.
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { azure, azureTags, DELEGABLE_ROLES } from '../../generator/src/clouds/azure.ts';
import { ACTIONS } from '../../generator/src/actions.ts';
import { oidcSubjects } from '../../generator/src/clouds/types.ts';
import { generateRepository } from '../../generator/src/generate.ts';
import { nodeGenerateOptions } from '../../generator/src/node.ts';
import { createRenderer } from '../../generator/src/render.ts';
import { validatePlan } from '../../schemas/validate.ts';
import { validatePlanText } from '../../schemas/plan-yaml.ts';
import { loadExample, EXAMPLE_PLACEHOLDERS } from '../generated/examples.ts';

const opts = nodeGenerateOptions();
const base = () => yaml.load(loadExample('azure-medium').text) as Record<string, any>;

function generate(mutate: (p: Record<string, any>) => void = () => {}) {
  const input = base();
  mutate(input);
  const v = validatePlan(input, opts.catalog, undefined, EXAMPLE_PLACEHOLDERS);
  if (!v.ok) throw new Error(`invalid: ${JSON.stringify(v.problems)}`);
  return { v, files: generateRepository(v.plan, v.resolved, opts) };
}

const tfvars = (files: Record<string, string>, dir: string) => JSON.parse(files[`${dir}/terraform.tfvars.json`]!) as Record<string, any>;

describe('Azure names', () => {
  it('keeps storage accounts within 3-24 lowercase letters and digits and Key Vaults within 3-24, for any valid name', () => {
    for (const name of ['ab', 'acme-prod', 'a--b', `${'a'.repeat(31)}b`, 'x1-2-3-4-5-6-7-8-9-0-1-2-3-4-5z']) {
      const { v } = generate((p) => (p.metadata.name = name));
      const n = azure.names(v.resolved);
      expect(n.stateBucket, name).toMatch(/^[a-z0-9]{3,24}$/);
      expect(n.registryAccount, name).toMatch(/^[a-z0-9]{3,24}$/);
      expect(n.keyVault, name).toMatch(/^[a-z](?!.*--)[a-z0-9-]{1,22}[a-z0-9]$/);
    }
  });

  it('differs per subscription, so two subscriptions never race for one global name', () => {
    const a = azure.names(generate().v.resolved);
    const b = azure.names(generate((p) => (p.cloud.azure.subscriptionId = '00000000-0000-4000-8000-000000000000')).v.resolved);
    expect(a.stateBucket).not.toBe(b.stateBucket);
    expect(a.keyVault).not.toBe(b.keyVault);
  });

  it('writes tag names without "/" (Azure refuses it)', () => {
    for (const k of Object.keys(azureTags(generate().v.resolved))) expect(k).not.toMatch(/[<>%&\\?/]/);
  });
});

describe('Azure regions and zones', () => {
  it('spreads node pools over the plan zones and uses ZRS in a zonal region', () => {
    const { files } = generate();
    expect(tfvars(files, 'stacks/20-cluster').zones).toEqual(['1', '2', '3']);
    expect(tfvars(files, 'bootstrap').storage_replication).toBe('ZRS');
  });

  it('sets no zones and uses LRS in koreasouth, which has no availability zones', () => {
    const { v, files } = generate((p) => {
      p.cloud.region = 'koreasouth';
      p.network.zones = 1;
    });
    expect(v.resolved.network.zones).toBe(1);
    expect(tfvars(files, 'stacks/20-cluster').zones).toEqual([]);
    expect(tfvars(files, 'stacks/20-cluster').storage_replication).toBe('LRS');
    expect(tfvars(files, 'bootstrap').storage_replication).toBe('LRS');
    expect(files['stacks/20-cluster/main.tf']).toContain('zones = length(var.zones) > 0 ? var.zones : null');
  });

  it('refuses more zones than koreasouth has', () => {
    const input = base();
    input.cloud.region = 'koreasouth';
    input.network.zones = 3;
    const v = validatePlan(input, opts.catalog, undefined, EXAMPLE_PLACEHOLDERS);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.problems.map((p) => p.path)).toContain('network.zones');
  });

  it('refuses RKE2 and says why', () => {
    const input = base();
    input.kubernetes.distribution = 'rke2';
    const v = validatePlan(input, opts.catalog, undefined, EXAMPLE_PLACEHOLDERS);
    expect(v.ok).toBe(false);
    if (!v.ok) {
      const p = v.problems.find((x) => x.path === 'kubernetes.distribution');
      expect(p?.message).toMatch(/rke2-azure-tf/);
      expect(p?.message).toMatch(/distribution: managed/);
    }
  });
});

describe('Azure pipeline trust', () => {
  it('federates exactly the subjects GitHub emits, in both subject formats', () => {
    for (const ids of [{}, { ownerId: 81234567, repoId: 912345678 }]) {
      const { v, files } = generate((p) => Object.assign(p.github, ids));
      const s = oidcSubjects(v.resolved);
      expect(tfvars(files, 'bootstrap').plan_subjects).toEqual([s.plan]);
      expect(tfvars(files, 'bootstrap').apply_subjects).toEqual([s.apply]);
      expect(s.plan.endsWith(':pull_request')).toBe(true);
      expect(s.apply.endsWith(':environment:prod')).toBe(true);
    }
    const main = generate().files['bootstrap/main.tf']!;
    expect(main).toContain('github_audience = "api://AzureADTokenExchange"');
    expect(main).toContain('github_issuer   = "https://token.actions.githubusercontent.com"');
    expect(main).toContain('shared_access_key_enabled       = false');
  });

  it('signs in as the plan identity by default and as the apply identity when asked', () => {
    const render = createRenderer(opts.templates);
    const plan = render('workflows/azure-login.yml.njk', { actions: ACTIONS });
    const apply = render('workflows/azure-login.yml.njk', { actions: ACTIONS, role: 'apply' });
    expect(plan).toContain('client-id: ${{ vars.AZURE_PLAN_CLIENT_ID }}');
    expect(plan).not.toContain('AZURE_APPLY_CLIENT_ID');
    expect(apply).toContain('client-id: ${{ vars.AZURE_APPLY_CLIENT_ID }}');
    expect(apply).toContain('CLIENT_ID: ${{ vars.AZURE_APPLY_CLIENT_ID }}');
    expect(apply).not.toContain('AZURE_PLAN_CLIENT_ID');
  });

  it('lets the apply identity assign only the listed built-in roles', () => {
    const { files } = generate();
    expect(tfvars(files, 'bootstrap').delegable_role_ids).toEqual(DELEGABLE_ROLES);
    expect(files['bootstrap/main.tf']).toContain('condition            = local.delegation_condition');
    expect(files['bootstrap/main.tf']).toContain('ForAnyOfAnyValues:GuidEquals');
  });

  it('keeps plan values out of HCL and workflows', () => {
    const { v, files } = generate();
    const secrets = [v.resolved.cloud.account.subscriptionId!, v.resolved.cloud.account.tenantId!, v.resolved.dns.domain];
    for (const [p, text] of Object.entries(files)) {
      if (!p.endsWith('.tf') && !p.startsWith('.github/')) continue;
      for (const s of secrets) expect(text.includes(s), `${p} contains ${s}`).toBe(false);
    }
  });
});

describe('Azure DNS and node pools', () => {
  it('expects an existing zone in <name>-dns and lets the apply identity delegate DNS Zone Contributor there', () => {
    const { files } = generate((p) => (p.dns.zone = 'existing'));
    expect(tfvars(files, 'stacks/10-network').dns_resource_group).toBe('acme-prod-dns');
    expect(tfvars(files, 'bootstrap').dns_resource_group).toBe('acme-prod-dns');
    expect(files['bootstrap/main.tf']).toContain('resource "azurerm_role_assignment" "apply_dns_access"');
    expect(files['platform/manifests/platform-gateway/platform-gateway.yaml']).toContain('resourceGroupName: "acme-prod-dns"');
    // external-dns's azure.json is written by stage 25 (a Kubernetes object, after the cluster's stage).
    expect(tfvars(files, 'stacks/25-prerequisites').dns_resource_group).toBe('acme-prod-dns');
    expect(files['stacks/25-prerequisites/workload-identity.tf']).toContain('resourceGroup                = var.dns_resource_group');
  });

  it('makes the first node pool the system pool and the others user pools', () => {
    const { files } = generate((p) => {
      p.kubernetes.nodePools.push({ name: 'apps', instanceType: 'Standard_D8s_v5', min: 1, max: 4, diskGiB: 128 });
    });
    const t = tfvars(files, 'stacks/20-cluster');
    expect(t.system_pool).toBe('system');
    expect(Object.keys(t.node_pools)).toEqual(['system', 'apps']);
    expect(files['stacks/20-cluster/main.tf']).toContain('} if name != var.system_pool');
  });

  it('creates workload identities only for enabled components, and no Kubernetes provider without them', () => {
    const { files } = generate((p) => {
      for (const k of ['externalDns', 'keycloak', 'vault', 'harbor', 'monitoring']) p.components[k].enabled = false;
      p.components.certManager.enabled = true;
    });
    expect(Object.keys(tfvars(files, 'stacks/20-cluster').workload_identities)).toEqual(['cert-manager']);
    const { files: none } = generate((p) => {
      for (const k of Object.keys(p.components)) p.components[k].enabled = false;
    });
    expect(tfvars(none, 'stacks/20-cluster').workload_identities).toBeUndefined();
    expect(none['stacks/20-cluster/versions.tf']).not.toContain('kubernetes');
  });
});

describe('the Azure example', () => {
  it('validates as written', () => {
    expect(validatePlanText(loadExample('azure-medium').text, opts.catalog).ok).toBe(true);
  });
});
