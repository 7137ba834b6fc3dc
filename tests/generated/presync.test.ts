// Review m5: the Keycloak operator and its CRDs come from `kubectl apply -k <remote>` in a
// helmfile presync hook, so the hook is part of what a reviewer approves. Each presync apply
// must name an immutable-looking source (a release tag or a commit SHA, never a branch or no
// ref at all), land in the release's own namespace (the operator watches only its own), and be
// followed by a wait for every CRD the release's manifests use from it, so a failed fetch or a
// CRD that never establishes stops the release loudly before anything is applied.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CRD_FACTS_DIR } from '../support/k8s-objects.ts';
import { planVariants } from '../support/plan-variants.ts';
import { parseYaml } from '../support/yaml.ts';
import { exampleNames, generatedExample } from './examples.ts';

type Files = Record<string, string>;
interface Hook { events?: string[]; command?: string; args?: string[] }
interface HelmfileRelease { name: string; namespace: string; chart: string; hooks?: Hook[] }

/** API groups whose CRDs a release's own presync hooks install (not another release's chart). */
const PRESYNC_CRD_GROUPS: Record<string, string[]> = { keycloak: ['k8s.keycloak.org'] };

const TAG = /^v?\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$/;
const SHA = /^[0-9a-f]{40}$/;

function pluralOf(group: string, version: string, kind: string): string {
  const facts = JSON.parse(readFileSync(`${CRD_FACTS_DIR}${group}_${kind}@${version}.json`, 'utf8')) as { plural: string };
  return facts.plural;
}

function checkPresync(files: Files): string[] {
  const text = files['platform/helmfile.yaml'];
  if (text === undefined) return [];
  const [doc] = parseYaml(text, 'platform/helmfile.yaml') as [{ releases?: HelmfileRelease[] }];
  const out: string[] = [];
  for (const r of doc.releases ?? []) {
    const hooks = (r.hooks ?? []).filter((h) => (h.events ?? []).includes('presync'));
    const where = `release ${r.namespace}/${r.name}`;
    let applied = -1;
    const waited = new Map<string, number>();
    hooks.forEach((h, i) => {
      const args = h.args ?? [];
      if (h.command !== 'kubectl') out.push(`${where}: presync hook ${i} runs ${String(h.command)}, not kubectl`);
      if (args[0] === 'apply') {
        applied = applied < 0 ? i : applied;
        const src = args[args.findIndex((a) => a === '-k' || a === '-f') + 1] ?? '';
        const url = /^https:\/\//.test(src) ? new URL(src) : undefined;
        if (!url) out.push(`${where}: presync apply of ${src || '(nothing)'} is not an https source`);
        else {
          const ref = args.includes('-k') ? url.searchParams.get('ref') : /\/(?:raw\/)?([^/]+)\/[^/]+\.ya?ml$/.exec(url.pathname)?.[1];
          if (!ref) out.push(`${where}: presync apply of ${src} names no ref, so it takes whatever the default branch holds`);
          else if (!TAG.test(ref) && !SHA.test(ref)) out.push(`${where}: presync apply of ${src} pins ref ${ref}, which is neither a release tag nor a commit SHA`);
        }
        const ns = args[args.indexOf('--namespace') + 1];
        if (!args.includes('--namespace') || ns !== r.namespace) out.push(`${where}: presync apply of ${src} does not set --namespace ${r.namespace}, so namespaced objects without one land in the runner's current namespace`);
      }
      if (args[0] === 'wait') for (const a of args) if (a.startsWith('crd/')) waited.set(a.slice(4), i);
      if (args[0] === 'wait' && !args.some((a) => a === 'condition=established' || a === '--for=condition=established')) out.push(`${where}: presync wait ${i} does not wait for condition=established`);
    });
    const groups = PRESYNC_CRD_GROUPS[r.name] ?? [];
    if (!groups.length) continue;
    if (applied < 0) out.push(`${where}: no presync hook applies the CRDs of ${groups.join(', ')}`);
    const dir = `platform/${r.chart.replace(/^\.\//, '').replace(/\/$/, '')}/`;
    for (const [path, manifest] of Object.entries(files)) {
      if (!path.startsWith(dir)) continue;
      for (const o of parseYaml(manifest, path) as { apiVersion?: string; kind?: string }[]) {
        const [group, version] = (o?.apiVersion ?? '').split('/');
        if (!group || !version || !groups.includes(group)) continue;
        const crd = `${pluralOf(group, version, o.kind!)}.${group}`;
        const at = waited.get(crd);
        if (at === undefined) out.push(`${where}: its manifests use ${o.kind} (${crd}), which no presync hook waits for`);
        else if (at < applied) out.push(`${where}: the wait for ${crd} runs before the apply that installs it`);
      }
    }
  }
  return out;
}

describe('presync hooks install from a pinned source, into the release namespace, and wait for their CRDs (m5)', () => {
  for (const name of exampleNames()) {
    it(`examples/${name}`, () => {
      const problems = checkPresync(generatedExample(name));
      expect(problems, problems.join('\n')).toEqual([]);
    });
  }
  it('random plan variants', () => {
    for (const v of planVariants(10, 5)) {
      const problems = checkPresync(v.files);
      expect(problems, `${v.label}\n${problems.join('\n')}`).toEqual([]);
    }
  }, 60_000);
});

describe('the check fails on the faults it exists for', () => {
  const files = generatedExample('aws-large-all');
  const edit = (from: string, to: string): Files => {
    const text = files['platform/helmfile.yaml']!;
    expect(text).toContain(from);
    return { ...files, 'platform/helmfile.yaml': text.replace(from, to) };
  };

  it('the unmodified repository passes', () => {
    expect(checkPresync(files)).toEqual([]);
  });

  it('a branch or no ref', () => {
    expect(checkPresync(edit('?ref=26.8.2', '?ref=main')).join('\n')).toMatch(/pins ref main, which is neither a release tag nor a commit SHA/);
    expect(checkPresync(edit('?ref=26.8.2', '')).join('\n')).toMatch(/names no ref/);
    expect(checkPresync(edit('?ref=26.8.2', `?ref=${'a'.repeat(40)}`))).toEqual([]);
  });

  it('no namespace, no wait, or the wait first', () => {
    expect(checkPresync(edit('"--namespace", "keycloak", ', '')).join('\n')).toMatch(/does not set --namespace keycloak/);
    expect(checkPresync(edit('"crd/keycloaks.k8s.keycloak.org", ', '')).join('\n')).toMatch(/its manifests use Keycloak \(keycloaks\.k8s\.keycloak\.org\), which no presync hook waits for/);
    const text = files['platform/helmfile.yaml']!;
    const hooks = /( {6}- events: \["presync"\]\n(?: {8}.*\n)+)( {6}- events: \["presync"\]\n(?: {8}.*\n)+)/.exec(text)!;
    const swapped = { ...files, 'platform/helmfile.yaml': text.replace(hooks[0], hooks[2]! + hooks[1]!) };
    expect(checkPresync(swapped).join('\n')).toMatch(/the wait for keycloaks\.k8s\.keycloak\.org runs before the apply/);
  });
});
