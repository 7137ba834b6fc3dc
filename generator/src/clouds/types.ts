import type { Catalog } from '../../../schemas/blueprint.ts';
import type { ResolvedPlan } from '../../../schemas/plan.ts';

export interface ProviderRequirement {
  name: string;
  source: string;
  version: string;
}

/** One Terraform root the generator writes: its templates and its variable values. */
export interface StackSpec {
  /** Directory in the generated repository, e.g. `stacks/10-network` or `bootstrap`. */
  dir: string;
  /** Output file name → template name. */
  files: Record<string, string>;
  /** Written as terraform.tfvars.json: the only way plan values reach Terraform. */
  tfvars: Record<string, unknown>;
  /** Extra context the stack's templates read (catalog-derived, never raw plan strings). */
  context: Record<string, unknown>;
}

/** What a cloud adds to the shared pipeline: how jobs log in, where state lives. */
export interface CloudPipeline {
  /** Names of the repository/environment variables the bootstrap outputs feed. */
  variables: { name: string; description: string; scope: 'repository' | 'environment' }[];
  /** Template that renders the login step(s) for `role: plan | apply`. */
  loginTemplate: string;
  /** Template that writes the kubeconfig for the run. */
  kubeconfigTemplate: string;
  /** Template that tells whether a stage's upstream state exists yet. */
  stateProbeTemplate: string;
}

export interface CloudModule {
  names(plan: ResolvedPlan): Record<string, string>;
  stacks(plan: ResolvedPlan, catalog: Catalog, names: Record<string, string>): StackSpec[];
  pipeline: CloudPipeline;
  /** Values every Helm values template may read (role ARNs, storage settings, ...). */
  platformContext(plan: ResolvedPlan, names: Record<string, string>): Record<string, unknown>;
  /** Bootstrap steps for the generated README, in order; Markdown built from safe values. */
  bootstrapTemplate: string;
  /** Stage-30 releases the cluster itself needs (storage, cloud controller), installed before every component. */
  clusterReleases?(plan: ResolvedPlan): ClusterRelease[];
}

/** A Helm release of the cluster's own (not a catalog component); its values come from a generator template. */
export interface ClusterRelease {
  name: string;
  namespace: string;
  /** `./manifests/<name>` for a local chart of raw manifests, else the chart name in `repository`. */
  chart: string;
  repository?: { name: string; url: string };
  version?: string;
  /** Generator template (under generator/templates) rendered into the values file, or into the local chart's manifest. */
  template: string;
  /** Other cluster releases, as `namespace/name`. */
  needs: string[];
}

export interface OidcSubjects {
  plan: string;
  apply: string;
  /** Jobs on the base branch bound to no environment: the scheduled or dispatched drift check. */
  drift: string;
}

/** GitHub's OIDC `sub` for this repository, in the format it actually emits. */
export function oidcSubjects(plan: ResolvedPlan): OidcSubjects {
  const g = plan.github;
  const repo = g.subjectFormat === 'immutable' ? `repo:${g.owner}@${g.ownerId}/${g.repo}@${g.repoId}` : `repo:${g.owner}/${g.repo}`;
  return { plan: `${repo}:pull_request`, apply: `${repo}:environment:${g.environment}`, drift: `${repo}:ref:refs/heads/${g.baseBranch}` };
}

export function commonTags(plan: ResolvedPlan): Record<string, string> {
  return { 'opsta.dev/platform': plan.name, 'opsta.dev/environment': plan.environment, 'managed-by': 'opsta' };
}
