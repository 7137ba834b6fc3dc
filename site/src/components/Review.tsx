// Step 4: cost, validation summary, the generated repository (tree + viewer), downloads and
// a comparison with an earlier plan. The generator is imported on demand and runs when idle.
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Catalog } from '../../../schemas/blueprint.ts';
import type { Problem, Validation } from '../../../schemas/validate.ts';
import type { CostReport } from '../../../generator/src/cost.ts';
import { catalog } from '../lib/catalog.ts';
import { diffLines, diffRepos, hunks, type RepoDiff } from '../lib/diff.ts';
import { highlight, langFor } from '../lib/highlight.ts';
import { zipFiles } from '../lib/zip.ts';
import { BarChart, usd } from './ui.tsx';

type Files = Record<string, string>;
type GeneratorModule = { generate: (plan: never, resolved: never, catalog: Catalog) => Files };

let generatorModule: Promise<GeneratorModule> | undefined;
const loadGenerator = () => (generatorModule ??= import('../lib/generator.ts') as unknown as Promise<GeneratorModule>);

const idle = (fn: () => void): (() => void) => {
  if (typeof requestIdleCallback === 'function') {
    const h = requestIdleCallback(fn, { timeout: 500 });
    return () => cancelIdleCallback(h);
  }
  const t = setTimeout(fn, 0);
  return () => clearTimeout(t);
};

function download(name: string, data: BlobPart, type: string) {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const KIND_LABELS: Record<string, string> = {
  'control-plane': 'Control plane',
  nodes: 'Nodes',
  disks: 'Disks',
  nat: 'NAT gateways',
  'load-balancers': 'Load balancers',
  kms: 'KMS keys',
  'object-storage': 'Object storage',
};

/** `graph`: the dependency graph, rendered by the planner (it owns the plan's graph source). */
export default function Review({ validation, cost, goToProblem, graph }: { validation: Validation; cost: CostReport | undefined; goToProblem: (p: Problem) => void; graph?: ReactNode }) {
  const [gen, setGen] = useState<{ files?: Files; error?: string; forKey?: Validation }>({});
  const [selected, setSelected] = useState('opsta.plan.yaml');

  useEffect(() => {
    if (!validation.ok) return;
    let cancelled = false;
    let cancelIdle = () => {};
    const t = setTimeout(() => {
      loadGenerator()
        .then((m) => {
          cancelIdle = idle(() => {
            if (cancelled) return;
            try {
              setGen({ files: m.generate(validation.plan as never, validation.resolved as never, catalog), forKey: validation });
            } catch (e) {
              setGen({ error: String((e as Error).message ?? e), forKey: validation });
            }
          });
        })
        .catch((e: unknown) => !cancelled && setGen({ error: `could not load the generator: ${String(e)}` }));
    }, 150);
    return () => {
      cancelled = true;
      clearTimeout(t);
      cancelIdle();
    };
  }, [validation]);

  const files = validation.ok && gen.forKey === validation ? gen.files : undefined;
  const fileName = validation.ok ? `${validation.resolved.github.repo}` : 'opsta';

  return (
    <>
      <section aria-labelledby="validation-heading">
        <h3 id="validation-heading">Validation</h3>
        {validation.ok ? (
          <p className="ok" data-testid="validation-ok">
            The plan is valid.
          </p>
        ) : (
          <>
            <p className="error" data-testid="validation-problems">
              {validation.problems.length} problem{validation.problems.length === 1 ? '' : 's'} to fix before the repository can be generated:
            </p>
            <ul className="problems">
              {validation.problems.map((p, i) => (
                <li key={i}>
                  <button type="button" className="link" onClick={() => goToProblem(p)}>
                    <code>{p.path || '(plan)'}</code>
                  </button>
                  : {p.message}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      {cost && <CostSection cost={cost} stale={!validation.ok} />}

      {graph && (
        <section aria-labelledby="review-graph-heading">
          <h3 id="review-graph-heading">Dependency graph</h3>
          {graph}
        </section>
      )}

      <section aria-labelledby="repo-heading">
        <h3 id="repo-heading">Generated repository</h3>
        {!validation.ok && <p>Fix the problems above to see the repository.</p>}
        {validation.ok && !files && !gen.error && <p aria-live="polite">Generating…</p>}
        {gen.error && validation.ok && <p className="error">Generation failed: {gen.error}</p>}
        {files && (
          <>
            <div className="row">
              <button type="button" className="btn btn--primary" onClick={() => download('opsta.plan.yaml', files['opsta.plan.yaml']!, 'application/yaml')}>
                Download opsta.plan.yaml
              </button>
              <button type="button" className="btn" onClick={() => download(`${fileName}.zip`, zipFiles(files) as BlobPart, 'application/zip')}>
                Download repository (.zip)
              </button>
            </div>
            <p className="hint">{Object.keys(files).length} files. The same generator core as the CLI produced them in your browser; nothing was sent anywhere.</p>
            <div className="repo">
              <FileTree paths={Object.keys(files)} selected={selected} onSelect={setSelected} />
              <FileView path={files[selected] !== undefined ? selected : 'opsta.plan.yaml'} text={files[selected] ?? files['opsta.plan.yaml']!} />
            </div>
            <Compare current={files} />
          </>
        )}
      </section>
    </>
  );
}

function CostSection({ cost, stale }: { cost: CostReport; stale: boolean }) {
  return (
    <section aria-labelledby="cost-heading">
      <h3 id="cost-heading">Monthly cost{stale ? ' (of the last valid plan)' : ''}</h3>
      <p className="total" data-testid="cost-total">
        Total: <strong>{usd(cost.totalUsd)}</strong> per month
      </p>
      {cost.borrowed.length > 0 && (
        <p className="hint" data-testid="cost-borrowed">
          No sourced {cost.region} price for {cost.borrowed.map((b) => b.label).join(', ')}: {cost.borrowed.length > 1 ? 'these lines are' : 'this line is'} priced at {cost.referenceRegion} and marked borrowed.
        </p>
      )}
      {cost.budget && (
        <p className={cost.budget.over ? 'error' : 'ok'} data-testid="budget">
          {cost.budget.over ? `Over the ${usd(cost.budget.monthlyUsd)} budget by ${usd(-cost.budget.remainingUsd)}.` : `Within the ${usd(cost.budget.monthlyUsd)} budget: ${usd(cost.budget.remainingUsd)} to spare.`}
        </p>
      )}
      <div className="charts">
        <BarChart id="cost-by-component" caption="By component" rows={cost.byComponent.map((c) => ({ label: c.name, value: c.monthlyUsd }))} />
        <BarChart id="cost-by-kind" caption="By resource kind" rows={cost.byKind.map((k) => ({ label: KIND_LABELS[k.kind] ?? k.kind, value: k.monthlyUsd }))} />
      </div>
      <p className="hint">{cost.cloud} on-demand list prices for {cost.region}, from:</p>
      <ul className="hint" data-testid="price-sources">
        {cost.sources.map((s) => (
          <li key={s.id}>
            {s.title}, {s.dated ?? `undated (read ${s.read})`}
          </li>
        ))}
      </ul>
      <details>
        <summary>Every cost line with its price source</summary>
        <table className="lines">
          <thead>
            <tr>
              <th scope="col">Owner</th>
              <th scope="col">What</th>
              <th scope="col" className="num">
                Monthly
              </th>
              <th scope="col">Source and date</th>
            </tr>
          </thead>
          <tbody>
            {cost.lines.map((l, i) => (
              <tr key={i}>
                <td>{l.owner === 'platform' ? 'Cluster and network' : (catalog.components[l.owner]?.name ?? l.owner)}</td>
                <td>{l.description}</td>
                <td className="num">
                  {usd(l.monthlyUsd)}
                  {l.borrowedFrom ? <span className="badge">borrowed from {l.borrowedFrom}</span> : null}
                  {l.approximate ? <span className="badge">approximate</span> : null}
                </td>
                <td>
                  {l.price}: {l.source}, {l.date}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <ul data-testid="price-source-details">
          {cost.sources.map((s) => (
            <li key={s.id}>
              {s.url ? <a href={s.url} rel="noopener noreferrer">{s.title}</a> : s.title}
              {s.class === 'secondary' ? ' (third party)' : ''}: {s.dated ? `dated ${s.dated}` : 'undated'}, read {s.read}
            </li>
          ))}
        </ul>
        <ul>
          {cost.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      </details>
    </section>
  );
}

interface TreeNode {
  dirs: Map<string, TreeNode>;
  files: string[];
}
function buildTree(paths: string[]): TreeNode {
  const root: TreeNode = { dirs: new Map(), files: [] };
  for (const p of [...paths].sort()) {
    const parts = p.split('/');
    let n = root;
    for (const d of parts.slice(0, -1)) {
      if (!n.dirs.has(d)) n.dirs.set(d, { dirs: new Map(), files: [] });
      n = n.dirs.get(d)!;
    }
    n.files.push(p);
  }
  return root;
}

function FileTree({ paths, selected, onSelect }: { paths: string[]; selected: string; onSelect: (p: string) => void }) {
  const tree = useMemo(() => buildTree(paths), [paths]);
  const render = (n: TreeNode, prefix: string) => (
    <ul>
      {[...n.dirs.entries()].map(([d, child]) => (
        <li key={prefix + d}>
          <details open>
            <summary>{d}/</summary>
            {render(child, `${prefix + d}/`)}
          </details>
        </li>
      ))}
      {n.files.map((p) => (
        <li key={p}>
          <button type="button" className="file" aria-current={p === selected ? 'true' : undefined} onClick={() => onSelect(p)} data-path={p}>
            {p.slice(prefix.length)}
          </button>
        </li>
      ))}
    </ul>
  );
  return (
    <nav className="tree" aria-label="Repository files">
      {render(tree, '')}
    </nav>
  );
}

function FileView({ path, text }: { path: string; text: string }) {
  const lines = useMemo(() => highlight(text, langFor(path)), [path, text]);
  return (
    <div className="viewer">
      <p className="viewer-path" id="viewer-path">
        {path}
      </p>
      <pre tabIndex={0} aria-labelledby="viewer-path" data-testid="file-view">
        <code>
          {lines.map((toks, i) => (
            <span className="line" key={i}>
              {toks.map((t, j) => (
                <span key={j} className={`tok-${t.k}`}>
                  {t.v}
                </span>
              ))}
              {'\n'}
            </span>
          ))}
        </code>
      </pre>
    </div>
  );
}

function Compare({ current }: { current: Files }) {
  const [before, setBefore] = useState<{ name: string; files?: Files; problems?: Problem[] } | undefined>();
  const [sel, setSel] = useState('');
  const diff: RepoDiff | undefined = useMemo(() => (before?.files ? diffRepos(before.files, current) : undefined), [before, current]);
  const lineDiff = useMemo(() => (before?.files && sel ? hunks(diffLines(before.files[sel] ?? '', current[sel] ?? '')) : []), [before, current, sel]);
  return (
    <section aria-labelledby="compare-heading">
      <h3 id="compare-heading">Compare with an earlier plan</h3>
      <div className="field">
        <label htmlFor="compare-file">Earlier opsta.plan.yaml</label>
        <input
          id="compare-file"
          type="file"
          accept=".yaml,.yml,text/yaml"
          onChange={async (e) => {
            const f = e.target.files?.[0];
            if (!f) return;
            const { validatePlanYamlText } = await import('../lib/planYaml.ts');
            const v = validatePlanYamlText(await f.text(), catalog);
            if (!v.ok) return setBefore({ name: f.name, problems: v.problems });
            const m = await loadGenerator();
            try {
              setBefore({ name: f.name, files: m.generate(v.plan as never, v.resolved as never, catalog) });
            } catch (err) {
              setBefore({ name: f.name, problems: [{ path: '', message: String((err as Error).message) }] });
            }
            setSel('');
          }}
        />
      </div>
      {before?.problems && (
        <ul className="problems" aria-label={`Problems in ${before.name}`}>
          {before.problems.map((p, i) => (
            <li key={i}>
              <code>{p.path || '(plan)'}</code>: {p.message}
            </li>
          ))}
        </ul>
      )}
      {diff && (
        <div data-testid="compare-result">
          <p>
            Against {before!.name}: {diff.added.length} added, {diff.removed.length} removed, {diff.changed.length} changed, {diff.unchanged} unchanged.
          </p>
          <ul className="diff-files">
            {diff.added.map((p) => (
              <li key={`a${p}`}>
                <span className="badge badge--add">added</span>{' '}
                <button type="button" className="link" onClick={() => setSel(p)} aria-pressed={sel === p}>
                  {p}
                </button>
              </li>
            ))}
            {diff.removed.map((p) => (
              <li key={`r${p}`}>
                <span className="badge badge--del">removed</span>{' '}
                <button type="button" className="link" onClick={() => setSel(p)} aria-pressed={sel === p}>
                  {p}
                </button>
              </li>
            ))}
            {diff.changed.map((p) => (
              <li key={`c${p}`}>
                <span className="badge">changed</span>{' '}
                <button type="button" className="link" onClick={() => setSel(p)} aria-pressed={sel === p}>
                  {p}
                </button>
              </li>
            ))}
          </ul>
          {sel && (
            <pre className="diff" tabIndex={0} aria-label={`Line changes in ${sel}`} data-testid="line-diff">
              <code>
                {lineDiff.map((o, i) =>
                  o.kind === 'gap' ? (
                    <span key={i} className="diff-gap">{`… ${o.count} unchanged line${o.count === 1 ? '' : 's'}\n`}</span>
                  ) : (
                    <span key={i} className={`diff-${o.kind}`}>{`${o.kind === 'add' ? '+' : o.kind === 'del' ? '-' : ' '} ${o.text}\n`}</span>
                  ),
                )}
              </code>
            </pre>
          )}
        </div>
      )}
    </section>
  );
}
