// The language of the planner island: a context set by the page (PlannerKo.tsx for /ko/),
// English when no provider is around (component tests, the English pages).
import { createContext, Fragment, useContext, useMemo, type ReactNode } from 'react';
import { catalog } from '../lib/catalog.ts';
import type { DataText, Messages } from './en.ts';
import { createLocale, englishLocale, type Locale, type LocaleCode } from './locale.ts';
import { splitTemplate, type Lang } from './t.ts';

const English = englishLocale(catalog);
const I18nContext = createContext<Locale>(English);

export function I18nProvider(props: { lang: Lang; messages: Messages; data: DataText; code?: LocaleCode; children: ReactNode }) {
  const locale = useMemo(() => createLocale(props.lang, props.messages, props.data, catalog, props.code), [props.lang, props.messages, props.data, props.code]);
  return <I18nContext.Provider value={locale}>{props.children}</I18nContext.Provider>;
}

export function useI18n(): Locale {
  return useContext(I18nContext);
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
