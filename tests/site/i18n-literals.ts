// Finds user-facing text written in the site's sources instead of the message catalog (not a
// test file; used by i18n.test.ts):
//  - .tsx: JSX text, string literals that end up as a JSX child (also through `?:`, `&&`, `||`,
//    `??` and a `.map` callback), and every string-valued JSX attribute, on elements and custom
//    components alike (`label="…"`), except the props that never hold text (NON_TEXT_PROPS);
//  - .astro: text nodes, the same attributes, the strings an `{expression}` renders, and prose
//    in the frontmatter (a literal of several words, not a key, path or CSS/CSP token);
//  - site/src/**/*.ts outside i18n/: the text of errors (`new …Error(…)`), which the pages show.
// Code samples (<code>, <pre>, <script>, <style>) are not text; the allow-lists name what may stay.
import { parse as parseAstro } from '@astrojs/compiler';
import ts from 'typescript';

/** Words that are the same in every language: product names and the language toggle's own names. */
export const ALLOWED_LITERALS = new Set(['Opsta']);
/**
 * Error texts that never reach a page, by file: a programming mistake (a call out of order), or a
 * detail the page replaces with the catalog's text for its kind.
 */
export const ALLOWED_ERRORS: Record<string, string[]> = {
  // Call-order invariants of the generator chunk: a bug, never a user's situation.
  'lib/generator.ts': ['generate() for', "before loadCloud('", "') finished", 'generateOptions() before loadRuntime() finished', 'generate() before loadRuntime() finished'],
  // A #plan= link that does not decode: the planner starts from a new plan and says nothing of it.
  'lib/hash.ts': ['not base64url'],
  // PublishFailure(kind, detail): StepPublish shows the catalog's text for the kind; the detail
  // (GitHub's own words, English) only behind "technical detail", and none for the token kinds.
  'lib/publish-run.ts': ['no token', 'the token contains whitespace', 'is not an API this page may call'],
};
/**
 * Props and attributes that hold identifiers, addresses, tokens or numbers, never words a user
 * reads. Anything else given a string is text and must come from the catalog.
 */
export const NON_TEXT_PROPS = new Set([
  'className', 'class', 'id', 'key', 'href', 'src', 'srcset', 'type', 'role', 'name', 'value', 'defaultValue', 'htmlFor', 'for', 'rel',
  'target', 'method', 'action', 'autoComplete', 'autocomplete', 'inputMode', 'inputmode', 'lang', 'hrefLang', 'hreflang', 'dir', 'translate',
  'tabIndex', 'tabindex', 'style', 'slot', 'form', 'accept', 'pattern', 'min', 'max', 'step', 'loading', 'decoding', 'crossorigin',
  'scope', 'path', 'charset', 'content', 'http-equiv', 'media', 'sizes', 'spellCheck', 'spellcheck', 'download', 'testId', 'step', 'as', 'is:raw', 'set:html',
  // SVG geometry and painting.
  'viewBox', 'd', 'x', 'y', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'width', 'height', 'fill', 'stroke', 'stroke-width',
  'points', 'transform', 'xmlns', 'marker-end', 'markerWidth', 'markerHeight', 'refX', 'refY', 'orient', 'preserveAspectRatio', 'focusable',
]);
/** Attributes by prefix: data-*, Astro's client:*, and the aria-* ones that hold ids or tokens (the text ones are listed apart). */
const NON_TEXT_PREFIX = /^(data-|client:|on[A-Z]|aria-(?!label$|description$|roledescription$|valuetext$|placeholder$))/;
const CODE_ELEMENTS = new Set(['code', 'pre', 'script', 'style']);
const hasLetters = (s: string) => /\p{L}/u.test(s);
const isTextProp = (name: string) => !NON_TEXT_PROPS.has(name) && !NON_TEXT_PREFIX.test(name);

export interface Literal {
  file: string;
  line: number;
  text: string;
}

function allowed(text: string): boolean {
  const t = text.trim();
  return !hasLetters(t) || ALLOWED_LITERALS.has(t);
}

/** String parts of an expression whose value is shown (through ?:, &&, ||, ??, parentheses and a .map callback). */
function strings(e: ts.Expression): ts.Node[] {
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return [e];
  if (ts.isTemplateExpression(e)) return [e.head, ...e.templateSpans.map((s) => s.literal)];
  if (ts.isParenthesizedExpression(e)) return strings(e.expression);
  if (ts.isConditionalExpression(e)) return [...strings(e.whenTrue), ...strings(e.whenFalse)];
  if (ts.isBinaryExpression(e) && [ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken].includes(e.operatorToken.kind)) {
    return e.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken ? strings(e.right) : [...strings(e.left), ...strings(e.right)];
  }
  if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && ['map', 'flatMap'].includes(e.expression.name.text)) {
    const cb = e.arguments[0];
    if (cb && (ts.isArrowFunction(cb) || ts.isFunctionExpression(cb)) && !ts.isBlock(cb.body)) return strings(cb.body as ts.Expression);
  }
  return [];
}
const textOf = (n: ts.Node) => (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) ? n.text : (n as ts.TemplateLiteralLikeNode).text);

export function tsxLiterals(file: string, source: string): Literal[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const out: Literal[] = [];
  const report = (node: ts.Node, text: string) => {
    if (!allowed(text)) out.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: text.trim() });
  };
  const inCode = (node: ts.Node): boolean => {
    for (let p: ts.Node | undefined = node.parent; p; p = p.parent) {
      if (ts.isJsxElement(p) && CODE_ELEMENTS.has(p.openingElement.tagName.getText(sf))) return true;
    }
    return false;
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && !inCode(node)) report(node, node.text);
    if (ts.isJsxExpression(node) && node.expression && !inCode(node) && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      for (const s of strings(node.expression)) report(s, textOf(s));
    }
    if (ts.isJsxAttribute(node) && isTextProp(node.name.getText(sf)) && node.initializer && !inCode(node.parent.parent)) {
      const init = node.initializer;
      if (ts.isStringLiteral(init)) report(init, init.text);
      else if (ts.isJsxExpression(init) && init.expression) for (const s of strings(init.expression)) report(s, textOf(s));
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** A string of several words: prose, not a key (`landing.start`), path, CSS class list or CSP/HTML token. */
const PROSE = /^(?=.*[a-z]{2})[A-Za-z][A-Za-z'’,]*(?: [A-Za-z0-9'’(),.:!?…-]+){2,}$/;
const isProse = (s: string) => PROSE.test(s.trim()) && !/[;{}<>=/\\`$@#]|--/.test(s);

/** Prose string literals of a module (frontmatter), leaving out imports and the catalog's own lookups. */
function proseLiterals(file: string, code: string, lineOffset: number): Literal[] {
  const sf = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const out: Literal[] = [];
  const visit = (n: ts.Node) => {
    if (ts.isImportDeclaration(n)) return;
    if ((ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) && isProse(n.text)) {
      out.push({ file, line: lineOffset + sf.getLineAndCharacterOfPosition(n.getStart()).line, text: n.text });
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out.filter((l) => !allowed(l.text));
}

/** The strings an Astro `{expression}` renders (its elements stand in as `null`). */
function expressionLiterals(file: string, code: string, line: number): Literal[] {
  const sf = ts.createSourceFile(file, `(${code})`, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const stmt = sf.statements[0];
  if (!stmt || !ts.isExpressionStatement(stmt)) return [];
  return strings(stmt.expression)
    .map((s) => ({ file, line, text: textOf(s).trim() }))
    .filter((l) => !allowed(l.text));
}

type AstroNode = { type: string; name?: string; value?: string; kind?: string; attributes?: AstroNode[]; children?: AstroNode[]; position?: { start: { line: number } } };

export async function astroLiterals(file: string, source: string): Promise<Literal[]> {
  const { ast } = await parseAstro(source, { position: true });
  const out: Literal[] = [];
  const walk = (node: AstroNode, parent: AstroNode | undefined, code: boolean) => {
    const isElement = node.type === 'element' || node.type === 'component' || node.type === 'custom-element';
    const nowCode = code || (isElement && CODE_ELEMENTS.has(node.name ?? ''));
    const line = node.position?.start.line ?? 0;
    if (node.type === 'frontmatter') out.push(...proseLiterals(file, node.value ?? '', 1));
    if (node.type === 'text' && parent && parent.type !== 'expression' && parent.type !== 'root' && !code && !allowed(node.value ?? '')) {
      out.push({ file, line, text: (node.value ?? '').trim() });
    }
    if (node.type === 'expression' && !code) {
      const js = (node.children ?? []).map((c) => (c.type === 'text' ? (c.value ?? '') : 'null')).join('');
      out.push(...expressionLiterals(file, js, line));
    }
    if (isElement && !nowCode) {
      for (const a of node.attributes ?? []) {
        if (!isTextProp(a.name ?? '')) continue;
        const at = a.position?.start.line ?? line;
        if (a.kind === 'quoted' && !allowed(a.value ?? '')) out.push({ file, line: at, text: `${a.name}="${a.value}"` });
        if (a.kind === 'expression') out.push(...expressionLiterals(file, a.value ?? '', at).map((l) => ({ ...l, text: `${a.name}={${l.text}}` })));
      }
    }
    for (const c of node.children ?? []) walk(c, node, nowCode);
  };
  walk(ast as AstroNode, undefined, false);
  return out;
}

/** The text of errors a module throws or builds (`new Error('…')`, `new PublishFailure(kind, '…')`). */
export function tsErrorLiterals(file: string, source: string): Literal[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const out: Literal[] = [];
  const visit = (n: ts.Node) => {
    if (ts.isNewExpression(n) && /Error$|Failure$/.test(n.expression.getText(sf))) {
      for (const a of n.arguments ?? []) {
        for (const s of strings(a)) {
          const text = textOf(s);
          // A kind or code (`'tokenMissing'`) is one word; text has a space.
          if (/\p{L}/u.test(text) && /\s/.test(text.trim()) && !allowed(text)) out.push({ file, line: sf.getLineAndCharacterOfPosition(s.getStart()).line + 1, text: text.trim() });
        }
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}
