// Step 4: cost, validation summary, the generated repository (tree + viewer), downloads and
// a comparison with an earlier plan. The generator is imported on demand and runs when idle.
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Catalog, CloudId } from '../../../schemas/blueprint.ts';
import type { Problem, Validation } from '../../../schemas/validate.ts';
import type { CostReport } from '../../../generator/src/cost.ts';
import { catalog } from '../lib/catalog.ts';
import { diffLines, diffRepos, hunks, type RepoDiff } from '../lib/diff.ts';
import { highlight, langFor } from '../lib/highlight.ts';
import { zipFiles } from '../lib/zip.ts';
import { BarChart, usd } from './ui.tsx';
import { Inline, rich, useI18n } from '../i18n/react.tsx';
import { useReviewText, type ReviewText } from '../i18n/review-text.ts';

type Files = Record<string, string>;
type GeneratorModule = { generate: (plan: never, resolved: never, catalog: Catalog) => Files; loadCloud: (provider: CloudId) => Promise<void> };

let generatorModule: Promise<GeneratorModule> | undefined;
/** The generator chunk with the runtime, and the templates of the plan's cloud (their own chunk). */
const loadGenerator = (provider: CloudId) =>
  (generatorModule ??= import('../lib/generator.ts').then(async (m) => {
    await m.loadRuntime();
    return m as unknown as GeneratorModule;
  })).then(async (m) => {
    await m.loadCloud(provider);
    return m;
  });

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

/** A resource kind (`nat`, `load-balancers`, …) as the user reads it. */
const kindLabel = (L: ReviewText, kind: string) => {
  const key = `cost.kind.${kind}`;
  return L.has(key) ? L.t(key) : kind;
};
/** A priced item (`natGateway`, `instance:m6i.xlarge`) as the user reads it; instance types stay as they are. */
const itemLabel = (L: ReviewText, item: string, english: string) => {
  const key = `cost.item.${item}`;
  return L.has(key) ? L.t(key) : english;
};

/** `graph`: the dependency graph, rendered by the planner (it owns the plan's graph source). */
/**
 * `cost` is the estimate of the current plan when `costIsCurrent` (the plan may still lack its
 * cloud account IDs: the estimate does not read them), else of the last plan that could be priced.
 */
export default function Review({
  validation,
  cost,
  costIsCurrent,
  goToProblem,
  graph,
}: {
  validation: Validation;
  cost: CostReport | undefined;
  costIsCurrent: boolean;
  goToProblem: (p: Problem) => void;
  graph?: ReactNode;
}) {
  const L = useI18n();
  const R = useReviewText();
  const { t, tp } = R;
  const [gen, setGen] = useState<{ files?: Files; error?: string; forKey?: Validation }>({});
  const [selected, setSelected] = useState('opsta.plan.yaml');

  useEffect(() => {
    if (!validation.ok) return;
    let cancelled = false;
    let cancelIdle = () => {};
    const t = setTimeout(() => {
      loadGenerator(validation.plan.cloud.provider)
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
        .catch((e: unknown) => {
          if (cancelled) return;
          const status = e instanceof Error && e.name === 'RuntimeLoadError' ? (e as Error & { status: number }).status : undefined;
          setGen({ error: status !== undefined ? R.t('review.runtimeFailed', { status }) : R.t('review.loadFailed', { error: String(e) }) });
        });
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
        <h3 id="validation-heading">{t('review.validation')}</h3>
        {validation.ok ? (
          <p className="ok" data-testid="validation-ok">
            {t('review.valid')}
          </p>
        ) : (
          <>
            <p className="error" data-testid="validation-problems">
              {tp('review.problems', validation.problems.length)}
            </p>
            <ul className="problems">
              {validation.problems.map((p, i) => (
                <li key={i}>
                  <button type="button" className="link" onClick={() => goToProblem(p)}>
                    <code translate="no">{p.path || L.t('problem.wholePlan')}</code>
                  </button>
                  : <Inline text={L.problem(p.message)} />
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      {cost && <CostSection cost={cost} stale={!costIsCurrent} />}

      {graph && (
        <section aria-labelledby="review-graph-heading">
          <h3 id="review-graph-heading">{t('review.graph')}</h3>
          {graph}
        </section>
      )}

      <section aria-labelledby="repo-heading">
        <h3 id="repo-heading">{t('review.repo')}</h3>
        {!validation.ok && <p>{t('review.fixFirst')}</p>}
        {validation.ok && !files && !gen.error && <p aria-live="polite">{t('review.generating')}</p>}
        {gen.error && validation.ok && <p className="error">{t('review.failed', { error: gen.error })}</p>}
        {files && (
          <>
            <div className="row">
              <button type="button" className="btn btn--primary" onClick={() => download('opsta.plan.yaml', files['opsta.plan.yaml']!, 'application/yaml')}>
                {t('review.downloadPlan')}
              </button>
              <button type="button" className="btn" onClick={() => download(`${fileName}.zip`, zipFiles(files) as BlobPart, 'application/zip')}>
                {t('review.downloadZip')}
              </button>
            </div>
            <p className="hint">{tp('review.files', Object.keys(files).length)}</p>
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
  const L = useI18n();
  const R = useReviewText();
  const { t, tp } = R;
  const ownerName = (owner: string) => (owner === 'platform' ? t('cost.platform') : catalog.components[owner] ? L.componentName(owner) : owner);
  // Source titles and price descriptions are cited as the source wrote them (translate="no").
  const headers = { item: t('chart.item'), share: t('chart.share'), monthly: t('chart.monthly') };
  const title = (s: CostReport['sources'][number]) => <cite translate="no">{s.title}</cite>;
  return (
    <section aria-labelledby="cost-heading">
      <h3 id="cost-heading">{stale ? t('cost.headingStale') : t('cost.heading')}</h3>
      <p className="total" data-testid="cost-total">
        {rich(t('cost.total'), { total: <strong>{usd(cost.totalUsd)}</strong> })}
      </p>
      {cost.borrowed.length > 0 && (
        <p className="hint" data-testid="cost-borrowed">
          {tp('cost.borrowed', cost.borrowedLines, { region: cost.region, reference: cost.referenceRegion, items: cost.borrowed.map((b) => `${itemLabel(R, b.item, b.label)}${b.lines > 1 ? ` ×${b.lines}` : ''}`).join(L.t('list.separator')) })}
        </p>
      )}
      {cost.budget && (
        <p className={cost.budget.over ? 'error' : 'ok'} data-testid="budget">
          {cost.budget.over
            ? t('cost.overBudget', { budget: usd(cost.budget.monthlyUsd), over: usd(-cost.budget.remainingUsd) })
            : t('cost.withinBudget', { budget: usd(cost.budget.monthlyUsd), spare: usd(cost.budget.remainingUsd) })}
        </p>
      )}
      <div className="charts">
        <BarChart id="cost-by-component" headers={headers} caption={t('cost.byComponent')} rows={cost.byComponent.map((c) => ({ label: ownerName(c.owner), value: c.monthlyUsd }))} />
        <BarChart id="cost-by-kind" headers={headers} caption={t('cost.byKind')} rows={cost.byKind.map((k) => ({ label: kindLabel(R, k.kind), value: k.monthlyUsd }))} />
      </div>
      <p className="hint">{t('cost.sourcesIntro', { cloud: cost.cloud, region: cost.region })}</p>
      <ul className="hint" data-testid="price-sources">
        {cost.sources.map((s) => (
          <li key={s.id}>{rich(s.dated ? t('cost.sourceDated', { date: s.dated }) : t('cost.sourceUndated', { read: s.read }), { title: title(s) })}</li>
        ))}
      </ul>
      <details>
        <summary>{t('cost.lines')}</summary>
        <table className="lines">
          <thead>
            <tr>
              <th scope="col">{t('cost.col.owner')}</th>
              <th scope="col">{t('cost.col.what')}</th>
              <th scope="col" className="num">
                {t('cost.col.monthly')}
              </th>
              <th scope="col">{t('cost.col.source')}</th>
            </tr>
          </thead>
          <tbody>
            {cost.lines.map((l, i) => (
              <tr key={i}>
                <td>{ownerName(l.owner)}</td>
                <td>{R.costText(l.description)}</td>
                <td className="num">
                  {usd(l.monthlyUsd)}
                  {l.borrowedFrom ? <span className="badge">{t('cost.borrowedFrom', { region: l.borrowedFrom })}</span> : null}
                  {l.approximate ? <span className="badge">{t('cost.approximate')}</span> : null}
                </td>
                <td translate="no">{t('cost.lineSource', { price: l.price, source: l.source, date: l.date })}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <ul data-testid="price-source-details">
          {cost.sources.map((s) => (
            <li key={s.id}>
              {rich(s.dated ? t('cost.detailDated', { date: s.dated, read: s.read }) : t('cost.detailUndated', { read: s.read }), {
                source: s.url ? (
                  <a href={s.url} rel="noopener noreferrer">
                    {title(s)}
                  </a>
                ) : (
                  title(s)
                ),
                third: s.class === 'secondary' ? t('cost.thirdParty') : '',
              })}
            </li>
          ))}
        </ul>
        <ul>
          {cost.notes.map((n) => (
            <li key={n}>{R.costText(n)}</li>
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
  const { t } = useReviewText();
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
    <nav className="tree" aria-label={t('review.tree')} translate="no">
      {render(tree, '')}
    </nav>
  );
}

function FileView({ path, text }: { path: string; text: string }) {
  const lines = useMemo(() => highlight(text, langFor(path)), [path, text]);
  return (
    <div className="viewer" translate="no">
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
  const L = useI18n();
  const R = useReviewText();
  const { t, tp } = R;
  const [before, setBefore] = useState<{ name: string; files?: Files; problems?: Problem[] } | undefined>();
  const [sel, setSel] = useState('');
  const diff: RepoDiff | undefined = useMemo(() => (before?.files ? diffRepos(before.files, current) : undefined), [before, current]);
  const lineDiff = useMemo(() => (before?.files && sel ? hunks(diffLines(before.files[sel] ?? '', current[sel] ?? '')) : []), [before, current, sel]);
  return (
    <section aria-labelledby="compare-heading">
      <h3 id="compare-heading">{t('compare.heading')}</h3>
      <div className="field">
        <label htmlFor="compare-file">{t('compare.file')}</label>
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
            const m = await loadGenerator(v.plan.cloud.provider);
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
        <ul className="problems" aria-label={t('compare.problems', { name: before.name })}>
          {before.problems.map((p, i) => (
            <li key={i}>
              <code translate="no">{p.path || L.t('problem.wholePlan')}</code>: <Inline text={L.problem(p.message)} />
            </li>
          ))}
        </ul>
      )}
      {diff && (
        <div data-testid="compare-result">
          <p>
            {t('compare.summary', { name: before!.name, added: diff.added.length, removed: diff.removed.length, changed: diff.changed.length, unchanged: diff.unchanged })}
          </p>
          <ul className="diff-files">
            {diff.added.map((p) => (
              <li key={`a${p}`}>
                <span className="badge badge--add">{t('compare.added')}</span>{' '}
                <button type="button" className="link" onClick={() => setSel(p)} aria-pressed={sel === p}>
                  {p}
                </button>
              </li>
            ))}
            {diff.removed.map((p) => (
              <li key={`r${p}`}>
                <span className="badge badge--del">{t('compare.removed')}</span>{' '}
                <button type="button" className="link" onClick={() => setSel(p)} aria-pressed={sel === p}>
                  {p}
                </button>
              </li>
            ))}
            {diff.changed.map((p) => (
              <li key={`c${p}`}>
                <span className="badge">{t('compare.changed')}</span>{' '}
                <button type="button" className="link" onClick={() => setSel(p)} aria-pressed={sel === p}>
                  {p}
                </button>
              </li>
            ))}
          </ul>
          {sel && (
            <pre className="diff" tabIndex={0} aria-label={t('compare.lineChanges', { path: sel })} data-testid="line-diff" translate="no">
              <code>
                {lineDiff.map((o, i) =>
                  o.kind === 'gap' ? (
                    <span key={i} className="diff-gap">{`${tp('compare.gap', o.count)}\n`}</span>
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
