// Step 5, Publish: turns the valid plan into a pull request on GitHub (issue 8).
import type { Validation } from '../../../schemas/validate.ts';
import { useI18n } from '../i18n/react.tsx';

export default function StepPublish(_props: { validation: Validation }) {
  const { t } = useI18n();
  return (
    <>
      <p>{t('publish.intro')}</p>
      <p>{t('publish.until')}</p>
      <pre translate="no">npm run --silent opsta -- generate opsta.plan.yaml --out ./platform</pre>
      <button type="button" className="btn btn--primary" disabled aria-describedby="publish-later">
        {t('publish.button')}
      </button>
      <p id="publish-later" className="hint">
        {t('publish.later')}
      </p>
    </>
  );
}
