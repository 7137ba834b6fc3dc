// Review m8: people who sign in through Keycloak must be able to administer the platform
// without the vendor admin accounts, and nobody else may. Stage 40 creates one realm group,
// puts every client's user groups in a `groups` claim, and each component maps that group to
// its administrator role: Grafana `role_attribute_path`, Argo CD `policy.csv`, Harbor
// `oidc_admin_group`, Vault an external identity group with an admin policy. Vault's OIDC
// role also admits the CLI's loopback callback (`vault login -method=oidc`).
import { describe, expect, it } from 'vitest';
import { SSO_ADMIN_GROUP } from '../../generator/src/generate.ts';
import { parseHcl, type HclJson } from '../support/hcl.ts';
import { planVariants } from '../support/plan-variants.ts';
import { parseYaml } from '../support/yaml.ts';
import { exampleNames, generatedExample } from './examples.ts';

type Files = Record<string, string>;
type Block = Record<string, unknown>;

const VAULT_CLI_CALLBACK = 'http://localhost:8250/oidc/callback';

/** `resource "<type>" "<name>"` bodies of a parsed file. */
const resources = (j: HclJson, type: string): Record<string, Block> =>
  Object.fromEntries(Object.entries(((j.resource as Record<string, Record<string, Block[]>> | undefined)?.[type]) ?? {}).map(([n, b]) => [n, b[0]!]));

const localsOf = (j: HclJson): Block => Object.assign({}, ...(((j.locals as Block[] | undefined) ?? []) as Block[]));

const dig = (doc: unknown, path: string[]): unknown => path.reduce<unknown>((cur, k) => (cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[k] : undefined), doc);
const values = (files: Files, release: string) => {
  const text = files[`platform/values/${release}.yaml`];
  return text === undefined ? undefined : (parseYaml(text)[0] as Record<string, unknown>);
};

/** Every problem with how SSO users become administrators in one generated repository. */
async function checkSsoAdmins(files: Files): Promise<string[]> {
  const main = files['stacks/40-config/main.tf'];
  if (main === undefined) return [];
  const j = await parseHcl('stacks/40-config/main.tf', main);
  const out: string[] = [];
  const group = localsOf(j).admin_group;
  if (typeof group !== 'string' || group === '') return ['stage 40: no local.admin_group'];
  const groups = Object.values(resources(j, 'keycloak_group'));
  if (!groups.some((g) => g.name === '${local.admin_group}' || g.name === group)) out.push(`stage 40: no keycloak_group named ${group}`);
  const mappers = Object.values(resources(j, 'keycloak_openid_group_membership_protocol_mapper'));
  const mapper = mappers.find((m) => m.claim_name === 'groups');
  if (!mapper) out.push('stage 40: no group membership mapper puts a `groups` claim in the tokens');
  else {
    if (mapper.for_each !== '${keycloak_openid_client.sso}') out.push('stage 40: the groups mapper is not on every SSO client (for_each over keycloak_openid_client.sso)');
    if (mapper.full_path !== false) out.push('stage 40: the groups claim carries group paths (/name), which the components do not match');
    if (mapper.add_to_userinfo !== true || mapper.add_to_id_token !== true) out.push('stage 40: the groups claim is missing from the ID token or userinfo (Grafana reads userinfo, Argo CD and Vault the ID token)');
  }

  const grafana = values(files, 'kube-prometheus-stack');
  if (grafana && dig(grafana, ['grafana', 'grafana.ini', 'auth.generic_oauth'])) {
    const path = String(dig(grafana, ['grafana', 'grafana.ini', 'auth.generic_oauth', 'role_attribute_path']) ?? '');
    if (!path.includes(`contains(groups[*], '${group}')`) || !path.includes("'Admin'")) out.push(`Grafana: role_attribute_path does not make ${group} Admin (got "${path}")`);
  }
  const argocd = values(files, 'argo-cd');
  if (argocd && dig(argocd, ['configs', 'cm', 'oidc.config'])) {
    const csv = String(dig(argocd, ['configs', 'rbac', 'policy.csv']) ?? '');
    if (!csv.split('\n').some((l) => l.split(',').map((x) => x.trim()).join(',') === `g,${group},role:admin`)) out.push(`Argo CD: policy.csv does not grant role:admin to ${group}`);
    const dflt = dig(argocd, ['configs', 'rbac', 'policy.default']);
    if (dflt !== undefined && dflt !== '' && dflt !== 'role:readonly') out.push(`Argo CD: policy.default ${String(dflt)} gives every SSO user more than read-only`);
  }
  const harbor = Object.values(resources(j, 'harbor_config_auth'))[0];
  if (files['platform/values/harbor.yaml'] && harbor) {
    if (harbor.oidc_groups_claim !== 'groups') out.push('Harbor: oidc_groups_claim is not "groups"');
    if (harbor.oidc_admin_group !== '${local.admin_group}' && harbor.oidc_admin_group !== group) out.push(`Harbor: oidc_admin_group is not ${group}`);
  }
  if (files['platform/values/vault.yaml']) {
    const role = resources(j, 'vault_jwt_auth_backend_role').default;
    if (!role) out.push('Vault: no OIDC role');
    else {
      if (role.groups_claim !== 'groups') out.push('Vault: the OIDC role reads no groups claim, so no external group can match');
      const uris = JSON.stringify(role.allowed_redirect_uris ?? '');
      const extra = (localsOf(j).extra_redirect_uris as Record<string, string[]> | undefined)?.vault ?? [];
      if (!(uris.includes(VAULT_CLI_CALLBACK) || (uris.includes('local.extra_redirect_uris[\\"vault\\"]') && extra.includes(VAULT_CLI_CALLBACK)))) out.push(`Vault: the OIDC role does not allow the CLI callback ${VAULT_CLI_CALLBACK}`);
    }
    const client = resources(j, 'keycloak_openid_client').sso;
    if (!client || !String(client.valid_redirect_uris).includes('local.extra_redirect_uris')) out.push('Keycloak: the vault client does not allow the CLI callback');
    const idGroup = Object.values(resources(j, 'vault_identity_group')).find((g) => g.type === 'external');
    const alias = Object.values(resources(j, 'vault_identity_group_alias'))[0];
    if (!idGroup || !alias) out.push('Vault: no external identity group with an alias on the OIDC mount');
    else {
      if (alias.name !== '${local.admin_group}' && alias.name !== group) out.push(`Vault: the group alias is not ${group}`);
      if (alias.mount_accessor !== '${vault_jwt_auth_backend.oidc.accessor}') out.push('Vault: the group alias is not on the OIDC mount');
      const policies = JSON.stringify(idGroup.policies ?? []);
      const policy = Object.entries(resources(j, 'vault_policy')).find(([n]) => policies.includes(`vault_policy.${n}.name`))?.[1];
      if (!policy || !/path\s+"\*"[^}]*"sudo"/.test(String(policy.policy))) out.push('Vault: the admin group has no policy granting every path with sudo');
    }
  }
  return out;
}

describe('SSO users who administer the platform (m8)', () => {
  for (const name of exampleNames()) {
    it(`examples/${name}`, async () => {
      const files = generatedExample(name);
      const problems = await checkSsoAdmins(files);
      expect(problems, problems.join('\n')).toEqual([]);
      if (files['stacks/40-config/main.tf']) expect(files['stacks/40-config/main.tf']).toContain(`admin_group = "${SSO_ADMIN_GROUP}"`);
    });
  }

  it('random plan variants', async () => {
    for (const v of planVariants(12, 11)) {
      const problems = await checkSsoAdmins(v.files);
      expect(problems, `${v.label}\n${problems.join('\n')}`).toEqual([]);
    }
  }, 60_000);
});

describe('the check fails on the faults it exists for', () => {
  const files = generatedExample('aws-large-all');
  const edit = (path: string, from: string | RegExp, to: string): Files => {
    const text = files[path]!;
    const next = text.replace(from, to);
    expect(next, `${String(from)} not found in ${path}`).not.toBe(text);
    return { ...files, [path]: next };
  };
  const main = 'stacks/40-config/main.tf';

  it('the unmodified repository passes', async () => {
    expect(await checkSsoAdmins(files)).toEqual([]);
  });

  it('no groups claim', async () => {
    const broken = edit(main, 'claim_name          = "groups"', 'claim_name          = "roles"');
    expect(await checkSsoAdmins(broken)).toContain('stage 40: no group membership mapper puts a `groups` claim in the tokens');
    expect(await checkSsoAdmins(edit(main, 'full_path           = false', 'full_path           = true'))).toContain('stage 40: the groups claim carries group paths (/name), which the components do not match');
  });

  it('a component that does not map the group', async () => {
    const grafana = edit('platform/values/kube-prometheus-stack.yaml', /^ {6}role_attribute_path: .*\n/m, '');
    expect((await checkSsoAdmins(grafana)).join('\n')).toMatch(/Grafana: role_attribute_path does not make platform-admins Admin/);
    const argo = edit('platform/values/argo-cd.yaml', 'g, platform-admins, role:admin', 'g, admins, role:admin');
    expect(await checkSsoAdmins(argo)).toContain('Argo CD: policy.csv does not grant role:admin to platform-admins');
    const argoOpen = edit('platform/values/argo-cd.yaml', 'policy.default: ""', 'policy.default: "role:admin"');
    expect(await checkSsoAdmins(argoOpen)).toContain('Argo CD: policy.default role:admin gives every SSO user more than read-only');
    const harbor = edit(main, /^ {2}oidc_admin_group .*\n/m, '');
    expect(await checkSsoAdmins(harbor)).toContain('Harbor: oidc_admin_group is not platform-admins');
  });

  it('Vault without the groups claim, the CLI callback or the admin group', async () => {
    expect(await checkSsoAdmins(edit(main, /^ {2}groups_claim {10}= "groups"\n/m, ''))).toContain('Vault: the OIDC role reads no groups claim, so no external group can match');
    expect(await checkSsoAdmins(edit(main, '    vault = ["http://localhost:8250/oidc/callback"]\n', '    vault = []\n'))).toContain(`Vault: the OIDC role does not allow the CLI callback ${VAULT_CLI_CALLBACK}`);
    expect(await checkSsoAdmins(edit(main, 'capabilities = ["create", "read", "update", "patch", "delete", "list", "sudo"]', 'capabilities = ["read", "list"]'))).toContain(
      'Vault: the admin group has no policy granting every path with sudo',
    );
    expect(await checkSsoAdmins(edit(main, 'mount_accessor = vault_jwt_auth_backend.oidc.accessor', 'mount_accessor = "auth_userpass_0"'))).toContain('Vault: the group alias is not on the OIDC mount');
  });
});
