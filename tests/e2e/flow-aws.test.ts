// The full planner flow on AWS, in the Debian chromium (see flow.ts for the steps).
import { describe, it } from 'vitest';
import { runPlannerFlow, siteUnderTest } from './flow.ts';
import { hasChromium } from './helpers.ts';

describe.skipIf(!hasChromium)('planner flow: aws', () => {
  const env = siteUnderTest();

  it('choose, toggle, fix, review, download: the zip equals the CLI output for the downloaded plan', async () => {
    await runPlannerFlow(env, 'aws');
  });
});
