// The full planner flow on AWS, in the Debian chromium (see flow.ts for the steps).
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { runPlannerFlow } from './flow.ts';
import { ensureSiteBuilt, hasChromium, launch, serveDist } from './helpers.ts';

describe.skipIf(!hasChromium)('planner flow: aws', () => {
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

  it('choose, toggle, fix, review, download: the zip equals the CLI output for the downloaded plan', async () => {
    await runPlannerFlow({ browser, url: srv.url }, 'aws');
  });
});
