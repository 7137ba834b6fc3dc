import fc from 'fast-check';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { markdownLine, markdownText, mermaidLabel, yamlScalar } from '../../generator/src/encode.ts';
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

describe('markdownText', () => {
  it('leaves no raw HTML, mention or issue link', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const out = markdownText(s);
        expect(out).not.toMatch(/[<>\n\r]/);
        expect(out).not.toMatch(/@\w/);
        expect(out).not.toMatch(/#\d/);
        expect(out).not.toMatch(/(^|[^\\])[`|[\]*_]/);
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
