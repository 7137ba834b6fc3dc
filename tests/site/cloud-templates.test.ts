// The planner loads each cloud's templates (generator/templates/<cloud>/) as a chunk of its own,
// only for a plan on that cloud (site/src/lib/generator.ts, loadCloud). That is safe only if a plan
// never renders another cloud's template: each example must generate byte for byte the same with
// the other clouds' templates absent.
import { describe, expect, it } from 'vitest';
import { generateRepository } from '../../generator/src/generate.ts';
import { nodeGenerateOptions } from '../../generator/src/node.ts';
import type { TemplateSet } from '../../generator/src/render.ts';
import { validatePlanText } from '../../schemas/plan-yaml.ts';
import { exampleNames, loadExample } from '../generated/examples.ts';

const CLOUDS = ['aws', 'azure', 'gcp'] as const;
const opts = nodeGenerateOptions();

function onlyCloud(cloud: string): TemplateSet {
  const others = CLOUDS.filter((c) => c !== cloud);
  return Object.fromEntries(Object.entries(opts.templates).filter(([name]) => !others.some((o) => name.startsWith(`${o}/`))));
}

describe("a plan renders only its own cloud's templates", () => {
  it('each cloud has its own template folder', () => {
    for (const c of CLOUDS) expect(Object.keys(opts.templates).filter((n) => n.startsWith(`${c}/`)).length, c).toBeGreaterThan(5);
  });
  for (const name of exampleNames()) {
    it(name, () => {
      const v = validatePlanText(loadExample(name).text, opts.catalog);
      if (!v.ok) throw new Error(`${name} is invalid`);
      const full = generateRepository(v.plan, v.resolved, opts);
      const own = generateRepository(v.plan, v.resolved, { ...opts, templates: onlyCloud(v.resolved.cloud.provider) });
      expect(own).toEqual(full);
    });
  }
  it("the check fails when a plan's own cloud templates are missing", () => {
    const v = validatePlanText(loadExample(exampleNames()[0]!).text, opts.catalog);
    if (!v.ok) throw new Error('invalid');
    const provider = v.resolved.cloud.provider;
    const without = Object.fromEntries(Object.entries(opts.templates).filter(([n]) => !n.startsWith(`${provider}/`)));
    expect(() => generateRepository(v.plan, v.resolved, { ...opts, templates: without })).toThrow();
  });
});
