/**
 * External tools in tests (e.g. the terraform binary).
 *
 * Usage (at collection time):
 *
 *   const hasTf = requireTool('terraform', hasTerraform);
 *   it.skipIf(!hasTf)('is formatted', async () => { ... });
 *
 * Locally, a missing tool skips the dependent tests with a loud warning. In CI
 * (`CI=true`) a missing tool throws, which fails the test file instead of skipping silently.
 */
export function requireTool(name: string, detect: () => boolean): boolean {
  let available = false;
  let why = '';
  try {
    available = detect();
  } catch (e) {
    why = ` (${e instanceof Error ? e.message : String(e)})`;
  }
  if (available) return true;
  const reason = `required tool "${name}" is not available${why}`;
  if (process.env.CI === 'true') {
    throw new Error(`${reason}; CI=true, so this is a failure, not a skip`);
  }
  console.warn(`\n!!! SKIPPING tests that need ${name}: ${reason}. They will FAIL in CI (CI=true). !!!\n`);
  return false;
}
