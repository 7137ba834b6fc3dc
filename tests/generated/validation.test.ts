// The plan validator's messages: each names the field and says how to fix it. No Go wasm tools.
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { generateFromInput, PlanError } from '../../generator/src/generate.ts';
import { nodeGenerateOptions } from '../../generator/src/node.ts';
import { validatePlan, type Problem } from '../../schemas/validate.ts';
import { validatePlanText } from '../../schemas/plan-yaml.ts';
import { loadExample, EXAMPLE_PLACEHOLDERS } from './examples.ts';

const opts = nodeGenerateOptions();
const { catalog } = opts;
// Plain YAML data mutated freely in the tests below.
type Plan = Record<string, any>;

const base = (): Plan => yaml.load(loadExample('aws-medium').text, { schema: yaml.CORE_SCHEMA }) as Plan;

function problems(plan: unknown): Problem[] {
  const v = validatePlan(plan, catalog, undefined, EXAMPLE_PLACEHOLDERS);
  return v.ok ? [] : v.problems;
}

function problemAt(plan: unknown, path: string): string {
  const all = problems(plan);
  const at = all.filter((p) => p.path === path);
  expect(at, `no problem at ${path}; got:\n${all.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`).not.toEqual([]);
  return at.map((p) => p.message).join('\n');
}

describe('plan validation messages', () => {
  it('accepts the example as is', () => {
    expect(problems(base())).toEqual([]);
  });

  it('a public network: network.cidr, RFC 1918', () => {
    const p = base();
    p.network.cidr = '8.8.0.0/16';
    expect(problemAt(p, 'network.cidr')).toMatch(/RFC 1918/);
  });

  it('a /8 network: use /16 to /22', () => {
    const p = base();
    p.network.cidr = '10.0.0.0/8';
    expect(problemAt(p, 'network.cidr')).toMatch(/\/8 is out of range: use \/16 to \/22/);
  });

  it('a /30 network: use /16 to /22', () => {
    const p = base();
    p.network.cidr = '10.40.0.0/30';
    expect(problemAt(p, 'network.cidr')).toMatch(/\/16 to \/22/);
  });

  it('host bits set: says what the CIDR form is', () => {
    const p = base();
    p.network.cidr = '10.40.1.0/16';
    expect(problemAt(p, 'network.cidr')).toMatch(/no host bits set/);
  });

  it('unknown key "componets": did you mean "components"', () => {
    const p = base();
    p.componets = p.components;
    delete p.components;
    expect(problemAt(p, '')).toMatch(/unknown key "componets" \(did you mean "components"\?\)/);
  });

  it('an unknown key with no near match lists the allowed keys', () => {
    const p = base();
    p.github.zzzzzzzz = true;
    expect(problemAt(p, 'github')).toMatch(/unknown key "zzzzzzzz" \(allowed: owner, repo,/);
  });

  it('Harbor without cert-manager: components.certManager, "Harbor needs cert-manager"', () => {
    const p = base();
    p.components.certManager = { enabled: false };
    const msg = problemAt(p, 'components.certManager');
    expect(msg).toMatch(new RegExp(`${catalog.components.harbor!.name} needs ${catalog.components.certManager!.name}`));
    expect(msg).toMatch(/Harbor needs cert-manager: set components\.certManager\.enabled to true \(or turn Harbor off\)/);
  });

  it('capacity shortfall: "components need X vCPU / Y GiB ... pools give ..."', () => {
    const p = base();
    p.kubernetes.nodePools = [{ name: 'system', instanceType: 't3.medium', min: 1, max: 3 }];
    expect(problemAt(p, 'kubernetes.nodePools')).toMatch(
      /^components need \d+(\.\d)? vCPU \/ \d+(\.\d)? GiB at the medium profile, pools give 2 vCPU \/ 4 GiB at their minimum size: raise min, pick a larger instance type, or turn components off$/,
    );
  });

  it('omitted node pools grow to fit instead of failing the capacity rule', () => {
    const p = base();
    delete p.kubernetes.nodePools;
    for (const k of Object.keys(catalog.components)) p.components[k] = { enabled: true };
    p.profile = 'large';
    const v = validatePlan(p, catalog, undefined, EXAMPLE_PLACEHOLDERS);
    expect(v.ok).toBe(true);
  });

  it('an unknown instance type suggests members of its family', () => {
    const p = base();
    p.kubernetes.nodePools[0].instanceType = 'm6i.huge';
    const msg = problemAt(p, 'kubernetes.nodePools[0].instanceType');
    expect(msg).toMatch(/"m6i\.huge" is not a AWS instance type in the catalog; try one of: m6i\./);
    expect(msg).toContain('m6i.xlarge');
    expect(msg).not.toContain('t3.');
  });

  it('min above max', () => {
    const p = base();
    p.kubernetes.nodePools[0].min = 7;
    expect(problemAt(p, 'kubernetes.nodePools[0].max')).toBe('max (6) must be at least min (7)');
  });

  it('seven reviewers: at most 6', () => {
    const p = base();
    p.github.reviewers = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7'];
    expect(problemAt(p, 'github.reviewers')).toMatch(/at most 6/);
  });

  it('invalid YAML: the message has the line number', () => {
    const text = loadExample('aws-medium').text.replace('  zones: 3', '  zones: [3');
    const v = validatePlanText(text, catalog);
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.problems).toHaveLength(1);
    expect(v.problems[0]!.path).toBe('');
    expect(v.problems[0]!.message).toMatch(/^not valid YAML at line \d+, column \d+: /);
  });

  it('a tab-indented line: not valid YAML, with its line', () => {
    const v = validatePlanText('apiVersion: opsta.dev/v1\nkind: Plan\nmetadata:\n\tname: x\n', catalog);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.problems[0]!.message).toMatch(/at line 4/);
  });

  it('cloud.provider "oracle": a clear message naming the clouds on offer', () => {
    const p = base();
    p.cloud = { provider: 'oracle', region: 'ap-seoul-1' };
    const msg = problemAt(p, 'cloud.provider');
    expect(msg).toMatch(/^"oracle" is not a cloud Opsta can plan; use one of: /);
    expect(msg).toContain('aws');
  });

  it('a region not in the catalog lists the regions', () => {
    const p = base();
    p.cloud.region = 'mars-north-1';
    expect(problemAt(p, 'cloud.region')).toMatch(/regions in the catalog: .*ap-northeast-2/);
  });

  it("Let's Encrypt without an email", () => {
    const p = base();
    delete p.tls.email;
    expect(problemAt(p, 'tls.email')).toMatch(/required for Let's Encrypt/);
  });

  it('immutable OIDC subjects without IDs', () => {
    const p = base();
    p.github.subjectFormat = 'immutable';
    p.github.ownerId = 123;
    expect(problemAt(p, 'github.repoId')).toMatch(/required when subjectFormat is "immutable"/);
  });

  it('wrong types say what was expected and what was given', () => {
    const p = base();
    p.network.zones = 'three';
    expect(problemAt(p, 'network.zones')).toBe('must be a number, got the text "three"');
  });

  it('not a mapping at all', () => {
    expect(problems('apiVersion')).toEqual([{ path: '', message: expect.stringMatching(/must be a YAML mapping/) }]);
    expect(problems([1, 2])[0]!.path).toBe('');
  });

  it('generateFromInput throws PlanError carrying every problem', () => {
    const p = base();
    p.network.cidr = '8.8.0.0/16';
    p.github.reviewers = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7'];
    let thrown: unknown;
    try {
      generateFromInput(p, opts, EXAMPLE_PLACEHOLDERS);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(PlanError);
    const paths = (thrown as PlanError).problems.map((x) => x.path);
    expect(paths).toContain('github.reviewers');
    expect((thrown as PlanError).message).toMatch(/^the plan is invalid:\n {2}- /);
  });
});
