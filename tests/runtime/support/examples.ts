// Generated repositories of the example plans, for the runtime tests that read .opsta/*.
import { readFileSync } from 'node:fs';
import { generateRepository, type GeneratedFiles } from '../../../generator/src/generate.ts';
import { nodeGenerateOptions } from '../../../generator/src/node.ts';
import { validatePlanText } from '../../../schemas/plan-yaml.ts';

const cache = new Map<string, GeneratedFiles>();
export function generatedExample(name: string): GeneratedFiles {
  let files = cache.get(name);
  if (!files) {
    const opts = nodeGenerateOptions();
    const v = validatePlanText(readFileSync(new URL(`../../../examples/${name}.plan.yaml`, import.meta.url), 'utf8'), opts.catalog);
    if (!v.ok) throw new Error(`${name} is invalid: ${JSON.stringify(v.problems.slice(0, 3))}`);
    files = generateRepository(v.plan, v.resolved, opts);
    cache.set(name, files);
  }
  return files;
}
