// The planner's languages and the tiny message formatter shared by the Astro pages and the
// React island. No ICU: `{name}` placeholders are replaced by params, and plurals are two keys
// (`….one` / `….other`) chosen by `tp` (Korean has no plural forms: both keys hold the same text).
import type { Messages, MessageKey } from './en.ts';

export const LANGS = ['en', 'ko'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'en';
/** localStorage key of the user's explicit choice (the header toggle). */
export const LANG_KEY = 'opsta.lang';

export type Params = Record<string, string | number>;

/** Replace `{name}` with params.name; an unknown placeholder stays as written (visible, never a crash). */
export function format(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

/** A template split at its placeholders, for rich text (a placeholder filled with an element). */
export function splitTemplate(template: string): ({ text: string } | { param: string })[] {
  const out: ({ text: string } | { param: string })[] = [];
  let last = 0;
  for (const m of template.matchAll(/\{(\w+)\}/g)) {
    if (m.index > last) out.push({ text: template.slice(last, m.index) });
    out.push({ param: m[1]! });
    last = m.index + m[0].length;
  }
  if (last < template.length) out.push({ text: template.slice(last) });
  return out;
}

/** Keys of K that come in `.one` / `.other` pairs, named without the suffix. */
export type PluralOf<K extends string> = { [P in K]: P extends `${infer B}.one` ? (`${B}.other` extends K ? B : never) : never }[K];
export type PluralKey = PluralOf<MessageKey>;

/** Lookup in one catalog (the main one, or the Review step's). */
export interface TextOf<K extends string> {
  lang: Lang;
  t: (key: K, params?: Params) => string;
  /** Plural: `{count}` is set to n. */
  tp: (key: PluralOf<K>, n: number, params?: Params) => string;
  /** Whether the catalog has a key built from data (a resource kind, an item). */
  has: (key: string) => key is K;
}

export function textOf<K extends string>(lang: Lang, messages: { readonly [P in K]: string }): TextOf<K> {
  const t = (key: K, params?: Params) => format(messages[key], params);
  return {
    lang,
    t,
    tp: (key, n, params) => t(`${key}.${n === 1 ? 'one' : 'other'}` as K, { ...params, count: n }),
    has: (key): key is K => Object.hasOwn(messages, key),
  };
}

export interface Translator extends TextOf<MessageKey> {
  /** "a, b and c" in the language's own way. */
  list: (items: string[]) => string;
}

export function translator(lang: Lang, messages: Messages): Translator {
  const base = textOf<MessageKey>(lang, messages);
  const { t } = base;
  return {
    ...base,
    list: (items) => {
      if (items.length <= 1) return items.join('');
      return t('list.join', { head: items.slice(0, -1).join(t('list.separator')), last: items[items.length - 1]! });
    },
  };
}

export function isLang(v: unknown): v is Lang {
  return typeof v === 'string' && (LANGS as readonly string[]).includes(v);
}

/** The language of a site path: `/ko` and `/ko/...` are Korean, everything else English. */
export function langFromPath(pathname: string): Lang {
  return /^\/ko(\/|$)/.test(pathname) ? 'ko' : 'en';
}

/** The same page in another language: `/planner` ⇄ `/ko/planner`, `/` ⇄ `/ko/`. */
export function pathFor(pathname: string, lang: Lang): string {
  const bare = pathname.replace(/^\/ko(?=\/|$)/, '') || '/';
  if (lang === 'en') return bare;
  return bare === '/' ? '/ko/' : `/ko${bare}`;
}

/**
 * The language to show: the stored choice, else the first of the browser's languages we offer,
 * else English. Mirrored by the inline script in layouts/Base.astro (it must run before the
 * first paint, so it cannot import this); tests/site/i18n.test.ts keeps the two in step.
 */
export function pickLang(stored: string | null | undefined, languages: readonly string[]): Lang {
  if (isLang(stored)) return stored;
  for (const l of languages) {
    const primary = String(l).toLowerCase().split('-')[0];
    if (isLang(primary)) return primary;
  }
  return DEFAULT_LANG;
}
