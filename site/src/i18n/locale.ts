// A language's whole text: the message catalog plus the catalog data's own text (components,
// regions, account fields, validation messages, cost prose), with English data as the fallback.
import { ACCOUNT_FIELDS, type AccountField } from '../../../schemas/plan.ts';
import type { Catalog } from '../../../schemas/blueprint.ts';
import { localizeCostText } from './cost-text.ts';
import { en, enData, type DataText, type MessageKey, type Messages } from './en.ts';
import { problemCode } from './problem-codes.ts';
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
  /** A cost line description or note (generator/src/cost.ts) in this language, else as written. */
  costText: (text: string) => string;
  /** The key's text if the catalog has it (for keys built from data, e.g. a resource kind). */
  has: (key: string) => key is MessageKey;
}

/** The first backtick-quoted command of an English `where` (the one part every language keeps). */
const commandOf = (where: string) => /`([^`]+)`/.exec(where)?.[0] ?? '';

export function createLocale(lang: Lang, messages: Messages, data: DataText, catalog: Catalog): Locale {
  const tr = translator(lang, messages);
  const account = (field: string) => {
    if (!Object.hasOwn(ACCOUNT_FIELDS, field)) return undefined;
    const src = ACCOUNT_FIELDS[field as AccountField];
    const own = data.accounts[field];
    if (!own) return { label: src.label, format: src.format, where: src.where };
    return { label: own.label, format: own.format, where: format(own.where, { command: commandOf(src.where) }) };
  };
  return {
    ...tr,
    componentName: (key) => data.components[key]?.name ?? catalog.components[key]?.name ?? key,
    componentDescription: (key) => data.components[key]?.description ?? catalog.components[key]?.description ?? '',
    regionName: (id, english) => data.regions[id] ?? english,
    account,
    problem: (message, issueCode) => {
      if (Object.hasOwn(data.problemTexts, message)) return data.problemTexts[message]!;
      const coded = problemCode(issueCode, message);
      const template = coded && data.problems[coded.code];
      if (!coded || !template) return message;
      const params: Record<string, string | number> = { ...coded.params };
      if (coded.code.startsWith('account.')) {
        const a = account(String(coded.params?.field));
        if (!a) return message;
        Object.assign(params, { format: a.format, where: a.where, label: a.label });
      }
      if (coded.code === 'dependency') {
        // The names as this language writes them (the message has the English ones).
        const key = String(coded.params?.key);
        const owner = Object.values(catalog.components).find((c) => c.name === coded.params?.component);
        params.dependency = data.components[key]?.name ?? params.dependency!;
        if (owner) params.component = data.components[owner.key]?.name ?? params.component!;
      }
      if (coded.code === 'capacity' && typeof params.profile === 'string' && Object.hasOwn(messages, `profile.${params.profile}`)) {
        params.profile = messages[`profile.${params.profile}` as MessageKey];
      }
      return format(template, params);
    },
    costText: (text) => localizeCostText(text, data.cost),
    has: (key): key is MessageKey => Object.hasOwn(messages, key),
  };
}

export const englishLocale = (catalog: Catalog) => createLocale('en', en, enData, catalog);
