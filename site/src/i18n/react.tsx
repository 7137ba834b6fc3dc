// The language of the planner island: a context set by the page's island entry (PlannerEn.tsx,
// PlannerKo.tsx). There is no default language, so the shared code carries neither catalog.
import { createContext, Fragment, useContext, useMemo, type ReactNode } from 'react';
import { catalog } from '../lib/catalog.ts';
import type { DataText, Messages } from './en.ts';
import { createLocale, type Locale, type LocaleCode } from './locale.ts';
import { splitTemplate, type Lang } from './t.ts';

const I18nContext = createContext<Locale | undefined>(undefined);

export function I18nProvider(props: { lang: Lang; messages: Messages; data: DataText; code?: LocaleCode; children: ReactNode }) {
  const locale = useMemo(() => createLocale(props.lang, props.messages, props.data, catalog, props.code), [props.lang, props.messages, props.data, props.code]);
  return <I18nContext.Provider value={locale}>{props.children}</I18nContext.Provider>;
}

export function useI18n(): Locale {
  const locale = useContext(I18nContext);
  if (!locale) throw new Error('useI18n: no I18nProvider around this component; render the island through i18n/PlannerEn.tsx or i18n/PlannerKo.tsx');
  return locale;
}

/** A message whose placeholders are filled with elements (a <strong> total, a <code> file name). */
export function rich(template: string, parts: Record<string, ReactNode>): ReactNode {
  return splitTemplate(template).map((p, i) => <Fragment key={i}>{'text' in p ? p.text : (parts[p.param] ?? `{${p.param}}`)}</Fragment>);
}

/** Text with `backtick` spans (commands in hints and messages) shown as code, never translated. */
export function Inline({ text }: { text: string }) {
  const parts = text.split(/(`[^`]+`)/);
  return (
    <>
      {parts.map((p, i) =>
        /^`[^`]+`$/.test(p) ? (
          <code key={i} translate="no">
            {p.slice(1, -1)}
          </code>
        ) : (
          <Fragment key={i}>{p}</Fragment>
        ),
      )}
    </>
  );
}
