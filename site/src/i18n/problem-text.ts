// Validation messages in a language other than English: exact-text translations, else the
// problem's code (problem-codes.ts) filled into the language's template, else the English text.
// Given to createLocale by the Korean page only (the English page shows the schema's text).
import type { MessageKey } from './en.ts';
import type { ProblemTranslator } from './locale.ts';
import { problemCode } from './problem-codes.ts';
import { format } from './t.ts';

export const translateProblem: ProblemTranslator = (message, issueCode, { messages, data, catalog, account }) => {
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
};
