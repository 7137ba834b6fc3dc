// The planner island of /planner: the wizard with the English catalog. A separate entry, like
// PlannerKo.tsx, so the English text is fetched only by the English page.
import Planner from '../components/Planner.tsx';
import { en, enData } from './en.ts';
import { I18nProvider } from './react.tsx';

export default function PlannerEn() {
  return (
    <I18nProvider lang="en" messages={en} data={enData}>
      <Planner />
    </I18nProvider>
  );
}
