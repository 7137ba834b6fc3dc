// The generated README promises only what exists (review B8, m20, N14): a numbered runbook built
// from the stages model, DNS delegation right after stage 10, sections only for components that are on.
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { generateFromInput } from '../../generator/src/generate.ts';
import { stagesFor } from '../../generator/src/graph.ts';
import { nodeGenerateOptions } from '../../generator/src/node.ts';
import { validatePlan } from '../../schemas/validate.ts';
import { exampleNames, generatedExample, loadExample, setAt, EXAMPLE_PLACEHOLDERS } from './examples.ts';

const opts = nodeGenerateOptions();
const runbook = (readme: string) => readme.slice(readme.indexOf('## Runbook'), readme.indexOf('## How changes flow'));

describe.each(exampleNames())('README of examples/%s.plan.yaml', (name) => {
  const files = () => generatedExample(name);
  const readme = () => files()['README.md']!;
  const resolved = () => {
    const v = validatePlan(yaml.load(loadExample(name).text, { schema: yaml.CORE_SCHEMA }), opts.catalog, undefined, EXAMPLE_PLACEHOLDERS);
    if (!v.ok) throw new Error('example invalid');
    return v.resolved;
  };

  it('describes the executor honestly: what the workflows do, what still needs a person, the runbook as the fallback', () => {
    expect(Object.keys(files()).filter((p) => p.startsWith('.github/workflows/')).sort()).toEqual(
      ['apply', 'destroy', 'drift', 'health', 'plan'].map((w) => `.github/workflows/${w}.yml`),
    );
    expect(readme()).not.toMatch(/No workflow applies anything yet/);
    const flow = readme().slice(readme().indexOf('## How changes flow'));
    expect(flow).toContain(stagesFor(resolved()).map((s) => s.id).join(' → '));
    expect(flow).toMatch(/Terraform has no undo/);
    expect(flow).toMatch(/What still needs a person: the one-time bootstrap/);
    expect(flow.includes('delegating DNS')).toBe(resolved().dns.zone === 'create');
    expect(flow.includes('VAULT_TOKEN')).toBe(resolved().components.includes('vault'));
    expect(runbook(readme())).toMatch(/This is the manual fallback/);
  });

  it('has one numbered step per stage, in stagesFor order, each with its exact command', () => {
    const steps = [...runbook(readme()).matchAll(/^(\d+)\. \*\*(?:Stage )?([^*:]+)/gm)].map((m) => [Number(m[1]), m[2]!.trim()] as const);
    expect(steps.map(([n]) => n)).toEqual(steps.map((_, i) => i + 1));
    const stageSteps = steps.map(([, t]) => t).filter((t) => /^\d\d-/.test(t));
    expect(stageSteps).toEqual(stagesFor(resolved()).map((s) => s.id));
    for (const s of stagesFor(resolved())) {
      expect(runbook(readme())).toContain(s.tool === 'terraform' ? `terraform -chdir=${s.dir} apply tfplan` : 'helmfile sync');
    }
  });

  it('delegates DNS right after stage 10 (before any certificate), only when the zone is created here', () => {
    const r = runbook(readme());
    const delegate = r.indexOf('Delegate DNS now');
    if (resolved().dns.zone === 'create') {
      expect(delegate).toBeGreaterThan(r.indexOf('Stage 10-network'));
      expect(delegate).toBeLessThan(r.indexOf('Stage 20-cluster'));
    } else expect(delegate).toBe(-1);
  });

  it('tells where every credential comes from, only for components that are on', () => {
    const r = runbook(readme());
    const on = resolved().components;
    expect(r.includes('keycloak-bootstrap-admin')).toBe(on.includes('keycloak'));
    expect(r.includes('harbor-admin')).toBe(on.includes('harbor'));
    expect(r.includes('vault operator init')).toBe(on.includes('vault'));
    expect(readme().includes('Vault unseals')).toBe(on.includes('vault'));
    expect(r).toMatch(resolved().kubernetes.distribution === 'rke2' ? /aws s3 cp "\$\(terraform -chdir=stacks\/20-cluster output -raw kubeconfig_path\)"/ : /kubeconfig/);
  });
});

describe('reviewers: [] (m20 f)', () => {
  it('writes no ownerless CODEOWNERS and says in the README that nothing requires review', () => {
    const plan = setAt(yaml.load(loadExample('aws-medium').text, { schema: yaml.CORE_SCHEMA }) as object, ['github', 'reviewers'], []);
    const files = generateFromInput(plan, opts, EXAMPLE_PLACEHOLDERS);
    expect(files['.github/CODEOWNERS']).toBeUndefined();
    expect(files['README.md']).toMatch(/Nobody is required to review/);
    expect(generatedExample('aws-medium')['.github/CODEOWNERS']).toMatch(/^\* +@alice$/m);
  });
});
