import fc from 'fast-check';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { markdownLine, markdownText, mermaidLabel, yamlScalar } from '../../generator/src/encode.ts';
import { mdCode, mdText } from '../../generator/runtime/markdown.ts';
import { parseMermaid } from '../support/mermaid.ts';

const HOSTILE = ['on', 'no', 'yes', '~', 'null', '0755', '1e3', '.inf', '- x', ': y', '# z', '&a', '*a', '!tag', '|', '>', '"', "'", '\\', 'a\nb: c', '\u2028', '\u2029', '\u0085', '${x}', '${{ secrets.X }}', '{{ x }}', '%{ if }', '\u0000', '\t'];

describe('yamlScalar', () => {
  it('round-trips arbitrary strings, including YAML 1.1 specials and line separators', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom(...HOSTILE)), (s) => {
        const doc = `key: ${yamlScalar(s)}\nother: 1\n`;
        expect(yaml.load(doc, { schema: yaml.CORE_SCHEMA })).toEqual({ key: s, other: 1 });
        expect(yaml.load(doc)).toEqual({ key: s, other: 1 });
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips numbers, booleans and nested values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(yaml.load(`v: ${yamlScalar(v)}\n`)).toEqual({ v });
      }),
      { numRuns: 500 },
    );
  });
});

/** Any text, and the kinds that try to escape Markdown: markup, mentions, references, line breaks, terminal and bidi controls. */
const texts = fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom(...HOSTILE, '# heading', '- item', '1. item', '@admin', '@org/team', 'see #12', '<img src=x>', '[a](http://x)', '\r\n', '\u001b[31m', 'abc\u202edcba', '\u2067x\u2069'));

describe('markdownText', () => {
  it('leaves no raw HTML, mention or issue link', () => {
    fc.assert(
      fc.property(texts, (s) => {
        const out = markdownText(s);
        expect(out).not.toMatch(/[<>\n\r\u2028\u2029\u202e]/);
        expect(out).not.toMatch(/@(?!\u200d)/);
        expect(out).not.toMatch(/#\d/);
        expect(out).not.toMatch(/(^|[^\\])[`|[\]*_]/);
      }),
      { numRuns: 1000 },
    );
  });
});

// The executor runtime's comments, issues and job summaries escape with the same rules, line-safe.
describe('runtime mdText and mdCode', () => {

  it('mdText: no raw HTML, line break, control character, mention, issue link, markup or leading marker', () => {
    fc.assert(
      fc.property(texts, (s) => {
        const out = mdText(s);
        expect(out).not.toMatch(/[<>\u0000-\u001f\u007f\u0085\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
        expect(out).not.toMatch(/@(?!\u200d)/);
        expect(out).not.toMatch(/#\d/);
        expect(out).not.toMatch(/(^|[^\\])[`|[\]*_~]/);
        expect(out).not.toMatch(/^\s*(#|[-+=]\s|\d+[.)]\s)/);
      }),
      { numRuns: 1000 },
    );
  });

  it('mdText: control characters and line separators become spaces, words stay apart', () => {
    expect(mdText('build\u0007failed\r\nagain\u2028at stage\t10')).toBe('build failed  again at stage 10');
    expect(mdText('invoice_\u202eexe.pdf')).toBe('invoice\\_exe.pdf');
    expect(mdText('(see {docs})')).toBe('(see {docs})');
    expect(mdText('# not a heading, @ ops')).toBe('\\# not a heading, @\u200d ops');
  });

  it('mdCode: one line, and no backtick run inside can close it', () => {
    fc.assert(
      fc.property(texts, (s) => {
        const out = mdCode(s);
        expect(out).not.toMatch(/[\u0000-\u001f\u007f\u0085\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
        const fence = /^`+/.exec(out)![0];
        const inner = out.slice(fence.length, out.length - fence.length);
        expect(out.endsWith(fence)).toBe(true);
        expect((inner.match(/`+/g) ?? []).every((run) => run.length < fence.length)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('markdownLine', () => {
  it('never starts a heading, list, quote or setext underline', () => {
    for (const s of ['# title', '## x', '- item', '+ item', '= x', '1. item', '12) item', '> quote', '  - indented']) {
      expect(markdownLine(s), s).not.toMatch(/^\s*(#|[-+=]\s|\d+[.)]\s|>)/);
    }
    expect(markdownLine('1.21.1 is the version')).toBe('1\\.21.1 is the version');
    expect(markdownText('1.21.1')).toBe('1.21.1');
  });
});

describe('mermaidLabel', () => {
  it('keeps a graph parseable whatever the label', async () => {
    for (const s of [...HOSTILE, 'a"] --> evil["b', 'end', 'click a call alert()', '<img src=x onerror=alert(1)>']) {
      await expect(parseMermaid(`flowchart LR\n  a[${mermaidLabel(s)}] --> b\n`)).resolves.toBeDefined();
    }
  });
});
