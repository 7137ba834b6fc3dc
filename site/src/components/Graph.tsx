// The dependency graph, always shown on the Components and Review steps. This module is small
// and part of the planner's first chunk; mermaid itself (~200 KB gzip) is imported on demand:
// when the user is about to reach a step with the graph (preloadGraph) or when the graph mounts.
// The Mermaid source is always in the page as the text alternative, so screen readers, and
// browsers where the graph's script cannot load, still get the graph.
import { useDeferredValue, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useI18n } from '../i18n/react.tsx';

type Mermaid = (typeof import('mermaid'))['default'];

let mermaidModule: Promise<Mermaid> | undefined;
function loadMermaid(): Promise<Mermaid> {
  // A User Timing mark where the graph's code starts loading: the JS budget (tests/e2e/site.test.ts,
  // bench/site.ts) counts what the page fetched before it.
  if (!mermaidModule) performance.mark('opsta:graph-load');
  mermaidModule ??= import('mermaid').then(
    (m) => m.default,
    (e: unknown) => {
      mermaidModule = undefined; // a later attempt may succeed (e.g. the network came back)
      throw e;
    },
  );
  return mermaidModule;
}

let counter = 0;
let initialisedFor = '';

type Theme = 'dark' | 'default';
/** SVGs drawn or being drawn, by theme and source: a graph drawn ahead (preloadGraph) shows at once. */
const drawn = new Map<string, Promise<string>>();
const DRAWN_KEPT = 8;

function draw(mermaid: Mermaid, source: string, theme: Theme): Promise<string> {
  const key = `${theme}\n${source}`;
  let svg = drawn.get(key);
  if (svg) return svg;
  if (initialisedFor !== theme) {
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme });
    initialisedFor = theme;
  }
  svg = mermaid.render(`opsta-graph-${++counter}`, source).then((r) => r.svg);
  svg.catch(() => drawn.delete(key)); // a source mermaid refuses is tried again (and its error shown) when it mounts
  drawn.set(key, svg);
  if (drawn.size > DRAWN_KEPT) drawn.delete(drawn.keys().next().value!);
  return svg;
}

/**
 * Start fetching mermaid now (the user is heading to a step that shows the graph) and, given the
 * plan's graph, draw it ahead too, so the step shows it at once. Errors surface when the graph mounts.
 */
export function preloadGraph(code?: string): void {
  loadMermaid()
    .then((mermaid) => (code ? draw(mermaid, code, isDark() ? 'dark' : 'default') : undefined))
    .catch(() => {});
}

/** Dark or light, following the theme toggle (data-theme on <html>) and the system preference. */
function subscribeTheme(onChange: () => void): () => void {
  const mq = window.matchMedia('(prefers-color-scheme: dark)');
  const mo = new MutationObserver(onChange);
  mo.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  mq.addEventListener('change', onChange);
  return () => {
    mo.disconnect();
    mq.removeEventListener('change', onChange);
  };
}
function isDark(): boolean {
  const t = document.documentElement.dataset.theme;
  return t ? t === 'dark' : window.matchMedia('(prefers-color-scheme: dark)').matches;
}

/** `reason` undefined: the script could not be loaded (said in the user's language). */
type State = { kind: 'loading' } | { kind: 'drawn' } | { kind: 'failed'; reason?: string };

/**
 * `code` is the Mermaid source (empty while the plan cannot be graphed yet); `id` keeps the
 * caption ids unique when the graph appears on more than one step.
 */
export default function Graph({ code, id }: { code: string; id: string }) {
  const { t } = useI18n();
  const dark = useSyncExternalStore(subscribeTheme, isDark, () => false);
  // Toggling components re-renders the list at once; the graph follows when React has time.
  const source = useDeferredValue(code);
  const ref = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<State>({ kind: 'loading' });
  useEffect(() => {
    if (!source) return;
    let cancelled = false;
    loadMermaid()
      .then(
        async (mermaid) => {
          const svg = await draw(mermaid, source, dark ? 'dark' : 'default');
          if (cancelled || !ref.current) return;
          ref.current.innerHTML = svg; // mermaid's own sanitised output (securityLevel strict); labels come from the catalog and validated plan values
          ref.current.dataset.code = source;
          performance.mark('opsta:graph-drawn');
          setState({ kind: 'drawn' });
        },
        () => {
          if (!cancelled) setState({ kind: 'failed' });
        },
      )
      .catch((e: unknown) => !cancelled && setState({ kind: 'failed', reason: String((e as Error).message ?? e) }));
    return () => {
      cancelled = true;
    };
  }, [source, dark]);
  const failed = state.kind === 'failed';
  return (
    <figure className="graph" aria-labelledby={`${id}-caption`} data-testid="graph" data-state={state.kind}>
      <div ref={ref} className="graph-svg" data-testid="graph-svg" hidden={failed || !source} />
      {!source && <p className="hint">{t('graph.empty')}</p>}
      {source && state.kind === 'loading' && (
        <p className="hint graph-loading" aria-hidden="true">
          {t('graph.drawing')}
        </p>
      )}
      {failed && (
        <p className="notice" data-testid="graph-failed">
          {t('graph.failed', { reason: state.reason ?? t('graph.scriptFailed') })}
        </p>
      )}
      <figcaption id={`${id}-caption`}>
        {t('graph.caption')}
        {/* Open when the drawing failed, so the text alternative is what the user sees. */}
        <details open={failed || undefined} key={failed ? 'open' : 'closed'}>
          <summary>{t('graph.text')}</summary>
          <pre data-testid="graph-text" translate="no">
            {source}
          </pre>
        </details>
      </figcaption>
    </figure>
  );
}
