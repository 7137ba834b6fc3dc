// Validation messages in a language other than English: exact-text translations, else the
// problem's code (problem-codes.ts) filled into the language's template, else the first of the
// language's message shapes (`problemPatterns`) the message fits, else, for a message of several
// `; `-joined parts (unknown keys), each part the same way; else the English text.
// Given to createLocale by the Korean page only (the English page shows the schema's text).
// tests/site/i18n-problems.test.ts checks that every message the schemas can write gets here.
import type { DataText, MessageKey } from './en.ts';
import type { ProblemContext, ProblemTranslator } from './locale.ts';
import { problemCode } from './problem-codes.ts';
import { format } from './t.ts';

interface Shape {
  re: RegExp;
  names: string[];
  text: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const compiled = new WeakMap<DataText, Shape[]>();

/** The language's message shapes as anchored regular expressions, `{name}` matching any text. */
function shapesOf(data: DataText): Shape[] {
  let shapes = compiled.get(data);
  if (!shapes) {
    shapes = Object.entries(data.problemPatterns).map(([english, text]) => {
      const names: string[] = [];
      const re = english.split(/(\{\w+\})/).map((part) => {
        const m = /^\{(\w+)\}$/.exec(part);
        if (!m) return escape(part);
        names.push(m[1]!);
        return '(.+?)';
      });
      return { re: new RegExp(`^${re.join('')}$`, 's'), names, text };
    });
    compiled.set(data, shapes);
  }
  return shapes;
}

/** A value inside a message in this language: a known phrase, a component's name, a phrase shape; else as written. */
function value(v: string, ctx: ProblemContext, depth: number): string {
  const { data, catalog } = ctx;
  if (Object.hasOwn(data.problemWords, v)) return data.problemWords[v]!;
  const component = Object.values(catalog.components).find((c) => c.name === v);
  if (component) return data.components[component.key]?.name ?? v;
  return depth < 2 ? (byShape(v, ctx, depth + 1) ?? v) : v;
}

function byShape(message: string, ctx: ProblemContext, depth = 0): string | undefined {
  for (const shape of shapesOf(ctx.data)) {
    const m = shape.re.exec(message);
    if (!m) continue;
    const params = Object.fromEntries(shape.names.map((name, i) => [name, value(m[i + 1]!, ctx, depth)]));
    return format(shape.text, params);
  }
  return undefined;
}

function whole(message: string, issueCode: string | undefined, ctx: ProblemContext): string | undefined {
  const { messages, data, catalog, account } = ctx;
  if (Object.hasOwn(data.problemTexts, message)) return data.problemTexts[message]!;
  const coded = problemCode(issueCode, message);
  const template = coded && data.problems[coded.code];
  if (!coded || !template) return byShape(message, ctx);
  const params: Record<string, string | number> = { ...coded.params };
  if (coded.code.startsWith('account.')) {
    const a = account(String(coded.params?.field));
    if (!a) return undefined;
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
}

export const translateProblem: ProblemTranslator = (message, issueCode, ctx) => {
  const own = whole(message, issueCode, ctx);
  if (own !== undefined) return own;
  // schemas/validate.ts joins the unknown keys of one mapping with "; ".
  const parts = message.split('; ');
  if (parts.length > 1) {
    const each = parts.map((p) => whole(p, issueCode, ctx));
    if (each.every((p) => p !== undefined)) return each.join('; ');
  }
  return message;
};
