// Review M17, Vault's half: with backups on, a nightly CronJob saves a raft snapshot with a
// Kubernetes-auth role that stage 40 creates. The two halves are written in different stages,
// so this holds them to each other: the CronJob's service account, namespace, token audience
// and role name are the ones the role binds; the role's policy reads the snapshot endpoint and
// nothing else; the CLI image is the chart's own server image at the pinned version; the
// CronJob verifies Vault with the internal CA (and never mounts the server key).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { nodeGenerateOptions } from '../../generator/src/node.ts';
import { validatePlanText } from '../../schemas/plan-yaml.ts';
import { parseHcl, type HclJson } from '../support/hcl.ts';
import { helmfileReleases } from '../support/helmfile.ts';
import { planVariants } from '../support/plan-variants.ts';
import { parseYaml } from '../support/yaml.ts';
import { exampleNames, generatedExample } from './examples.ts';

type Files = Record<string, string>;
type Block = Record<string, unknown>;
const { catalog } = nodeGenerateOptions();
const chartFacts = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/charts/vault@0.34.1.json', import.meta.url)), 'utf8')) as { values: Record<string, { default?: unknown }> };
const CHART_IMAGE = `${String(chartFacts.values['server.image.repository']!.default)}:${String(chartFacts.values['server.image.tag']!.default)}`;

const resources = (j: HclJson, type: string): Block[] => Object.values(((j.resource as Record<string, Record<string, Block[]>> | undefined)?.[type]) ?? {}).map((b) => b[0]!);
const dig = (doc: unknown, path: (string | number)[]): unknown => path.reduce<unknown>((cur, k) => (cur && typeof cur === 'object' ? (cur as Record<string | number, unknown>)[k] : undefined), doc);

async function checkSnapshots(files: Files): Promise<string[]> {
  const v = validatePlanText(files['opsta.plan.yaml']!, catalog);
  if (!v.ok) throw new Error('the generated plan does not validate');
  const plan = v.resolved;
  const vaultOn = plan.components.includes('vault');
  const release = helmfileReleases(files).find((r) => r.name === 'vault-snapshot');
  const manifest = files['platform/manifests/vault-snapshot/vault-snapshot.yaml'];
  if (!vaultOn || !plan.backups.enabled) return release || manifest ? ['vault-snapshot: installed although Vault or backups are off'] : [];
  if (!release || !manifest) return ['vault-snapshot: Vault and backups are on, but no snapshot release is installed'];
  const out: string[] = [];
  if (!release.needs.includes('vault/vault')) out.push('vault-snapshot: does not wait for the vault release');
  const objects = parseYaml(manifest) as Block[];
  const cron = objects.find((o) => o.kind === 'CronJob');
  if (!cron) return [...out, 'vault-snapshot: no CronJob'];
  const pod = dig(cron, ['spec', 'jobTemplate', 'spec', 'template', 'spec']) as Block;
  const container = (pod.containers as Block[])[0]!;
  const env = Object.fromEntries(((container.env as { name: string; value?: string }[]) ?? []).map((e) => [e.name, e.value]));
  if (container.image !== CHART_IMAGE) out.push(`vault-snapshot: image ${String(container.image)} is not the chart's server image ${CHART_IMAGE}`);
  const volumes = (pod.volumes as Block[]) ?? [];
  const audience = volumes.flatMap((vol) => ((dig(vol, ['projected', 'sources']) as Block[] | undefined) ?? []).map((s) => dig(s, ['serviceAccountToken', 'audience']))).find(Boolean);
  const ca = volumes.find((vol) => dig(vol, ['secret', 'secretName']) === 'vault-server-tls');
  const items = (dig(ca, ['secret', 'items']) as { key: string }[] | undefined) ?? [];
  if (!ca || items.length === 0 || items.some((i) => i.key !== 'ca.crt')) out.push('vault-snapshot: must mount only ca.crt of vault-server-tls (never tls.key)');
  if (env.RETENTION_DAYS !== String(plan.backups.retentionDays)) out.push(`vault-snapshot: keeps ${String(env.RETENTION_DAYS)} days, the plan says ${plan.backups.retentionDays}`);

  const main = files['stacks/40-config/main.tf'];
  if (!main) return [...out, 'stage 40: missing, so no Kubernetes-auth role exists for the CronJob'];
  const j = await parseHcl('stacks/40-config/main.tf', main);
  if (!resources(j, 'vault_auth_backend').some((b) => b.type === 'kubernetes')) out.push('stage 40: no kubernetes auth method');
  if (!resources(j, 'vault_kubernetes_auth_backend_config').length) out.push('stage 40: the kubernetes auth method is not configured');
  const role = resources(j, 'vault_kubernetes_auth_backend_role').find((r) => r.role_name === env.VAULT_ROLE);
  if (!role) return [...out, `stage 40: no Kubernetes-auth role ${String(env.VAULT_ROLE)} (the CronJob's VAULT_ROLE)`];
  const ns = String((cron.metadata as Block).namespace);
  if (!(role.bound_service_account_names as string[]).includes(String(pod.serviceAccountName))) out.push(`stage 40: role ${String(role.role_name)} does not bind service account ${String(pod.serviceAccountName)}`);
  if (!(role.bound_service_account_namespaces as string[]).includes(ns) || (role.bound_service_account_namespaces as string[]).length !== 1) out.push(`stage 40: role ${String(role.role_name)} is not bound to namespace ${ns} alone`);
  if (role.audience !== audience) out.push(`stage 40: role audience ${String(role.audience)} is not the CronJob token's audience ${String(audience)}`);
  const policies = JSON.stringify(role.token_policies);
  // token_policies names the policy by reference (vault_policy.<resource>.name) or by its name.
  const byResource = ((j.resource as Record<string, Record<string, Block[]>> | undefined)?.vault_policy) ?? {};
  const policy = Object.entries(byResource).find(([key, [b]]) => policies.includes(`vault_policy.${key}.name`) || policies.includes(`"${String(b!.name)}"`))?.[1][0];
  const body = String(policy?.policy ?? '');
  const paths = [...body.matchAll(/path\s+"([^"]+)"\s*\{([^}]*)\}/g)].map((m) => ({ path: m[1], caps: [...m[2]!.matchAll(/"([a-z]+)"/g)].map((c) => c[1]) }));
  if (paths.length !== 1 || paths[0]!.path !== 'sys/storage/raft/snapshot' || paths[0]!.caps.join(',') !== 'read') out.push(`stage 40: the snapshot policy must be read on sys/storage/raft/snapshot only (got ${JSON.stringify(paths)})`);
  return out;
}

describe('Vault raft snapshots (M17)', () => {
  for (const name of exampleNames()) {
    it(`examples/${name}`, async () => {
      const problems = await checkSnapshots(generatedExample(name));
      expect(problems, problems.join('\n')).toEqual([]);
    });
  }
  it('the large example has them (backups on by default in the large profile)', () => {
    expect(generatedExample('aws-large-all')['platform/manifests/vault-snapshot/vault-snapshot.yaml']).toContain('kind: CronJob');
  });
  it('random plan variants', async () => {
    for (const v of planVariants(12, 13)) {
      const problems = await checkSnapshots(v.files);
      expect(problems, `${v.label}\n${problems.join('\n')}`).toEqual([]);
    }
  }, 60_000);
});

describe('the check fails on the faults it exists for', () => {
  const files = generatedExample('aws-large-all');
  const snap = 'platform/manifests/vault-snapshot/vault-snapshot.yaml';
  const main = 'stacks/40-config/main.tf';
  const edit = (path: string, from: string, to: string): Files => {
    expect(files[path]).toContain(from);
    return { ...files, [path]: files[path]!.replace(from, to) };
  };

  it('the unmodified repository passes', async () => {
    expect(await checkSnapshots(files)).toEqual([]);
  });

  it('halves that do not match: service account, audience, role name', async () => {
    expect((await checkSnapshots(edit(main, 'bound_service_account_names      = ["vault-snapshot"]', 'bound_service_account_names      = ["default"]'))).join('\n')).toMatch(/does not bind service account vault-snapshot/);
    expect((await checkSnapshots(edit(main, 'audience                         = "vault"', 'audience                         = "https://kubernetes.default.svc"'))).join('\n')).toMatch(/role audience .* is not the CronJob token's audience vault/);
    expect((await checkSnapshots(edit(snap, 'value: "raft-snapshot"', 'value: "snapshot"'))).join('\n')).toMatch(/no Kubernetes-auth role snapshot/);
  });

  it('a policy that can do more than read snapshots', async () => {
    expect((await checkSnapshots(edit(main, 'capabilities = ["read"]', 'capabilities = ["read", "update"]'))).join('\n')).toMatch(/the snapshot policy must be read on sys\/storage\/raft\/snapshot only/);
  });

  it('an image that drifted from the chart, the server key mounted, a release missing', async () => {
    expect((await checkSnapshots(edit(snap, `image: "${CHART_IMAGE}"`, 'image: "hashicorp/vault:latest"'))).join('\n')).toMatch(/is not the chart's server image/);
    expect((await checkSnapshots(edit(snap, '                  - key: ca.crt\n                    path: ca.crt\n', '                  - key: tls.key\n                    path: tls.key\n'))).join('\n')).toMatch(/must mount only ca\.crt/);
    const helmfile = files['platform/helmfile.yaml']!.replace(/^ {2}- name: "vault-snapshot"\n(?: {4,}.*\n)*/m, '');
    const { [snap]: _gone, ...rest } = files;
    expect(await checkSnapshots({ ...rest, 'platform/helmfile.yaml': helmfile })).toEqual(['vault-snapshot: Vault and backups are on, but no snapshot release is installed']);
  });
});
