/**
 * Mermaid syntax validation in Node (no browser): `mermaid.parse` works without a DOM, except
 * that any diagram with a text label (`A[Start]`, `-- "x" -->`, subgraph titles, …) makes it
 * call `DOMPurify.addHook` / `DOMPurify.sanitize`. Without a `window`, dompurify's default
 * export is a stub that lacks those methods, so parsing fails with
 * "DOMPurify.addHook is not a function". We patch the (shared) dompurify singleton with
 * no-op hooks and an identity `sanitize`: parsing only needs the text, not safe HTML.
 * Never use the patched instance for real sanitising; it is only patched when dompurify is
 * unsupported anyway (no DOM), i.e. in Node.
 */
import DOMPurify from 'dompurify';
import type { ParseResult } from 'mermaid';

export type Files = Record<string, string>;

export interface Finding {
  file: string;
  message: string;
  line?: number;
}

function patchDomPurifyForNode(): void {
  const p = DOMPurify as unknown as Record<string, unknown>;
  if (typeof p.addHook === 'function' && typeof p.sanitize === 'function') return;
  p.addHook = () => undefined;
  p.removeHook = () => undefined;
  p.removeHooks = () => [];
  p.removeAllHooks = () => undefined;
  p.setConfig = () => undefined;
  p.clearConfig = () => undefined;
  p.sanitize = (dirty: unknown) => String(dirty);
}

type MermaidApi = { parse: (text: string) => Promise<ParseResult | false> };
let mermaidPromise: Promise<MermaidApi> | undefined;

async function loadMermaid(): Promise<MermaidApi> {
  patchDomPurifyForNode();
  mermaidPromise ??= import('mermaid').then((m) => m.default as unknown as MermaidApi);
  return mermaidPromise;
}

/**
 * Parses a Mermaid diagram. Resolves with the detected diagram type; throws mermaid's error
 * (e.g. "Parse error on line 3: ...", "No diagram type detected ...") when invalid.
 */
export async function parseMermaid(code: string): Promise<{ diagramType: string }> {
  const mermaid = await loadMermaid();
  const result = await mermaid.parse(code);
  if (result === false) throw new Error('mermaid.parse returned false');
  return { diagramType: result.diagramType };
}

export interface MermaidBlock {
  code: string;
  /** 1-based line of the block's first code line in its file. */
  line: number;
}

/** ```mermaid fenced blocks of a Markdown text. */
export function mermaidBlocks(markdown: string): MermaidBlock[] {
  const blocks: MermaidBlock[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*mermaid\s*$/.exec(lines[i]!);
    if (!open) continue;
    const fence = open[2]!;
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !lines[j]!.trim().startsWith(fence)) body.push(lines[j++]!);
    blocks.push({ code: body.join('\n'), line: i + 2 });
    i = j;
  }
  return blocks;
}

/** Parses every `.mmd` / `.mermaid` file and every ```mermaid block in `.md` files. */
export async function checkMermaidFiles(files: Files): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const path of Object.keys(files).sort()) {
    const text = files[path] ?? '';
    const blocks = /\.(mmd|mermaid)$/.test(path)
      ? [{ code: text, line: 1 }]
      : /\.(md|mdx)$/.test(path)
        ? mermaidBlocks(text)
        : [];
    for (const b of blocks) {
      try {
        await parseMermaid(b.code);
      } catch (e) {
        findings.push({ file: path, line: b.line, message: `Mermaid: ${e instanceof Error ? e.message : String(e)}` });
      }
    }
  }
  return findings;
}
