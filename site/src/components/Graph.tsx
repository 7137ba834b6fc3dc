// Loaded with React.lazy only when the graph is shown: this module pulls in mermaid.
import mermaid from 'mermaid';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';

let counter = 0;
let initialisedFor = '';

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

export default function Graph({ code }: { code: string }) {
  const dark = useSyncExternalStore(subscribeTheme, isDark);
  const ref = useRef<HTMLDivElement>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    let cancelled = false;
    const theme = dark ? 'dark' : 'default';
    if (initialisedFor !== theme) {
      mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme });
      initialisedFor = theme;
    }
    mermaid
      .render(`opsta-graph-${++counter}`, code)
      .then(({ svg }) => {
        if (!cancelled && ref.current) {
          ref.current.innerHTML = svg; // mermaid's own sanitised output (securityLevel strict); labels come from the catalog and validated plan values
          setError('');
        }
      })
      .catch((e: unknown) => !cancelled && setError(String((e as Error).message ?? e)));
    return () => {
      cancelled = true;
    };
  }, [code, dark]);
  return (
    <>
      <div ref={ref} className="graph-svg" data-testid="graph-svg" />
      {error && <p className="error">The graph could not be drawn: {error}</p>}
    </>
  );
}
