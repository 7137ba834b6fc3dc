// The hardening rules of issue 9 for every generated workflow: each rule is a function that
// returns its findings, proven clean on every workflow of every example and of random plans,
// and proven to fail on a workflow mutated to break it. shellcheck runs on every run: script
// (extracted with GitHub's workflow parser, expressions replaced by a placeholder).
import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { TOOL_VERSIONS } from '../../generator/src/actions.ts';
import { planVariants } from '../support/plan-variants.ts';
import { requireTool } from '../support/tools.ts';
import { runScripts, workflowPaths } from '../support/workflows.ts';
import { parseYaml } from '../support/yaml.ts';
import { exampleNames, generatedExample } from './examples.ts';

type Step = Record<string, unknown>;
type Job = Record<string, unknown> & { steps?: Step[] };
type Workflow = Record<string, unknown> & { on?: unknown; jobs: Record<string, Job> };
type Rule = (path: string, text: string, files: Record<string, string>) => string[];

const load = (text: string) => parseYaml(text)[0] as Workflow;
const stepsOf = (wf: Workflow) => Object.entries(wf.jobs).flatMap(([job, j]) => (j.steps ?? []).map((step) => ({ job, step })));
const label = (job: string, step: Step) => `job ${job} step "${String(step.name ?? step.id ?? step.uses ?? '?')}"`;
const EXPR = /\$\{\{[\s\S]*?\}\}/g;

const IDENTITY_VAR = /vars\.(?:AWS|AZURE|GCP)_(PLAN|APPLY|DRIFT)_[A-Z_]+/g;
const identitiesOf = (j: Job) => new Set([...JSON.stringify(j).matchAll(IDENTITY_VAR)].map((m) => m[1]!));
const eventsOf = (on: unknown) => (typeof on === 'string' ? [on] : Array.isArray(on) ? on.map(String) : Object.keys((on as object) ?? {}));

/** What marks a token or secret in an env: map: its value, or a name that says it is one. */
const SECRET_VALUE = /\$\{\{[^}]*\b(secrets\.|github\.token\b)/;
const SECRET_NAME = /TOKEN|SECRET|PASSWORD|PRIVATE_KEY|CREDENTIAL/i;
/** The runtime's subcommands that call GitHub (docs/runtime.md, GITHUB_TOKEN), and the gh CLI. */
const CALLS_GITHUB = /opsta\.mjs"? (deployment|reviewed-plan|apply-outcome|revert-pr|status-append|drift|comment|check-run|budget)\b|(^|[\s;&|(])gh api\b/m;
/** Tools that must never see the job token: they run providers, charts and plugins. */
const INFRA_TOOL = /(^|[\s;&|(])(terraform|helmfile|helm|kubectl)\s/m;
const fileName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

const RULES: Record<string, Rule> = {
  'every uses: is a full commit SHA with a # vX.Y.Z comment (or a workflow of this repository)': (path, text) => {
    const bad: string[] = [];
    for (const line of text.split('\n').filter((l) => /^\s*(-\s+)?uses:/.test(l))) {
      if (/uses:\s+\.\//.test(line)) continue;
      if (!/uses:\s+[A-Za-z0-9_.-]+\/[A-Za-z0-9_./-]+@[0-9a-f]{40} # v\d+(\.\d+)*\s*$/.test(line)) bad.push(`${path}: ${line.trim()}`);
    }
    return bad;
  },
  'top-level permissions are {} or contents: read, and every job grants its own': (path, text) => {
    const wf = load(text);
    const bad: string[] = [];
    const top = JSON.stringify(wf.permissions);
    if (top !== '{}' && top !== '{"contents":"read"}') bad.push(`${path}: top-level permissions ${top ?? 'missing'}`);
    for (const [job, j] of Object.entries(wf.jobs)) {
      if (typeof j.permissions !== 'object' || j.permissions === null) bad.push(`${path}: job ${job} has no permissions block`);
      else if (Object.values(j.permissions).includes('write-all')) bad.push(`${path}: job ${job} grants write-all`);
    }
    return bad;
  },
  'no pull_request_target or workflow_run trigger': (path, text) => {
    const on = load(text).on;
    const events = typeof on === 'string' ? [on] : Array.isArray(on) ? on : Object.keys((on as object) ?? {});
    return events.filter((e) => e === 'pull_request_target' || e === 'workflow_run').map((e) => `${path}: triggered by ${String(e)}`);
  },
  'no ${{ }} inside a run: script or a github-script script: (values come in through env:)': (path, text) =>
    stepsOf(load(text)).flatMap(({ job, step }) => {
      // actions/github-script evaluates with.script as JavaScript: an expression there is code injection too.
      const script = String(step.uses ?? '').startsWith('actions/github-script@') ? (step.with as Record<string, unknown> | undefined)?.script : undefined;
      return [
        ...(typeof step.run === 'string' && step.run.includes('${{') ? [`${path}: ${label(job, step)} interpolates an expression into run:`] : []),
        ...(typeof script === 'string' && script.includes('${{') ? [`${path}: ${label(job, step)} interpolates an expression into with.script:`] : []),
      ];
    }),
  'no plan value in a run: script or an expression (steps read .opsta/pipeline.json)': (path, text, files) => {
    const pipeline = JSON.parse(files['.opsta/pipeline.json']!) as Record<string, string>;
    const plan = parseYaml(files['opsta.plan.yaml']!)[0] as { dns: { domain: string }; github: { owner: string; repo: string }; metadata: { name: string } };
    const values = [plan.dns.domain, `${plan.github.owner}/${plan.github.repo}`, plan.metadata.name, pipeline.cluster!, pipeline.stateBucket!, pipeline.region!].filter((v) => v.length >= 6);
    const wf = load(text);
    const places = [
      ...stepsOf(wf).filter(({ step }) => typeof step.run === 'string').map(({ job, step }) => [label(job, step), String(step.run)] as const),
      ...[...text.matchAll(EXPR)].map((m) => ['expression', m[0]] as const),
    ];
    return places.flatMap(([where, t]) => values.filter((v) => t.includes(v)).map((v) => `${path}: ${where} contains the plan value ${v}`));
  },
  'each cloud identity only where it is trusted: apply in the environment, plan on pull requests, drift in unattended workflows outside any environment': (path, text) => {
    const bad: string[] = [];
    const wf = load(text);
    const pullRequests = eventsOf(wf.on).some((e) => e.startsWith('pull_request'));
    for (const [job, j] of Object.entries(wf.jobs)) {
      const used = identitiesOf(j);
      const env = j.environment !== undefined;
      const oidc = (j.permissions as Record<string, string> | undefined)?.['id-token'] === 'write';
      if (used.size > 1) bad.push(`${path}: job ${job} uses more than one identity (${[...used].join(', ')})`);
      if (oidc && used.size === 0) bad.push(`${path}: job ${job} requests an OIDC token but signs in as no identity`);
      if (used.has('APPLY') && !env) bad.push(`${path}: job ${job} uses the apply identity outside the protected environment`);
      if (used.has('DRIFT') && (env || pullRequests)) bad.push(`${path}: job ${job} uses the drift identity ${env ? 'in an environment' : 'in a pull-request workflow'}`);
      if (used.has('PLAN') && (env || !pullRequests)) bad.push(`${path}: job ${job} uses the plan identity ${env ? 'in an environment' : 'outside a pull-request workflow'}`);
    }
    return bad;
  },
  'drift.yml is scheduled or dispatched, in no environment, with no secret, as the drift identity, on the stages whose state it may read, without the lock': (path, text, files) => {
    if (!path.endsWith('/drift.yml')) return [];
    const wf = load(text);
    const bad: string[] = [];
    const events = eventsOf(wf.on);
    if (events.length === 0 || events.some((e) => e !== 'schedule' && e !== 'workflow_dispatch')) bad.push(`${path}: triggered by ${events.join(', ')} (only schedule and workflow_dispatch)`);
    if (/\bsecrets\./.test(text)) bad.push(`${path}: reads a secret (${/secrets\.[A-Za-z0-9_]+/.exec(text)![0]}): outside the environment only the drift identity's own token is available`);
    const pipeline = JSON.parse(files['.opsta/pipeline.json']!) as { stages: { id: string; tool: string; planOnPullRequest: boolean }[] };
    const readable = pipeline.stages.filter((st) => st.tool === 'terraform' && st.planOnPullRequest).map((st) => st.id);
    const signedIn = Object.entries(wf.jobs).filter(([, j]) => (j.permissions as Record<string, string> | undefined)?.['id-token'] === 'write');
    if (signedIn.length === 0) bad.push(`${path}: no job signs in to the cloud`);
    for (const [job, j] of Object.entries(wf.jobs)) if (j.environment !== undefined) bad.push(`${path}: job ${job} runs in the environment ${String(j.environment)}`);
    for (const [job, j] of signedIn) {
      if (JSON.stringify(j.permissions) !== JSON.stringify({ contents: 'read', 'id-token': 'write', issues: 'write' })) bad.push(`${path}: job ${job} permissions ${JSON.stringify(j.permissions)}`);
      if (!identitiesOf(j).has('DRIFT')) bad.push(`${path}: job ${job} does not sign in as the drift identity`);
      const stacks = ((j.strategy as { matrix?: { stack?: unknown } } | undefined)?.matrix?.stack ?? []) as string[];
      if (JSON.stringify(stacks) !== JSON.stringify(readable)) bad.push(`${path}: job ${job} plans ${JSON.stringify(stacks)}, not the stages whose state the drift identity may read ${JSON.stringify(readable)}`);
      for (const st of j.steps ?? []) {
        const run = String(st.run ?? '');
        if (/terraform plan\b/.test(run) && !/terraform plan [^\n]*-lock=false/.test(run)) bad.push(`${path}: ${label(job, st)} plans with the state lock (a write)`);
      }
    }
    return bad;
  },
  'timeout-minutes on every job': (path, text) =>
    Object.entries(load(text).jobs)
      .filter(([, j]) => typeof j.uses !== 'string' && typeof j['timeout-minutes'] !== 'number')
      .map(([job]) => `${path}: job ${job} has no timeout-minutes`),
  'checkouts do not persist credentials': (path, text) =>
    stepsOf(load(text))
      .filter(({ step }) => String(step.uses ?? '').startsWith('actions/checkout@') && (step.with as Record<string, unknown> | undefined)?.['persist-credentials'] !== false)
      .map(({ job, step }) => `${path}: ${label(job, step)} persists credentials`),
  'Terraform, Helm, helmfile and helm-diff versions are the pinned TOOL_VERSIONS': (path, text) => {
    const bad: string[] = [];
    for (const { job, step } of stepsOf(load(text))) {
      const uses = String(step.uses ?? '');
      const w = (step.with ?? {}) as Record<string, unknown>;
      if (uses.startsWith('hashicorp/setup-terraform@') && w.terraform_version !== TOOL_VERSIONS.terraform) bad.push(`${path}: ${label(job, step)} terraform_version ${String(w.terraform_version)}`);
      if (uses.startsWith('helmfile/helmfile-action@')) {
        if (w['helm-version'] !== TOOL_VERSIONS.helm || w['helmfile-version'] !== TOOL_VERSIONS.helmfile) bad.push(`${path}: ${label(job, step)} Helm/helmfile not pinned`);
        if (w['helm-plugins'] !== '') bad.push(`${path}: ${label(job, step)} installs plugins at their default branch`);
      }
      const run = String(step.run ?? '');
      if (/helm plugin install/.test(run) && !(/--version "\$HELM_DIFF_VERSION"/.test(run) && (step.env as Record<string, unknown>)?.HELM_DIFF_VERSION === TOOL_VERSIONS.helmDiff)) bad.push(`${path}: ${label(job, step)} helm-diff not pinned`);
      if (/(^|\s)(curl|wget)\s[^\n]*\|\s*(ba)?sh/.test(run)) bad.push(`${path}: ${label(job, step)} pipes a download into a shell`);
    }
    return bad;
  },
  'checks: write only on the jobs that publish a check run (check-run, budget --check-run), never beside a cloud identity': (path, text) => {
    const bad: string[] = [];
    for (const [job, j] of Object.entries(load(text).jobs)) {
      const perms = (j.permissions ?? {}) as Record<string, string>;
      const publishes = (j.steps ?? []).some((s) => {
        const run = String(s.run ?? '');
        return run.includes('opsta.mjs check-run') || (run.includes('opsta.mjs budget') && run.includes('--check-run'));
      });
      if (perms.checks === 'write' && !publishes) bad.push(`${path}: job ${job} grants checks: write but publishes no check run`);
      if (publishes && perms.checks !== 'write') bad.push(`${path}: job ${job} publishes a check run without checks: write`);
      if (perms.checks === 'write' && perms['id-token'] === 'write') bad.push(`${path}: job ${job} grants checks: write beside a cloud identity`);
    }
    return bad;
  },
  'no workflow- or job-level env carries a token or secret; GITHUB_TOKEN only on steps that call GitHub, never beside Terraform, helmfile, Helm or kubectl': (path, text) => {
    const wf = load(text);
    const bad: string[] = [];
    const level = (where: string, env: unknown) => {
      for (const [k, v] of Object.entries((env ?? {}) as Record<string, unknown>)) {
        if (SECRET_VALUE.test(String(v)) || SECRET_NAME.test(k)) bad.push(`${path}: ${where} env ${k} carries a token or secret: set it on the steps that need it`);
      }
    };
    level('workflow', wf.env);
    for (const [job, j] of Object.entries(wf.jobs)) level(`job ${job}`, j.env);
    for (const { job, step } of stepsOf(wf)) {
      const env = (step.env ?? {}) as Record<string, unknown>;
      if (!Object.values(env).some((v) => /\bgithub\.token\b/.test(String(v)))) continue;
      const run = String(step.run ?? '');
      if (!CALLS_GITHUB.test(run)) bad.push(`${path}: ${label(job, step)} gets the job token but calls no GitHub API`);
      if (INFRA_TOOL.test(run)) bad.push(`${path}: ${label(job, step)} gets the job token beside ${INFRA_TOOL.exec(run)![2]}`);
    }
    return bad;
  },
  'every workflow with a schedule: has a keepalive job that re-enables that workflow with actions: write, on scheduled runs': (path, text) => {
    const wf = load(text);
    if (!eventsOf(wf.on).includes('schedule')) return [];
    const keeps = Object.values(wf.jobs).some(
      (j) =>
        JSON.stringify(j.permissions) === JSON.stringify({ actions: 'write' }) &&
        String(j.if ?? '').replace(/\s+/g, ' ') === "github.event_name == 'schedule'" &&
        (j.steps ?? []).some((st) => {
          const env = (st.env ?? {}) as Record<string, unknown>;
          return /gh api --method PUT "repos\/\$GITHUB_REPOSITORY\/actions\/workflows\/\$WORKFLOW\/enable"/.test(String(st.run ?? '')) && env.WORKFLOW === fileName(path) && env.GITHUB_TOKEN === '${{ github.token }}';
        }),
    );
    return keeps ? [] : [`${path}: scheduled, but no keepalive job re-enables ${fileName(path)} (GitHub disables a schedule after 60 days without activity)`];
  },
  'every job that runs Terraform uses the provider plugin cache': (path, text) =>
    Object.entries(load(text).jobs)
      .filter(([, j]) => (j.steps ?? []).some((s) => String(s.uses ?? '').startsWith('hashicorp/setup-terraform@')))
      .filter(([, j]) => !((j.steps ?? []).some((s) => String(s.run ?? '').includes('TF_PLUGIN_CACHE_DIR=')) && (j.steps ?? []).some((s) => String(s.uses ?? '').startsWith('actions/cache@'))))
      .map(([job]) => `${path}: job ${job} runs Terraform without the plugin cache`),
};

const hasShellcheck = requireTool('shellcheck', () => spawnSync('shellcheck', ['--version']).status === 0);
const shellcheckCache = new Map<string, string[]>();
/** shellcheck -s bash findings for one script (cached by content: many scripts repeat). */
function shellcheck(script: string): string[] {
  let found = shellcheckCache.get(script);
  if (!found) {
    const r = spawnSync('shellcheck', ['-s', 'bash', '-f', 'gcc', '-'], { input: script, encoding: 'utf8' });
    if (r.status !== 0 && r.status !== 1) throw new Error(`shellcheck failed to run: ${r.stderr}`);
    found = r.stdout.split('\n').filter(Boolean);
    shellcheckCache.set(script, found);
  }
  return found;
}
const shellcheckRule: Rule = (path, text) =>
  runScripts(path, text).flatMap(({ job, step, script }) => shellcheck(script).map((f) => `${path}: job ${job} step "${step}": ${f.replace(/^-:/, 'line ')}`));

function check(files: Record<string, string>, rule: Rule) {
  return workflowPaths(files).flatMap((p) => rule(p, files[p]!, files));
}

const EXPECTED = ['apply', 'destroy', 'drift', 'health', 'plan'].map((w) => `.github/workflows/${w}.yml`);

describe.each(exampleNames())('hardening of every workflow for examples/%s.plan.yaml', (name) => {
  it('generates the five executor workflows', () => {
    expect(workflowPaths(generatedExample(name))).toEqual(EXPECTED);
  });
  it.each(Object.keys(RULES))('%s', (rule) => {
    expect(check(generatedExample(name), RULES[rule]!)).toEqual([]);
  });
  it.skipIf(!hasShellcheck)('every run: script is clean under shellcheck -s bash', () => {
    expect(check(generatedExample(name), shellcheckRule)).toEqual([]);
  });
});

describe('hardening on random plans', () => {
  const variants = planVariants(3);
  it.each(variants.map((v) => [v.label, v] as const))('%s', (_l, v) => {
    for (const [rule, fn] of Object.entries(RULES)) expect(check(v.files, fn), rule).toEqual([]);
    if (hasShellcheck) expect(check(v.files, shellcheckRule)).toEqual([]);
  });
});

describe('each rule fails on the fault it exists for', () => {
  const files = generatedExample('aws-medium');
  const apply = files['.github/workflows/apply.yml']!;
  const plan = files['.github/workflows/plan.yml']!;
  const withFile = (path: string, text: string) => ({ ...files, [path]: text });
  const fails = (ruleName: string, path: string, text: string, pattern: RegExp) => {
    const findings = check(withFile(path, text), RULES[ruleName]!);
    expect(findings.join('\n')).toMatch(pattern);
  };
  const rule = (prefix: string) => Object.keys(RULES).find((k) => k.startsWith(prefix))!;

  it('an action by tag', () => {
    const bad = apply.replace(/uses: actions\/checkout@[0-9a-f]{40} # v[\d.]+/, 'uses: actions/checkout@v4');
    expect(bad).not.toBe(apply);
    fails(rule('every uses:'), '.github/workflows/apply.yml', bad, /actions\/checkout@v4/);
  });
  it('a SHA without its version comment', () => {
    fails(rule('every uses:'), '.github/workflows/apply.yml', apply.replace(/(uses: actions\/checkout@[0-9a-f]{40}) # v[\d.]+/, '$1'), /checkout@/);
  });
  it('missing permissions (top level and a job)', () => {
    fails(rule('top-level permissions'), '.github/workflows/apply.yml', apply.replace(/^permissions: \{\}\n/m, ''), /top-level permissions missing/);
    fails(rule('top-level permissions'), '.github/workflows/apply.yml', apply.replace(/^permissions: \{\}$/m, 'permissions: write-all'), /top-level permissions "write-all"/);
    fails(rule('top-level permissions'), '.github/workflows/plan.yml', plan.replace(/(\n  manifest:\n(?:.*\n)*?)    permissions:\n      contents: read\n/, '$1'), /job manifest has no permissions/);
  });
  it('pull_request_target', () => {
    fails(rule('no pull_request_target'), '.github/workflows/plan.yml', plan.replace('\n  pull_request:\n', '\n  pull_request_target:\n'), /pull_request_target/);
  });
  it('${{ github.event.pull_request.title }} in run:', () => {
    const bad = plan.replace('run: node .opsta/opsta.mjs manifest-check', 'run: echo "${{ github.event.pull_request.title }}"');
    expect(bad).not.toBe(plan);
    fails(rule('no ${{ }} inside'), '.github/workflows/plan.yml', bad, /interpolates an expression into run:/);
  });
  it('${{ github.event.pull_request.title }} in the script: of actions/github-script', () => {
    const step = [
      '      - name: Greet',
      '        uses: actions/github-script@ed597411d8f924073f98dfc5c65a23a2325f34cd # v8.0.0',
      '        with:',
      '          script: |',
      '            core.info("${{ github.event.pull_request.title }}");',
      '',
      '      - name: Compare every generated file',
    ].join('\n');
    const bad = plan.replace('      - name: Compare every generated file', step);
    expect(bad).not.toBe(plan);
    fails(rule('no ${{ }} inside'), '.github/workflows/plan.yml', bad, /job manifest step "Greet" interpolates an expression into with\.script:/);
    // The same value through env: passes (the script reads process.env).
    const safe = bad.replace('        with:\n          script: |\n            core.info("${{ github.event.pull_request.title }}");', '        env:\n          TITLE: ${{ github.event.pull_request.title }}\n        with:\n          script: |\n            core.info(process.env.TITLE);');
    expect(safe).not.toBe(bad);
    expect(check(withFile('.github/workflows/plan.yml', safe), RULES[rule('no ${{ }} inside')]!)).toEqual([]);
  });
  it('a plan value in run: or in an expression', () => {
    const domain = (parseYaml(files['opsta.plan.yaml']!)[0] as { dns: { domain: string } }).dns.domain;
    fails(rule('no plan value'), '.github/workflows/plan.yml', plan.replace('run: node .opsta/opsta.mjs manifest-check', `run: curl -fsS https://${domain}/`), /contains the plan value/);
    fails(rule('no plan value'), '.github/workflows/plan.yml', plan.replace("if: needs.changes.outputs.platform == 'true'", `if: \${{ github.ref == '${domain}' }}`), /expression contains the plan value/);
  });
  it('a job without timeout-minutes', () => {
    const bad = apply.replace(/^    timeout-minutes: 240\n/m, '');
    expect(bad).not.toBe(apply);
    fails(rule('timeout-minutes'), '.github/workflows/apply.yml', bad, /job apply has no timeout-minutes/);
  });
  it('a checkout that persists credentials', () => {
    fails(rule('checkouts'), '.github/workflows/apply.yml', apply.replace('persist-credentials: false', 'persist-credentials: true'), /persists credentials/);
  });
  it('an unpinned tool', () => {
    fails(rule('Terraform, Helm'), '.github/workflows/apply.yml', apply.replace(`terraform_version: "${TOOL_VERSIONS.terraform}"`, 'terraform_version: latest'), /terraform_version latest/);
    fails(rule('Terraform, Helm'), '.github/workflows/apply.yml', apply.replace('helm-plugins: ""', 'helm-plugins: https://github.com/databus23/helm-diff'), /default branch/);
  });
  const drift = files['.github/workflows/drift.yml']!;
  it('drift.yml in the protected environment', () => {
    const bad = drift.replace('    timeout-minutes: 30\n', '    timeout-minutes: 30\n    environment: production\n');
    expect(bad).not.toBe(drift);
    fails(rule('drift.yml is scheduled'), '.github/workflows/drift.yml', bad, /job drift runs in the environment production/);
    fails(rule('each cloud identity'), '.github/workflows/drift.yml', bad, /job drift uses the drift identity in an environment/);
  });
  it('drift.yml as the apply identity', () => {
    const bad = drift.replace('vars.AWS_DRIFT_ROLE_ARN', 'vars.AWS_APPLY_ROLE_ARN');
    expect(bad).not.toBe(drift);
    fails(rule('drift.yml is scheduled'), '.github/workflows/drift.yml', bad, /does not sign in as the drift identity/);
    fails(rule('each cloud identity'), '.github/workflows/drift.yml', bad, /uses the apply identity outside the protected environment/);
  });
  it('the drift identity in another workflow', () => {
    fails(rule('each cloud identity'), '.github/workflows/plan.yml', plan.replace('vars.AWS_PLAN_ROLE_ARN', 'vars.AWS_DRIFT_ROLE_ARN'), /uses the drift identity in a pull-request workflow/);
  });
  it('drift.yml planning an apply-only stage, reading a secret, on push, with the lock', () => {
    const stage = drift.replace('          - "20-cluster"\n', '          - "20-cluster"\n          - "25-prerequisites"\n');
    expect(stage).not.toBe(drift);
    fails(rule('drift.yml is scheduled'), '.github/workflows/drift.yml', stage, /plans \["10-network","20-cluster","25-prerequisites"\], not the stages/);
    const secret = drift.replace('      TF_INPUT: "0"\n', '      TF_INPUT: "0"\n      VAULT_TOKEN: ${{ secrets.VAULT_TOKEN }}\n');
    expect(secret).not.toBe(drift);
    fails(rule('drift.yml is scheduled'), '.github/workflows/drift.yml', secret, /reads a secret \(secrets\.VAULT_TOKEN\)/);
    fails(rule('drift.yml is scheduled'), '.github/workflows/drift.yml', drift.replace('  workflow_dispatch: {}\n', '  workflow_dispatch: {}\n  push: {}\n'), /triggered by schedule, workflow_dispatch, push/);
    const lock = drift.replace('terraform plan -lock=false ', 'terraform plan ');
    expect(lock).not.toBe(drift);
    fails(rule('drift.yml is scheduled'), '.github/workflows/drift.yml', lock, /plans with the state lock/);
  });
  it('checks: write on the job that runs Terraform, or missing where a check run is published', () => {
    const onTerraform = plan.replace('      contents: read\n      id-token: write\n', '      contents: read\n      id-token: write\n      checks: write\n');
    expect(onTerraform).not.toBe(plan);
    fails(rule('checks: write only'), '.github/workflows/plan.yml', onTerraform, /job terraform grants checks: write but publishes no check run\n.*job terraform grants checks: write beside a cloud identity/);
    const missing = plan.replace(/(\n  checks:\n(?:.*\n)*?    permissions:\n      contents: read\n)      checks: write\n/, '$1');
    expect(missing).not.toBe(plan);
    fails(rule('checks: write only'), '.github/workflows/plan.yml', missing, /job checks publishes a check run without checks: write/);
    fails(rule('checks: write only'), '.github/workflows/plan.yml', plan.replace(' --check-run "opsta budget"', ''), /job budget grants checks: write but publishes no check run/);
  });
  it('Terraform without the plugin cache', () => {
    fails(rule('every job that runs Terraform'), '.github/workflows/apply.yml', apply.replace(/uses: actions\/cache@/g, 'uses: actions/nocache@'), /without the plugin cache/);
  });
  it('a token in a job-level or workflow-level env, or on a step that does not call GitHub or that runs Terraform', () => {
    const r = rule('no workflow- or job-level env');
    const jobLevel = apply.replace('      TF_INPUT: "0"\n    steps:', '      TF_INPUT: "0"\n      GITHUB_TOKEN: ${{ github.token }}\n    steps:');
    expect(jobLevel).not.toBe(apply);
    fails(r, '.github/workflows/apply.yml', jobLevel, /job apply env GITHUB_TOKEN carries a token or secret/);
    const secret = drift.replace('      TF_INPUT: "0"\n', '      TF_INPUT: "0"\n      TF_VAR_x: ${{ secrets.X }}\n');
    expect(secret).not.toBe(drift);
    fails(r, '.github/workflows/drift.yml', secret, /job drift env TF_VAR_x carries a token or secret/);
    fails(r, '.github/workflows/apply.yml', apply.replace('\npermissions: {}\n', '\npermissions: {}\nenv:\n  GH_TOKEN: ${{ github.token }}\n'), /workflow env GH_TOKEN carries a token or secret/);
    const onPlan = apply.replace(/(- name: "10-network: plan"\n(?:.*\n)*?        env:\n)/, '$1          GITHUB_TOKEN: ${{ github.token }}\n');
    expect(onPlan).not.toBe(apply);
    fails(r, '.github/workflows/apply.yml', onPlan, /step "10-network: plan" gets the job token but calls no GitHub API\n.*step "10-network: plan" gets the job token beside terraform/);
    const beside = apply.replace('run: node .opsta/opsta.mjs deployment stage --id "$DEPLOYMENT_ID" --stage "$STACK" --state started', 'run: |\n          node .opsta/opsta.mjs deployment stage --id "$DEPLOYMENT_ID" --stage "$STACK" --state started\n          terraform init -input=false');
    expect(beside).not.toBe(apply);
    fails(r, '.github/workflows/apply.yml', beside, /step "10-network: started" gets the job token beside terraform/);
  });
  it('a scheduled workflow without its keepalive, or one that keeps another workflow alive', () => {
    const r = rule('every workflow with a schedule:');
    const none = drift.slice(0, drift.indexOf('\n  keepalive:\n') + 1);
    expect(none).toContain('\n  record:\n');
    fails(r, '.github/workflows/drift.yml', none, /drift\.yml: scheduled, but no keepalive job re-enables drift\.yml/);
    const health = files['.github/workflows/health.yml']!;
    fails(r, '.github/workflows/health.yml', health.replace('WORKFLOW: "health.yml"', 'WORKFLOW: "drift.yml"'), /no keepalive job re-enables health\.yml/);
    fails(r, '.github/workflows/health.yml', health.replace('      actions: write\n', '      actions: read\n'), /no keepalive job re-enables health\.yml/);
  });
  it.skipIf(!hasShellcheck)('a run: script shellcheck rejects', () => {
    const bad = plan.replace('run: node .opsta/opsta.mjs manifest-check', 'run: |\n          for f in $(ls *.tf); do echo $f; done');
    expect(check(withFile('.github/workflows/plan.yml', bad), shellcheckRule).join('\n')).toMatch(/SC2045|SC2086/);
  });
  it('shellcheck itself is the real binary (a finding has its code)', () => {
    if (!hasShellcheck) return;
    expect(execFileSync('shellcheck', ['--version'], { encoding: 'utf8' })).toMatch(/version: \d+\.\d+/);
  });
});
