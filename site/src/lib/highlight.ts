// Light syntax highlighting for the file viewer: comments, strings, keywords, numbers and
// keys for HCL, YAML, JSON and Markdown. Returns tokens; the viewer renders them as text
// nodes (never as HTML), so file contents cannot inject markup.

export type TokenKind = 'com' | 'str' | 'kw' | 'num' | 'key' | 'punct' | 'head' | 'txt';
export interface Token {
  k: TokenKind;
  v: string;
}
export type Lang = 'hcl' | 'yaml' | 'json' | 'md' | 'text';

export function langFor(path: string): Lang {
  if (/\.(tf|hcl)$/.test(path)) return 'hcl';
  if (/\.ya?ml$/.test(path) || /(^|\/)CODEOWNERS$/.test(path)) return path.endsWith('CODEOWNERS') ? 'text' : 'yaml';
  if (/\.json$/.test(path)) return 'json';
  if (/\.md$/.test(path)) return 'md';
  return 'text';
}

const HCL_KW = /^(resource|data|module|variable|output|locals|provider|terraform|backend|required_providers|for_each|count|depends_on|dynamic|content|lifecycle|true|false|null|for|in|if|else|endif|endfor)\b/;
const YAML_KW = /^(true|false|null|yes|no|on|off)\b/;
const JSON_KW = /^(true|false|null)\b/;

type Rule = [RegExp, TokenKind];

const RULES: Record<Exclude<Lang, 'md' | 'text'>, Rule[]> = {
  hcl: [
    [/^(#|\/\/).*/, 'com'],
    [/^\/\*.*?(\*\/|$)/, 'com'],
    [/^"(?:[^"\\]|\\.)*"?/, 'str'],
    [/^<<-?[A-Z]+/, 'str'],
    [HCL_KW, 'kw'],
    [/^[A-Za-z_][\w-]*(?=\s*=(?!=))/, 'key'],
    [/^-?\d+(\.\d+)?\b/, 'num'],
    [/^[{}[\]()=,.:?]/, 'punct'],
    [/^[A-Za-z_][\w-]*/, 'txt'],
    [/^\s+/, 'txt'],
  ],
  yaml: [
    [/^#.*/, 'com'],
    [/^"(?:[^"\\]|\\.)*"?/, 'str'],
    [/^'(?:[^']|'')*'?/, 'str'],
    [/^[^\s:#"'{}[\],][^:#]*?(?=:(\s|$))/, 'key'],
    [YAML_KW, 'kw'],
    [/^-?\d+(\.\d+)?(?=\s|$|,|\]|\})/, 'num'],
    [/^[-:{}[\],|>]/, 'punct'],
    [/^\s+/, 'txt'],
    [/^[^\s#]+/, 'txt'],
  ],
  json: [
    [/^"(?:[^"\\]|\\.)*"(?=\s*:)/, 'key'],
    [/^"(?:[^"\\]|\\.)*"?/, 'str'],
    [JSON_KW, 'kw'],
    [/^-?\d+(\.\d+)?([eE][+-]?\d+)?/, 'num'],
    [/^[{}[\],:]/, 'punct'],
    [/^\s+/, 'txt'],
    [/^[^\s"{}[\],:]+/, 'txt'],
  ],
};

function push(out: Token[], k: TokenKind, v: string) {
  const last = out[out.length - 1];
  if (last && last.k === k) last.v += v;
  else out.push({ k, v });
}

export function highlightLine(line: string, lang: Lang): Token[] {
  if (lang === 'text') return line ? [{ k: 'txt', v: line }] : [];
  if (lang === 'md') {
    if (/^#{1,6}\s/.test(line)) return [{ k: 'head', v: line }];
    const out: Token[] = [];
    const re = /(`[^`]*`)|(\[[^\]]*\]\([^)]*\))/g;
    let last = 0;
    for (let m = re.exec(line); m; m = re.exec(line)) {
      if (m.index > last) push(out, 'txt', line.slice(last, m.index));
      push(out, m[1] ? 'str' : 'kw', m[0]);
      last = m.index + m[0].length;
    }
    if (last < line.length) push(out, 'txt', line.slice(last));
    return out;
  }
  const rules = RULES[lang];
  const out: Token[] = [];
  let rest = line;
  while (rest.length > 0) {
    let matched = false;
    for (const [re, k] of rules) {
      const m = re.exec(rest);
      if (m && m[0].length > 0) {
        push(out, k, m[0]);
        rest = rest.slice(m[0].length);
        matched = true;
        break;
      }
    }
    if (!matched) {
      push(out, 'txt', rest[0]!);
      rest = rest.slice(1);
    }
  }
  return out;
}

export function highlight(text: string, lang: Lang): Token[][] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => highlightLine(l, lang));
}
