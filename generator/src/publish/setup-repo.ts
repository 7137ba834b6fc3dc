// `opsta setup-repo`: the GitHub side the generated workflows rely on. The protected environment
// (required reviewers by user ID, deployments from protected branches only) and the repository and
// environment variables the workflows read (`vars.*`, names from each cloud module's
// pipeline.variables), filled from the bootstrap's `terraform output -json`; and a check that the
// base branch is protected, without which that environment admits no deployment. Whatever the token may
// not do is returned as exact instructions for an administrator; the rest is done. Reruns write
// only what differs. Pure apart from the injected client.
import type { ResolvedPlan } from '../../../schemas/plan.ts';
import { UserError } from '../errors.ts';
import { aws } from '../clouds/aws.ts';
import { azure } from '../clouds/azure.ts';
import { gcp } from '../clouds/gcp.ts';
import type { CloudPipeline } from '../clouds/types.ts';
import { describePermissions, GitHubError, type GitHubClient } from './github.ts';

const PIPELINES: Record<string, CloudPipeline> = { aws: aws.pipeline, azure: azure.pipeline, gcp: gcp.pipeline };

export interface PipelineVariable {
  name: string;
  /** The bootstrap output it comes from (pipeline.variables' description: "bootstrap output <name>"). */
  output: string;
  scope: 'repository' | 'environment';
}

export function pipelineVariables(plan: ResolvedPlan): PipelineVariable[] {
  const p = PIPELINES[plan.cloud.provider];
  if (!p) throw new UserError(`setup-repo does not know the pipeline variables of ${plan.cloud.provider} yet`);
  return p.variables.map((v) => {
    const m = /bootstrap output (\w+)/.exec(v.description);
    if (!m) throw new Error(`pipeline variable ${v.name} does not name its bootstrap output`);
    return { name: v.name, output: m[1]!, scope: v.scope };
  });
}

/** `terraform output -json` text → output name → value; every problem names the file and the fix. */
export function parseBootstrapOutputs(text: string, source: string): Record<string, { value: unknown; sensitive: boolean }> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new UserError(`${source} is not JSON (${(e as Error).message}); write it with: terraform -chdir=bootstrap output -json > ${source}`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new UserError(`${source} is not the JSON of terraform output -json (an object of outputs); write it with: terraform -chdir=bootstrap output -json > ${source}`);
  const out: Record<string, { value: unknown; sensitive: boolean }> = {};
  for (const [k, v] of Object.entries(json)) {
    if (typeof v !== 'object' || v === null || !('value' in v)) throw new UserError(`${source}: output ${k} has no "value"; is this the JSON of terraform output -json?`);
    out[k] = { value: (v as { value: unknown }).value, sensitive: Boolean((v as { sensitive?: unknown }).sensitive) };
  }
  return out;
}

export interface SetupResult {
  done: string[];
  unchanged: string[];
  /** What an administrator must do, step by step, because the token may not. */
  forAdmin: string[];
  /** Variables not set because no bootstrap outputs were given. */
  pending: string[];
}

const enc = encodeURIComponent;

export async function setupRepository(gh: GitHubClient, owner: string, repo: string, plan: ResolvedPlan, outputs: Record<string, { value: unknown; sensitive: boolean }> | undefined): Promise<SetupResult> {
  const full = `${owner}/${repo}`;
  const rp = `/repos/${enc(owner)}/${enc(repo)}`;
  const env = plan.github.environment;
  const res: SetupResult = { done: [], unchanged: [], forAdmin: [], pending: [] };
  try {
    await gh.rest('GET', rp, `read the repository ${full}`);
  } catch (e) {
    if (e instanceof GitHubError && e.status === 404) throw new UserError(`repository ${full} not found, or the token cannot see it: check --repo (owner/name) and that the token's repository access includes ${full}`);
    throw e;
  }
  const variables = pipelineVariables(plan);
  // Check the outputs before any write: a missing or sensitive one fails the whole run, nothing changed.
  const values: Record<string, string> = {};
  if (outputs) {
    for (const v of variables) {
      const o = outputs[v.output];
      if (!o) throw new UserError(`the bootstrap outputs have no "${v.output}" (needed for ${v.name}); apply bootstrap/ first, then write them with terraform -chdir=bootstrap output -json`);
      if (o.sensitive) throw new UserError(`bootstrap output ${v.output} is marked sensitive; Opsta does not put secrets in repository variables`);
      if (typeof o.value !== 'string' || o.value === '') throw new UserError(`bootstrap output ${v.output} is not a non-empty string (${JSON.stringify(o.value)?.slice(0, 60)}); re-apply bootstrap/ and write the outputs again`);
      values[v.name] = o.value;
    }
  }

  // Reviewers by ID: the environment API takes IDs, the plan holds usernames.
  const reviewers: { type: 'User'; id: number; login: string }[] = [];
  for (const login of plan.github.reviewers) {
    try {
      const u = await gh.rest('GET', `/users/${enc(login)}`, `look up the reviewer ${login}`);
      reviewers.push({ type: 'User', id: u.data.id, login });
    } catch (e) {
      if (e instanceof GitHubError && e.status === 404) throw new UserError(`github.reviewers: ${login} is not a GitHub user; fix the plan's github.reviewers`);
      throw e;
    }
  }
  const wanted = { reviewers: reviewers.map(({ type, id }) => ({ type, id })), deployment_branch_policy: { protected_branches: true, custom_branch_policies: false } };
  const adminEnv = () => {
    res.forAdmin.push(
      `Create or update the environment "${env}" (Settings → Environments): required reviewers ${plan.github.reviewers.length ? plan.github.reviewers.join(', ') : '(none in the plan: add github.reviewers)'}; deployment branches: protected branches only. Or run: gh api -X PUT repos/${full}/environments/${enc(env)} --input - <<'EOF'\n${JSON.stringify(wanted)}\nEOF`,
    );
  };
  let envExists = false;
  try {
    const cur = (await gh.rest('GET', `${rp}/environments/${enc(env)}`, `read the environment ${env}`)).data;
    envExists = true;
    const ids = (cur.protection_rules ?? []).flatMap((r: any) => (r.type === 'required_reviewers' ? r.reviewers.map((x: any) => x.reviewer?.id) : [])).sort();
    const same = JSON.stringify(ids) === JSON.stringify(reviewers.map((r) => r.id).sort()) && cur.deployment_branch_policy?.protected_branches === true && cur.deployment_branch_policy?.custom_branch_policies === false;
    if (same) res.unchanged.push(`environment ${env} (reviewers ${plan.github.reviewers.join(', ') || 'none'}, protected branches only)`);
    else envExists = await putEnvironment();
  } catch (e) {
    if (!(e instanceof GitHubError && (e.status === 404 || e.status === 403))) throw e;
    envExists = await putEnvironment();
  }
  async function putEnvironment(): Promise<boolean> {
    try {
      await gh.rest('PUT', `${rp}/environments/${enc(env)}`, `create the environment ${env}`, wanted);
      res.done.push(`environment ${env}: required reviewers ${plan.github.reviewers.join(', ') || 'none'}, deployments from protected branches only`);
      return true;
    } catch (e) {
      if (!(e instanceof GitHubError && (e.status === 403 || e.status === 404))) throw e;
      adminEnv();
      return false;
    }
  }

  await checkBaseProtected(gh, rp, full, plan, res);

  if (!outputs) {
    for (const v of variables) res.pending.push(`${v.name} (${v.scope === 'environment' ? `environment ${env}` : 'repository'} variable) from bootstrap output ${v.output}`);
    return res;
  }
  for (const v of variables) {
    const base = v.scope === 'environment' ? `${rp}/environments/${enc(env)}/variables` : `${rp}/actions/variables`;
    const where = v.scope === 'environment' ? `environment ${env}` : 'repository';
    const admin = (e: GitHubError) => {
      // A refused read (GET of the variable) names the read permission; setting it takes write.
      const perm = e.acceptedPermissions ? describePermissions(e.acceptedPermissions.replace(/=read\b/g, '=write')) : v.scope === 'environment' ? 'Environments: write' : 'Variables: write';
      res.forAdmin.push(
        `Set the ${where} variable ${v.name} to ${values[v.name]} (Settings → ${v.scope === 'environment' ? `Environments → ${env} → Environment variables` : 'Secrets and variables → Actions → Variables'}; the token lacks ${perm}). Or run: gh variable set ${v.name} --repo ${full}${v.scope === 'environment' ? ` --env ${env}` : ''} --body '${values[v.name]!.replace(/'/g, `'\\''`)}'`,
      );
    };
    if (v.scope === 'environment' && !envExists) {
      res.forAdmin.push(`After creating the environment ${env}, set its variable ${v.name} to ${values[v.name]}: gh variable set ${v.name} --repo ${full} --env ${env} --body '${values[v.name]!.replace(/'/g, `'\\''`)}'`);
      continue;
    }
    try {
      let current: string | undefined;
      try {
        current = (await gh.rest('GET', `${base}/${enc(v.name)}`, `read the ${where} variable ${v.name}`)).data.value;
      } catch (e) {
        if (!(e instanceof GitHubError && e.status === 404)) throw e;
      }
      if (current === values[v.name]) res.unchanged.push(`${where} variable ${v.name}`);
      else if (current === undefined) {
        await gh.rest('POST', base, `set the ${where} variable ${v.name}`, { name: v.name, value: values[v.name] });
        res.done.push(`${where} variable ${v.name} = ${values[v.name]}`);
      } else {
        await gh.rest('PATCH', `${base}/${enc(v.name)}`, `update the ${where} variable ${v.name}`, { name: v.name, value: values[v.name] });
        res.done.push(`${where} variable ${v.name} = ${values[v.name]} (was ${current})`);
      }
    } catch (e) {
      if (e instanceof GitHubError && e.status === 403) admin(e);
      else throw e;
    }
  }
  return res;
}

/**
 * The branch protection rule an administrator adds when the base branch has none: pull requests
 * with one approval, for administrators too. A valid body of PUT /repos/{owner}/{repo}/branches/{branch}/protection.
 */
export const BASE_PROTECTION = { required_status_checks: null, enforce_admins: true, required_pull_request_reviews: { required_approving_review_count: 1 }, restrictions: null } as const;

/**
 * The environment lets only protected branches deploy. GitHub accepts that policy whatever the
 * branches, so a base branch without a protection rule means the apply workflow on it is never
 * allowed into the environment, and nothing says why: read the branch and, when unprotected, tell
 * the administrator the one step. Protecting a branch is the repository's policy, so setup-repo
 * never does it itself.
 */
async function checkBaseProtected(gh: GitHubClient, rp: string, full: string, plan: ResolvedPlan, res: SetupResult): Promise<void> {
  const base = plan.github.baseBranch;
  const env = plan.github.environment;
  let state: 'protected' | 'unprotected' | 'missing';
  try {
    state = (await gh.rest('GET', `${rp}/branches/${enc(base)}`, `read the branch ${base}`)).data.protected === true ? 'protected' : 'unprotected';
  } catch (e) {
    if (!(e instanceof GitHubError && e.status === 404)) throw e;
    state = 'missing';
  }
  if (state === 'protected') {
    res.unchanged.push(`branch ${base} is protected (the environment ${env} deploys from protected branches only)`);
    return;
  }
  res.forAdmin.push(
    `${state === 'missing' ? `Create the branch ${base} (github.baseBranch; push a first commit) and protect it` : `Protect the branch ${base}`} (Settings → Branches → Add branch protection rule, branch name pattern ${base}): the environment ${env} lets only protected branches deploy, and ${base} ${state === 'missing' ? 'does not exist yet' : 'has no protection rule'}, so no workflow run on ${base} may deploy to ${env} until it has one. Or run: gh api -X PUT repos/${full}/branches/${enc(base)}/protection --input - <<'EOF'\n${JSON.stringify(BASE_PROTECTION)}\nEOF`,
  );
}
