// Shared by the tests in tests/generated: the example plans and their generated repositories.
// Not a test file; starts no Go wasm runtime.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateRepository, type GeneratedFiles } from '../../generator/src/generate.ts';
import { nodeGenerateOptions } from '../../generator/src/node.ts';
import { validatePlanText } from '../../schemas/plan-yaml.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const EXAMPLES_DIR = fileURLToPath(new URL('../../examples/', import.meta.url));

export interface Example {
  /** File name without `.plan.yaml`, e.g. `aws-medium`. */
  name: string;
  text: string;
}

export function exampleNames(): string[] {
  return readdirSync(EXAMPLES_DIR)
    .filter((f) => f.endsWith('.plan.yaml'))
    .map((f) => f.slice(0, -'.plan.yaml'.length))
    .sort();
}

export function loadExample(name: string): Example {
  return { name, text: readFileSync(`${EXAMPLES_DIR}${name}.plan.yaml`, 'utf8') };
}

/** Validates and generates; throws with the problems if the plan text is invalid. */
export function generateText(text: string): GeneratedFiles {
  const o = nodeGenerateOptions();
  const v = validatePlanText(text, o.catalog);
  if (!v.ok) throw new Error(`plan is invalid:\n${v.problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`);
  return generateRepository(v.plan, v.resolved, o);
}

const cache = new Map<string, GeneratedFiles>();
/** The generated repository for an example (cached per worker). */
export function generatedExample(name: string): GeneratedFiles {
  let files = cache.get(name);
  if (!files) cache.set(name, (files = generateText(loadExample(name).text)));
  return files;
}

/** Human-readable list of findings for assertion messages. */
export function show(findings: { file: string; message: string; line?: number }[]): string {
  return findings.map((f) => `${f.file}${f.line ? `:${f.line}` : ''}: ${f.message}`).join('\n');
}

/** A deep copy of `value` with the leaf at `path` replaced (mutation helper for the plan tests). */
export function setAt<T>(value: T, path: readonly (string | number)[], leaf: unknown): T {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let cur = copy;
  for (const k of path.slice(0, -1)) cur = cur[k] as Record<string | number, unknown>;
  cur[path[path.length - 1]!] = leaf;
  return copy as T;
}

/**
 * Validation options for a plan parsed from an example: the examples' cloud accounts and
 * repository are placeholders their marker comment allows (`# opsta: example-placeholders`),
 * and the comment does not survive parsing the YAML.
 */
export const EXAMPLE_PLACEHOLDERS = { allowPlaceholders: true } as const;
