// Finds user-facing text written in the site's sources instead of the message catalog (not a
// test file; used by i18n.test.ts): JSX text, string literals that are a JSX child (also inside
// `cond ? '…' : '…'`), and the user-facing attributes aria-label, title, placeholder and alt,
// in .tsx; text nodes and those attributes in .astro. Code samples (<code>, <pre>, <script>,
// <style>) are not text; the allow-list names what may stay as written.
import { parse as parseAstro } from '@astrojs/compiler';
import ts from 'typescript';

/** Words that are the same in every language: product names and the language toggle's own names. */
export const ALLOWED_LITERALS = new Set(['Opsta']);
const TEXT_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt']);
const CODE_ELEMENTS = new Set(['code', 'pre', 'script', 'style']);
const hasLetters = (s: string) => /\p{L}/u.test(s);

export interface Literal {
  file: string;
  line: number;
  text: string;
}

function allowed(text: string): boolean {
  const t = text.trim();
  return !hasLetters(t) || ALLOWED_LITERALS.has(t);
}

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
  /** String parts of an expression that ends up as JSX content (through ?:, &&, || and parentheses). */
  const strings = (e: ts.Expression): ts.Node[] => {
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return [e];
    if (ts.isTemplateExpression(e)) return [e.head, ...e.templateSpans.map((s) => s.literal)];
    if (ts.isParenthesizedExpression(e)) return strings(e.expression);
    if (ts.isConditionalExpression(e)) return [...strings(e.whenTrue), ...strings(e.whenFalse)];
    if (ts.isBinaryExpression(e) && [ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken].includes(e.operatorToken.kind)) return strings(e.right);
    return [];
  };
  const textOf = (n: ts.Node) => (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) ? n.text : (n as ts.TemplateLiteralLikeNode).text);
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && !inCode(node)) report(node, node.text);
    if (ts.isJsxExpression(node) && node.expression && !inCode(node) && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      for (const s of strings(node.expression)) report(s, textOf(s));
    }
    if (ts.isJsxAttribute(node) && TEXT_ATTRIBUTES.has(node.name.getText(sf)) && node.initializer) {
      const init = node.initializer;
      if (ts.isStringLiteral(init)) report(init, init.text);
      else if (ts.isJsxExpression(init) && init.expression) for (const s of strings(init.expression)) report(s, textOf(s));
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

type AstroNode = { type: string; name?: string; value?: string; kind?: string; attributes?: AstroNode[]; children?: AstroNode[]; position?: { start: { line: number } } };

export async function astroLiterals(file: string, source: string): Promise<Literal[]> {
  const { ast } = await parseAstro(source, { position: true });
  const out: Literal[] = [];
  const walk = (node: AstroNode, parent: AstroNode | undefined, code: boolean) => {
    const isElement = node.type === 'element' || node.type === 'component';
    const nowCode = code || (isElement && CODE_ELEMENTS.has(node.name ?? ''));
    if (node.type === 'text' && parent && parent.type !== 'expression' && parent.type !== 'root' && !code && !allowed(node.value ?? '')) {
      out.push({ file, line: node.position?.start.line ?? 0, text: (node.value ?? '').trim() });
    }
    if (isElement) {
      for (const a of node.attributes ?? []) {
        if (TEXT_ATTRIBUTES.has(a.name ?? '') && a.kind === 'quoted' && !allowed(a.value ?? '')) out.push({ file, line: a.position?.start.line ?? node.position?.start.line ?? 0, text: `${a.name}="${a.value}"` });
      }
    }
    for (const c of node.children ?? []) walk(c, node, nowCode);
  };
  walk(ast as AstroNode, undefined, false);
  return out;
}
