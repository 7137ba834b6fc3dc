// A language's whole text: the message catalog plus the catalog data's own text (components,
// regions, account fields, validation messages, cost prose), with English data as the fallback.
// No catalog is imported here (english.ts has the English one), so each page's island ships only its own.
import { ACCOUNT_FIELDS, type AccountField } from '../../../schemas/plan.ts';
import type { Catalog } from '../../../schemas/blueprint.ts';
import type { DataText, MessageKey, Messages } from './en.ts';
import { format, translator, type Lang, type Translator } from './t.ts';

export interface Locale extends Translator {
  /** The component's name in this language (product names mostly stay as they are). */
  componentName: (key: string) => string;
  componentDescription: (key: string) => string;
  regionName: (id: string, english: string) => string;
  /** Label, format and where to find an account field, `where` with its command in backticks. */
  account: (field: string) => { label: string; format: string; where: string } | undefined;
  /** A validation message (from validatePlan or the form's resolver) in this language, else as written. */
  problem: (message: string, issueCode?: string) => string;
  /** The language's data text (the Review step reads its cost prose). */
  data: DataText;
  /** The Mermaid source of the dependency graph with its labels in this language. */
  graph: (code: string) => string;
}

/** The first backtick-quoted command of an English `where` (the one part every language keeps). */
const commandOf = (where: string) => /`([^`]+)`/.exec(where)?.[0] ?? '';

/** What translating a validation message needs (problem-text.ts). */
export interface ProblemContext {
  messages: Messages;
  data: DataText;
  catalog: Catalog;
  account: Locale['account'];
}
export type ProblemTranslator = (message: string, issueCode: string | undefined, ctx: ProblemContext) => string;

/**
 * `translateProblem`: how this language shows validation messages (problem-text.ts); English
 * has none (the schema's own text), so the English page does not load the problem codes.
 */
/** Both given by a language other than English (PlannerKo.tsx, page.ts), so English pages load neither. */
export interface LocaleCode {
  translateProblem?: ProblemTranslator;
  /** The dependency graph's labels in this language (graph.ts). */
  localizeGraph?: (code: string, L: Locale, isComponent: (id: string) => boolean) => string;
}

export function createLocale(lang: Lang, messages: Messages, data: DataText, catalog: Catalog, { translateProblem, localizeGraph }: LocaleCode = {}): Locale {
  const tr = translator(lang, messages);
  const account = (field: string) => {
    if (!Object.hasOwn(ACCOUNT_FIELDS, field)) return undefined;
    const src = ACCOUNT_FIELDS[field as AccountField];
    const own = data.accounts[field];
    if (!own) return { label: src.label, format: src.format, where: src.where };
    return { label: own.label, format: own.format, where: format(own.where, { command: commandOf(src.where) }) };
  };
  const locale: Locale = {
    ...tr,
    componentName: (key) => data.components[key]?.name ?? catalog.components[key]?.name ?? key,
    componentDescription: (key) => data.components[key]?.description ?? catalog.components[key]?.description ?? '',
    regionName: (id, english) => data.regions[id] ?? english,
    account,
    problem: (message, issueCode) => (translateProblem ? translateProblem(message, issueCode, { messages, data, catalog, account }) : message),
    data,
    graph: (code) => (localizeGraph ? localizeGraph(code, locale, (id) => Object.hasOwn(catalog.components, id)) : code),
  };
  return locale;
}
