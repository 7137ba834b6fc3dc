// The planner island of /ko/planner: the same wizard with the Korean catalog. A separate entry
// so the Korean text is fetched only by the Korean page (the English one is the default context).
import Planner from '../components/Planner.tsx';
import { localizeGraph } from './graph.ts';
import { ko, koData } from './ko.ts';
import { translateProblem } from './problem-text.ts';
import { I18nProvider } from './react.tsx';

const CODE = { translateProblem, localizeGraph };

export default function PlannerKo() {
  return (
    <I18nProvider lang="ko" messages={ko} data={koData} code={CODE}>
      <Planner />
    </I18nProvider>
  );
}
