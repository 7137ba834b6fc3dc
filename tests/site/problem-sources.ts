// The validation messages the schemas can write, read from their source (not a test file; used by
// i18n-problems.test.ts): every string or template literal given as a `message` or `error`
// (properties, and a `message` variable), returned by a function named `…Message` or `describe`,
// pushed onto a message's `parts`, or the `what` of a helper that writes `must be ${what}`.
// A template's `${…}` becomes SLOT; a `${cond ? 'a' : 'b'}` or a nested template gives one
// shape per branch, so each wording is checked on its own.
import { readFileSync } from 'node:fs';
import ts from 'typescript';

/** Stands for an interpolated value in a message shape. */
export const SLOT = '\u0001';

export interface MessageSource {
  file: string;
  line: number;
  /** The message with SLOT for each value. */
  shape: string;
  /** The named function the message is written in, if any (a test may call it with real values instead). */
  fn?: string;
}

/** Helpers that write `must be ${what}`, by the index of their `what` argument (schemas/plan.ts). */
const MUST_BE_HELPERS: Record<string, number> = { pattern: 1, githubNameSchema: 2 };

/** Functions whose every returned literal is a whole message or a value quoted into one. */
const MESSAGE_FUNCTIONS = /^(\w+Message|describe|errorMap\w*)$/;

function isStringish(e: ts.Expression): boolean {
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e) || ts.isTemplateExpression(e)) return true;
  if (ts.isParenthesizedExpression(e)) return isStringish(e.expression);
  if (ts.isConditionalExpression(e)) return isStringish(e.whenTrue) || isStringish(e.whenFalse);
  if (ts.isBinaryExpression(e) && [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken].includes(e.operatorToken.kind)) return isStringish(e.left) || isStringish(e.right);
  return false;
}

/** Every wording an expression can produce, values as SLOT. */
export function shapes(e: ts.Expression): string[] {
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return [e.text];
  if (ts.isParenthesizedExpression(e)) return shapes(e.expression);
  if (ts.isTemplateExpression(e)) {
    let out = [e.head.text];
    for (const span of e.templateSpans) {
      const inner = isStringish(span.expression) ? shapes(span.expression) : [SLOT];
      out = out.flatMap((o) => inner.map((i) => o + i + span.literal.text));
    }
    return out;
  }
  if (ts.isConditionalExpression(e)) return [...shapes(e.whenTrue), ...shapes(e.whenFalse)];
  if (ts.isBinaryExpression(e) && [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken].includes(e.operatorToken.kind)) return [...shapes(e.left), ...shapes(e.right)];
  return [SLOT];
}

/** The expressions a function (or arrow) returns. */
function returned(fn: ts.SignatureDeclaration & { body?: ts.Node }): ts.Expression[] {
  if (!fn.body) return [];
  if (!ts.isBlock(fn.body)) return [fn.body as ts.Expression];
  const out: ts.Expression[] = [];
  const visit = (n: ts.Node) => {
    if (ts.isFunctionLike(n)) return; // a nested function's returns are its own
    if (ts.isReturnStatement(n) && n.expression) out.push(n.expression);
    ts.forEachChild(n, visit);
  };
  ts.forEachChild(fn.body, visit);
  return out;
}

export function messageSources(file: string, source = readFileSync(file, 'utf8')): MessageSource[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const out: MessageSource[] = [];
  const add = (e: ts.Expression, prefix = '') => {
    const line = sf.getLineAndCharacterOfPosition(e.getStart()).line + 1;
    // A bare value (no wording of its own) is not a message: a SLOT alone, or the empty string.
    const fn = enclosing(e);
    for (const s of shapes(e)) if (s.replaceAll(SLOT, '').trim() && /\p{L}/u.test(s)) out.push({ file, line, shape: prefix + s, ...(fn ? { fn } : {}) });
  };
  const enclosing = (n: ts.Node): string | undefined => {
    for (let p: ts.Node | undefined = n.parent; p; p = p.parent) if (ts.isFunctionDeclaration(p) && p.name) return p.name.text;
    return undefined;
  };
  const addValue = (init: ts.Expression) => {
    if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) for (const r of returned(init)) addValue(r);
    else if (isStringish(init)) add(init);
  };
  const visit = (n: ts.Node) => {
    if (ts.isPropertyAssignment(n) && ['message', 'error'].includes(n.name.getText(sf))) addValue(n.initializer);
    if (ts.isVariableDeclaration(n) && n.name.getText(sf) === 'message' && n.initializer) addValue(n.initializer);
    if ((ts.isFunctionDeclaration(n) || ts.isArrowFunction(n)) && MESSAGE_FUNCTIONS.test(ts.isFunctionDeclaration(n) ? (n.name?.text ?? '') : ts.isVariableDeclaration(n.parent) ? n.parent.name.getText(sf) : '')) {
      for (const r of returned(n)) addValue(r);
    }
    if (ts.isCallExpression(n)) {
      const callee = n.expression.getText(sf);
      if (callee === 'parts.push') for (const a of n.arguments) if (isStringish(a)) add(a);
      const what = Object.hasOwn(MUST_BE_HELPERS, callee) ? n.arguments[MUST_BE_HELPERS[callee]!] : undefined;
      if (what && isStringish(what)) add(what, 'must be ');
      // zod's second argument to a check (`.regex(re, 'text')`, `.min(1, 'text')`) is its message.
      if (ts.isPropertyAccessExpression(n.expression) && n.arguments.length === 2 && isStringish(n.arguments[1]!)) add(n.arguments[1]!);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}
