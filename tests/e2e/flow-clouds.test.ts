// The full planner flow on every other cloud in the catalog (Azure, GCP, ... as their
// blueprints land: the planner discovers them from blueprints/clouds/<id>/cloud.json).
import { describe, it } from 'vitest';
import { clouds, runPlannerFlow, siteUnderTest } from './flow.ts';
import { hasChromium } from './helpers.ts';

const others = clouds.filter((c) => c !== 'aws');

describe.skipIf(!hasChromium || others.length === 0)('planner flow: other clouds', () => {
  const env = siteUnderTest();

  for (const cloud of others) {
    it(`${cloud}: choose, toggle, fix, review, download: the zip equals the CLI output`, async () => {
      await runPlannerFlow(env, cloud);
    });
  }
});
