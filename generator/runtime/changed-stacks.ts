// Which stages a pull request touches, from the changed paths and .opsta/pipeline.json. A stage
// changed when a file under its directory changed; its downstream stages come along, because
// their plans read its outputs. Pure: the git call is in the command.
import { UsageError } from './errors.ts';

export interface PipelineStage {
  id: string;
  tool: 'terraform' | 'helmfile';
  dir: string;
  planOnPullRequest: boolean;
  upstream?: string;
}

export interface Pipeline {
  environment?: string;
  stages: PipelineStage[];
  health?: unknown[];
}

/** Paths every stage depends on: a change here re-plans everything. */
const GLOBAL = [/^opsta\.plan\.yaml$/, /^\.opsta\/pipeline\.json$/, /^\.opsta\/opsta\.mjs$/, /^\.github\/workflows\//, /^\.terraform\.lock\.hcl$/];

export function parsePipeline(json: unknown, where = '.opsta/pipeline.json'): Pipeline {
  const stages = (json as { stages?: unknown } | null)?.stages;
  if (!Array.isArray(stages)) throw new UsageError(`${where} has no "stages" list; regenerate the repository with opsta generate`);
  stages.forEach((s, i) => {
    if (typeof s?.id !== 'string' || typeof s?.dir !== 'string' || (s.tool !== 'terraform' && s.tool !== 'helmfile')) {
      throw new UsageError(`${where}: stages[${i}] needs a string id and dir and a tool terraform or helmfile`);
    }
  });
  return json as Pipeline;
}

export function changedStages(pipeline: Pipeline, paths: readonly string[]): PipelineStage[] {
  const all = paths.some((p) => GLOBAL.some((g) => g.test(p)));
  const changed = new Set<string>();
  for (const s of pipeline.stages) {
    const prefix = s.dir.replace(/\/+$/, '') + '/';
    if (all || paths.some((p) => p.startsWith(prefix))) changed.add(s.id);
  }
  // Downstream closure: repeat until no stage whose upstream changed is left out.
  let grew = true;
  while (grew) {
    grew = false;
    for (const s of pipeline.stages) {
      if (s.upstream && changed.has(s.upstream) && !changed.has(s.id)) {
        changed.add(s.id);
        grew = true;
      }
    }
  }
  return pipeline.stages.filter((s) => changed.has(s.id));
}
