// Loaded on demand (dynamic import) when the user asks the Publish step for the changes: the
// publish core and the generator chunk, with the browser's generator options (precompiled
// templates, the runtime asset). Nothing of this is in the planner's first load.
import { catalog } from './catalog.ts';
import { generateOptions, loadCloud, loadRuntime } from './generator.ts';
import { runPublish, type PublishInput, type PublishSummary } from './publish-run.ts';

export { PublishFailure } from './publish-run.ts';

export async function publish(input: Omit<PublishInput, 'opts'>): Promise<PublishSummary> {
  const provider = input.plan.plan.cloud.provider;
  await Promise.all([loadRuntime(), loadCloud(provider)]);
  return runPublish({ ...input, opts: generateOptions(catalog, provider) });
}
