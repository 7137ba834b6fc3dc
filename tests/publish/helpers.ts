// Shared pieces of the publish tests: example plans as publish content, a client with fast retries.
import { readFileSync } from 'node:fs';
import { validatePlanText } from '../../schemas/plan-yaml.ts';
import { samePlanKeeper } from '../../generator/src/same-plan.ts';
import { nodeGenerateOptions } from '../../generator/src/node.ts';
import { publishContent, defaultBranch } from '../../generator/src/publish/content.ts';
import { GitHubClient } from '../../generator/src/publish/github.ts';
import type { PublishTarget } from '../../generator/src/publish/publish.ts';

export const opts = nodeGenerateOptions();

export function loadPlan(file: string, edit?: (text: string) => string) {
  const text = edit ? edit(readFileSync(file, 'utf8')) : readFileSync(file, 'utf8');
  const v = validatePlanText(text, opts.catalog);
  if (!v.ok) throw new Error(`${file} is invalid: ${JSON.stringify(v.problems)}`);
  return v;
}

export function contentFor(file: string, o: { base?: string; forceFiles?: string[]; edit?: (text: string) => string } = {}) {
  const v = loadPlan(file, o.edit);
  return publishContent({ plan: v.plan, resolved: v.resolved, opts, base: o.base ?? 'main', forceFiles: o.forceFiles, keepAsWritten: samePlanKeeper(v.plan, opts) });
}

export function targetFor(file: string, repo = 'acme/infra'): PublishTarget {
  const v = loadPlan(file);
  const [owner, name] = repo.split('/') as [string, string];
  return { owner, repo: name, base: 'main', branch: defaultBranch(v.resolved) };
}

/** A client whose retries do not wait; `delays` records what it would have waited. */
export function fastClient(apiUrl: string, token: string, delays: number[] = []) {
  return new GitHubClient({ apiUrl, token, sleep: async (ms) => void delays.push(ms) });
}
