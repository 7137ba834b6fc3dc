// The CLI as users run it: a real process, real files, real exit codes.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validatePlanText } from '../../schemas/plan-yaml.ts';
import { generateRepository } from '../../generator/src/generate.ts';
import { nodeGenerateOptions } from '../../generator/src/node.ts';
import { parseMermaid } from '../support/mermaid.ts';

const EXAMPLE = 'examples/aws-medium.plan.yaml';
const opsta = (...args: string[]) => spawnSync(process.execPath, ['bin/opsta.mjs', ...args], { encoding: 'utf8' });
const tmp = () => mkdtempSync(join(tmpdir(), 'opsta-cli-'));

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

describe('opsta CLI', () => {
  it('prints help with exit 0, and usage errors with exit 2', () => {
    expect(opsta('--help')).toMatchObject({ status: 0 });
    expect(opsta('generate', '--help').stdout).toContain('--out');
    const none = opsta();
    expect(none.status).toBe(2);
    const unknown = opsta('deploy', EXAMPLE);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown command "deploy"');
    const badFlag = opsta('validate', EXAMPLE, '--frobnicate');
    expect(badFlag.status).toBe(2);
    expect(opsta('validate', 'no/such/plan.yaml').status).toBe(2);
    expect(opsta('generate', EXAMPLE).stderr).toContain('--out');
  });

  it('validates a good plan with exit 0 and reports every problem of a bad one with exit 1, no stack trace', () => {
    const ok = opsta('validate', EXAMPLE);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/is valid: \d+ components on aws ap-northeast-2/);

    const dir = tmp();
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, readFileSync(EXAMPLE, 'utf8').replace('10.40.0.0/16', '8.8.0.0/16').replace('min: 3', 'min: 9').replace('profile: medium', 'profle: medium'));
    const r = opsta('validate', bad);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('network.cidr: must be a private (RFC 1918) range');
    expect(r.stderr).toContain('kubernetes.nodePools[0].max: max (6) must be at least min (9)');
    expect(r.stderr).toContain('unknown key "profle" (did you mean "profile"?)');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('generate writes nothing for an invalid plan', () => {
    const dir = tmp();
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'apiVersion: opsta.dev/v1\nkind: Plan\n');
    const out = join(dir, 'out');
    const r = opsta('generate', bad, '--out', out);
    expect(r.status).toBe(1);
    expect(existsSync(out)).toBe(false);
  });

  it('generate writes exactly what the in-process core produces, and refuses a non-empty directory', () => {
    const out = join(tmp(), 'repo');
    const r = opsta('generate', EXAMPLE, '--out', out);
    expect(r.status, r.stderr).toBe(0);
    const o = nodeGenerateOptions();
    const v = validatePlanText(readFileSync(EXAMPLE, 'utf8'), o.catalog);
    if (!v.ok) throw new Error('example invalid');
    const expected = generateRepository(v.plan, v.resolved, o);
    expect(listFiles(out)).toEqual(Object.keys(expected).sort());
    for (const [p, text] of Object.entries(expected)) expect(readFileSync(join(out, p), 'utf8'), p).toBe(text);
    const again = opsta('generate', EXAMPLE, '--out', out);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('not empty');
    expect(opsta('generate', EXAMPLE, '--out', out, '--force').status).toBe(0);
  });

  it('cost prints a breakdown with sources, and --json the full report', () => {
    const text = opsta('cost', EXAMPLE);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/Total\s+\$[\d,]+\.\d\d/);
    expect(text.stdout).toContain('Prices:');
    const json = JSON.parse(opsta('cost', EXAMPLE, '--json').stdout);
    const sum = json.byComponent.reduce((a: number, c: { monthlyUsd: number }) => a + c.monthlyUsd, 0);
    expect(Math.abs(sum - json.totalUsd)).toBeLessThan(0.05);
    // A source may state only a year (the EKS fee: 2024); undated sources give the date they were read.
    expect(json.lines.every((l: { source: string; date: string }) => l.source.length > 0 && /^\d{4}(-\d{2})?/.test(l.date))).toBe(true);
    const cmp = JSON.parse(opsta('cost', EXAMPLE, '--compare', '--json').stdout);
    expect(cmp.map((c: { cloud: string }) => c.cloud)).toContain('aws');
  });

  it('graph prints a Mermaid flowchart that parses; schema prints the committed JSON Schema', async () => {
    const g = opsta('graph', EXAMPLE);
    expect(g.status).toBe(0);
    await expect(parseMermaid(g.stdout)).resolves.toBeDefined();
    const s = opsta('schema');
    expect(s.status).toBe(0);
    expect(s.stdout).toBe(readFileSync('schemas/plan.schema.json', 'utf8'));
  });
});
