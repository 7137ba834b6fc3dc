// The plan summariser, the sticky comment and the reviewed-versus-fresh comparison on real
// `terraform show -json` output of the provider-free fixture roots (tests/fixtures/terraform/).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMMENT_LIMIT, renderComment } from '../../generator/runtime/comment.ts';
import { comparePlans } from '../../generator/runtime/compare-plan.ts';
import { summarizePlan, type PlanSummary } from '../../generator/runtime/plan-summary.ts';
import { renderSection } from '../../generator/runtime/sections.ts';
import { runRuntime } from './support/bundle.ts';
import { apply, EVERY_CHANGE, fixtureRoot, hasTerraform, planJson } from './support/terraform.ts';

const hasTf = hasTerraform();

describe.skipIf(!hasTf)('summarize-plan on real terraform plans', () => {
  let fromEmpty: { path: string; json: unknown };
  let everyChange: { path: string; json: unknown };
  let unchanged: { path: string; json: unknown };
  let root: string;
  beforeAll(() => {
    root = fixtureRoot('changes');
    fromEmpty = planJson(root);
    expect(apply(root).code).toBe(0);
    everyChange = planJson(root, EVERY_CHANGE);
    unchanged = planJson(root);
  }, 120_000);

  it('a first plan: everything to add, nothing destructive', () => {
    const s = summarizePlan('10-network', fromEmpty.json);
    expect([s.add, s.change, s.destroy]).toEqual([3, 0, 0]);
    expect(s.destructive).toEqual([]);
    expect(s.changes.map((c) => `${c.kind} ${c.address}`)).toEqual(['create terraform_data.legacy[0]', 'create terraform_data.rotated', 'create terraform_data.settings']);
  });

  it('create, update, replace and destroy counted as Terraform counts them, destructive ones apart', () => {
    const s = summarizePlan('10-network', everyChange.json);
    // Terraform prints "2 to add, 1 to change, 2 to destroy": the replacement is one add and one destroy.
    expect([s.add, s.change, s.destroy]).toEqual([2, 1, 2]);
    expect(s.destructive.map((c) => `${c.kind} ${c.address}`)).toEqual(['delete terraform_data.legacy[0]', 'replace terraform_data.rotated']);
    expect(s.destructive.find((c) => c.kind === 'replace')?.reason).toBe('replace_because_cannot_update');
    expect(s.changes.map((c) => `${c.kind} ${c.address}`)).toEqual(['create terraform_data.added[0]', 'update terraform_data.settings']);
    expect(s.outputs).toEqual(['settings']);
  });

  it('a plan without changes says so', () => {
    const s = summarizePlan('10-network', unchanged.json);
    expect([s.add, s.change, s.destroy, s.destructive.length, s.changes.length]).toEqual([0, 0, 0, 0, 0]);
    expect(renderSection(s)).toContain('No changes');
  });

  it('the Markdown puts the destroy warning before the resource list', () => {
    const md = renderSection(summarizePlan('10-network', everyChange.json));
    expect(md).toContain('2 to add, 1 to change, 2 to destroy');
    const warning = md.indexOf('[!CAUTION]');
    expect(warning).toBeGreaterThan(-1);
    expect(warning).toBeLessThan(md.indexOf('<details>'));
    expect(md.slice(warning, md.indexOf('<details>'))).toContain('terraform_data.legacy[0]');
  });

  it('the bundle summarises with plain node and writes the section for comment', () => {
    const out = mkdtempSync(join(tmpdir(), 'opsta-sections-'));
    const r = runRuntime(['summarize-plan', '--stage', '10-network', '--plan-json', everyChange.path, '--out-dir', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.summary).toContain('2 to destroy');
    const written = JSON.parse(readFileSync(join(out, '10-network.plan-summary.json'), 'utf8')) as PlanSummary;
    expect(written.destroy).toBe(2);
  });

  it('refuses a file that is not plan JSON, naming the field (exit 2)', () => {
    const out = mkdtempSync(join(tmpdir(), 'opsta-sections-'));
    const r = runRuntime(['summarize-plan', '--stage', '10-network', '--plan-json', join(root, 'main.tf'), '--out-dir', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not valid JSON/);
    const notPlan = join(out, 'x.json');
    writeFileSync(notPlan, '{"resource_changes": []}');
    const r2 = runRuntime(['summarize-plan', '--stage', '10-network', '--plan-json', notPlan, '--out-dir', out]);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(/format_version/);
    expect(r2.stderr).not.toMatch(/at .*\.(m?js|ts):\d+/);
  });

  describe('compare-plan: reviewed versus fresh', () => {
    it('the same configuration and state plans the same: exit 0', () => {
      const again = planJson(root, EVERY_CHANGE);
      expect(comparePlans(everyChange.json, again.json)).toEqual([]);
      const r = runRuntime(['compare-plan', '--stage', '10-network', '--reviewed', everyChange.path, '--fresh', again.path]);
      expect(r.code).toBe(0);
    });

    it('a plan that changed since review stops the apply with exactly what differs (exit 1)', () => {
      // The reviewed plan kept legacy and did not rotate; the fresh plan (someone changed the vars) destroys and replaces.
      const reviewed = planJson(root, { settings: 'v2', with_added: true });
      const diffs = comparePlans(reviewed.json, everyChange.json);
      expect(diffs).toEqual([
        { address: 'terraform_data.legacy[0]', fresh: 'delete' },
        { address: 'terraform_data.rotated', fresh: 'replace' },
      ]);
      const r = runRuntime(['compare-plan', '--stage', '10-network', '--reviewed', reviewed.path, '--fresh', everyChange.path]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('terraform_data.legacy[0]: delete (not in the reviewed plan)');
      expect(r.stderr).toContain('terraform_data.rotated: replace (not in the reviewed plan)');
      expect(r.summary).toContain('Plan changed since review');
    });

    it('the same address with a different action is named with both actions', () => {
      const update = planJson(root, { settings: 'v3' });
      const replace = planJson(root, { settings: 'v3' }, ['-replace=terraform_data.settings']);
      const diffs = comparePlans(update.json, replace.json);
      expect(diffs).toEqual([{ address: 'terraform_data.settings', reviewed: 'update', fresh: 'replace' }]);
      const r = runRuntime(['compare-plan', '--reviewed', update.path, '--fresh', replace.path]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('~ terraform_data.settings: reviewed update, now replace');
    });
  });

  describe('the sticky comment stays under 65,536 characters whatever the plan', () => {
    it('a real plan with for_each keys, grown to 3,000 resources: the list is cut, the counts and destroy warnings stay', () => {
      // Terraform plans big for_each sets slowly (a 1,500-key plan took over ten minutes here), so a real
      // 20-key plan is grown by copying its real resource_changes entries under new keys.
      const keys = Array.from({ length: 20 }, (_, i) => `tenant-${String(i).padStart(4, '0')}`);
      const real = planJson(root, { ...EVERY_CHANGE, many: keys }).json as { resource_changes: { address: string; index?: string }[] };
      const template = real.resource_changes.find((r) => r.address.startsWith('terraform_data.many['))!;
      expect(template).toBeDefined();
      const grown = structuredClone(real);
      for (let i = 20; i < 3000; i++) {
        const key = `tenant-${String(i).padStart(4, '0')}-${'x'.repeat(150)}`;
        grown.resource_changes.push({ ...structuredClone(template), address: `terraform_data.many["${key}"]`, index: key });
      }
      const s = summarizePlan('20-cluster', grown);
      expect(s.add).toBe(3002);
      const full = renderSection(s);
      expect(full.length).toBeGreaterThan(COMMENT_LIMIT); // the fault the limit exists for
      const { body, truncated } = renderComment({ markerName: 'plan', sections: [s, summarizePlan('10-network', everyChange.json)] });
      expect(truncated).toBe(true);
      expect(body.length).toBeLessThan(COMMENT_LIMIT);
      expect(body.startsWith('<!-- opsta:plan -->')).toBe(true);
      expect(body).toContain('3002 to add, 1 to change, 2 to destroy');
      // Both stages' destructive lines survive the cut.
      expect(body.match(/\*\*delete\*\* `terraform_data.legacy\[0\]`/g)).toHaveLength(2);
      expect(body.match(/\*\*replace\*\* `terraform_data.rotated`/g)).toHaveLength(2);
      expect(body).toMatch(/more, listed in the job summary/);
    }, 120_000);

    it('thousands of destroys: still under the limit, the warning and its count kept', () => {
      const plan = { format_version: '1.2', resource_changes: Array.from({ length: 5000 }, (_, i) => ({ address: `terraform_data.gone["${'k'.repeat(100)}-${i}"]`, mode: 'managed', change: { actions: ['delete'] } })) };
      const { body } = renderComment({ markerName: 'plan', sections: [summarizePlan('10-network', plan)] });
      expect(body.length).toBeLessThan(COMMENT_LIMIT);
      expect(body).toContain('**5000 resources will be destroyed**');
      expect(body).toContain('0 to add, 0 to change, 5000 to destroy');
    });

    it('plan text cannot ping people, link issues or break out of its code span', () => {
      const plan = { format_version: '1.2', resource_changes: [{ address: 'terraform_data.x["@octocat #12 `</details><img src=x>"]', mode: 'managed', change: { actions: ['delete'] } }] };
      const { body } = renderComment({ markerName: 'plan', sections: [summarizePlan('10-network', plan)] });
      const line = body.split('\n').find((l) => l.includes('octocat'))!;
      // The address sits in a code span whose fence is longer than the backtick inside it.
      expect(line).toContain('``terraform_data.x["@octocat #12 `</details><img src=x>"]``');
      expect(body.replace(/``[^\n]*?``/g, '')).not.toContain('</details><img');
    });
  });
});
