// Real terraform on the provider-free fixture roots of tests/fixtures/terraform/, in temporary
// directories: apply, plan, and `terraform show -json` of the saved plan.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { requireTool } from '../../support/tools.ts';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/terraform/', import.meta.url));

export const hasTerraform = (): boolean => requireTool('terraform', () => spawnSync('terraform', ['version'], { encoding: 'utf8' }).status === 0);

const emptyConfig = join(mkdtempSync(join(tmpdir(), 'opsta-tfrc-')), 'terraformrc');
writeFileSync(emptyConfig, '');
const TF_ENV = { ...process.env, TF_IN_AUTOMATION: '1', TF_INPUT: '0', CHECKPOINT_DISABLE: '1', TF_CLI_CONFIG_FILE: emptyConfig };

export type Vars = Record<string, string | number | boolean | string[]>;

export function tf(dir: string, args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync('terraform', args, { cwd: dir, env: TF_ENV, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  return { code: r.status ?? 128, stdout: r.stdout, stderr: r.stderr };
}

function ok(dir: string, args: string[]): string {
  const r = tf(dir, args);
  if (r.code !== 0) throw new Error(`terraform ${args.join(' ')} failed (${r.code}): ${r.stderr}`);
  return r.stdout;
}

/** A fresh copy of a fixture root, initialised. */
export function fixtureRoot(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `opsta-tf-${name}-`));
  cpSync(join(FIXTURES, name), dir, { recursive: true });
  ok(dir, ['init', '-no-color', '-input=false']);
  return dir;
}

function varFile(dir: string, vars: Vars): string {
  const p = join(dir, `vars-${Math.random().toString(36).slice(2)}.tfvars.json`);
  writeFileSync(p, JSON.stringify(vars));
  return p;
}

export function apply(dir: string, vars: Vars = {}): { code: number; stderr: string } {
  const r = tf(dir, ['apply', '-no-color', '-auto-approve', `-var-file=${varFile(dir, vars)}`]);
  return { code: r.code, stderr: r.stderr };
}

/** Plan with `vars` against the root's current state; returns the path of the `terraform show -json` file and its JSON. */
export function planJson(dir: string, vars: Vars = {}, extra: string[] = []): { path: string; json: unknown } {
  const out = join(dir, `plan-${Math.random().toString(36).slice(2)}`);
  ok(dir, ['plan', '-no-color', `-out=${out}.tfplan`, `-var-file=${varFile(dir, vars)}`, ...extra]);
  const text = ok(dir, ['show', '-json', `${out}.tfplan`]);
  writeFileSync(`${out}.json`, text);
  return { path: `${out}.json`, json: JSON.parse(text) };
}

/** The change vars of tests/fixtures/terraform/README.md: one update, one replace, one destroy, one create. */
export const EVERY_CHANGE: Vars = { settings: 'v2', generation: 2, with_legacy: false, with_added: true };
