// The planner island of /ko/planner: the same wizard with the Korean catalog. A separate entry
// so the Korean text is fetched only by the Korean page (PlannerEn.tsx is the English one).
//
// The Korean validation messages and the code that applies them (ko-problem-text.ts, about
// 9 KB gzip) are not needed to paint or use the first step, so they are not in this chunk: they
// load once the page is idle after hydrating (the idle callback after the one that starts the
// graph's code), or at once when a problem is shown before that. Until they are here a problem
// shows in English; when they arrive the island renders again with the Korean text.
import { useEffect, useMemo, useState } from 'react';
import Planner from '../components/Planner.tsx';
import type { ProblemData } from './en.ts';
import { localizeGraph } from './graph.ts';
import { ko, koPageData } from './ko.ts';
import type { LocaleCode, ProblemTranslator } from './locale.ts';
import { I18nProvider } from './react.tsx';

type ProblemText = { koProblemData: ProblemData; translateProblem: ProblemTranslator };
const NO_PROBLEM_DATA: ProblemData = { problems: {}, problemTexts: {}, problemPatterns: {}, problemWords: {} };

let loaded: ProblemText | undefined;
let loading: Promise<ProblemText> | undefined;
const listeners = new Set<(p: ProblemText) => void>();
function loadProblemText(): void {
  // Only the browser loads it: the server renders the first step, which shows no problem.
  if (loaded || loading || typeof window === 'undefined') return;
  loading = import('./ko-problem-text.ts').then(
    (m) => {
      loaded = m;
      for (const l of listeners) l(m);
      return m;
    },
    (e: unknown) => {
      loading = undefined; // the next problem shown tries again (e.g. the network came back)
      throw e;
    },
  );
  loading.catch(() => {});
}

const idle = (fn: () => void) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(fn, { timeout: 3000 }) : setTimeout(fn, 300));

/** Before the Korean text is here: the English message, and the request for the Korean. */
const untranslated: ProblemTranslator = (message) => {
  loadProblemText();
  return message;
};

export default function PlannerKo() {
  const [problemText, setProblemText] = useState(loaded);
  useEffect(() => {
    if (loaded) return setProblemText(loaded);
    listeners.add(setProblemText);
    // Planner's own effect (a child's, so it ran first) asked for an idle callback that starts
    // the graph's code; one idle period after that, the validation text follows.
    idle(() => idle(loadProblemText));
    return () => void listeners.delete(setProblemText);
  }, []);
  const data = useMemo(() => ({ ...koPageData, ...(problemText?.koProblemData ?? NO_PROBLEM_DATA) }), [problemText]);
  const code = useMemo<LocaleCode>(() => ({ localizeGraph, translateProblem: problemText?.translateProblem ?? untranslated }), [problemText]);
  return (
    <I18nProvider lang="ko" messages={ko} data={data} code={code}>
      <Planner />
    </I18nProvider>
  );
}
