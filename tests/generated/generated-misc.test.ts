// Generated YAML, Mermaid, JSON, the manifest, determinism and the plan round trip.
// No Go wasm tools.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkMermaidFiles, mermaidBlocks } from '../support/mermaid.ts';
import { checkYamlFiles } from '../support/yaml.ts';
import { exampleNames, generatedExample, generateText, loadExample, show } from './examples.ts';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe.each(exampleNames())('generated repository for examples/%s.plan.yaml', (name) => {
  const files = () => generatedExample(name);

  it('parses every YAML file', () => {
    const yamlFiles = Object.keys(files()).filter((p) => /\.ya?ml$/.test(p));
    expect(yamlFiles.length).toBeGreaterThan(0);
    const findings = checkYamlFiles(files());
    expect(findings, show(findings)).toEqual([]);
  });

  it('has README Mermaid diagrams that parse', async () => {
    expect(mermaidBlocks(files()['README.md'] ?? '').length, 'README.md has a ```mermaid block').toBeGreaterThan(0);
    const findings = await checkMermaidFiles(files());
    expect(findings, show(findings)).toEqual([]);
  });

  it('has no backslash escapes that Markdown would render literally (only punctuation can be escaped)', () => {
    // Fenced blocks (also indented ones inside list items) are code: a backslash there is literal by design.
    const readme = files()['README.md']!.replace(/^( *)```[\s\S]*?^\1```$/gm, '');
    expect(readme.match(/.*\\[A-Za-z0-9\s].*/g) ?? [], 'README.md lines with a backslash before a letter, digit or space').toEqual([]);
  });

  it('writes JSON files (tfvars, pipeline, manifest, schema, renovate) that parse', () => {
    const json = Object.keys(files()).filter((p) => p.endsWith('.json'));
    expect(json.some((p) => p.endsWith('terraform.tfvars.json'))).toBe(true);
    for (const p of json) {
      let value: unknown;
      expect(() => (value = JSON.parse(files()[p]!)), p).not.toThrow();
      expect(value, p).toBeTypeOf('object');
      expect(files()[p]!.endsWith('\n'), `${p} ends with a newline`).toBe(true);
    }
  });

  it('records the sha256 of every other file in .opsta/manifest.json', () => {
    const manifest = JSON.parse(files()['.opsta/manifest.json']!) as { planSha256: string; files: Record<string, string> };
    const expected = Object.keys(files()).filter((p) => p !== '.opsta/manifest.json').sort();
    expect(Object.keys(manifest.files)).toEqual(expected);
    for (const p of expected) expect(manifest.files[p], p).toBe(sha256(files()[p]!));
    expect(manifest.planSha256).toBe(sha256(files()['opsta.plan.yaml']!));
  });

  it('is deterministic: generating twice gives byte-identical files', () => {
    const a = generateText(loadExample(name).text);
    const b = generateText(loadExample(name).text);
    expect(Object.keys(a)).toEqual(Object.keys(b));
    for (const p of Object.keys(a)) expect(b[p] === a[p], p).toBe(true);
    expect(a).toEqual(files());
  });

  it('round-trips: the generated opsta.plan.yaml generates the same repository', () => {
    const again = generateText(files()['opsta.plan.yaml']!);
    expect(Object.keys(again)).toEqual(Object.keys(files()));
    for (const p of Object.keys(again)) expect(again[p], p).toBe(files()[p]);
  });
});
