// The full planner flow on every other cloud in the catalog (Azure, GCP, ... as their
// blueprints land: the planner discovers them from blueprints/clouds/<id>/cloud.json).
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { clouds, runPlannerFlow } from './flow.ts';
import { ensureSiteBuilt, hasChromium, launch, serveDist } from './helpers.ts';

const others = clouds.filter((c) => c !== 'aws');

describe.skipIf(!hasChromium || others.length === 0)('planner flow: other clouds', () => {
  let browser: Browser;
  let srv: Awaited<ReturnType<typeof serveDist>>;
  beforeAll(async () => {
    await ensureSiteBuilt();
    srv = await serveDist();
    browser = await launch();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await srv?.close();
  });

  for (const cloud of others) {
    it(`${cloud}: choose, toggle, fix, review, download: the zip equals the CLI output`, async () => {
      await runPlannerFlow({ browser, url: srv.url }, cloud);
    });
  }
});
