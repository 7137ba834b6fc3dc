// redact-render: the Secret values of plan.yml's two platform renders (base branch and pull
// request) replaced by per-run tags before the diff is printed and posted. The pure core on
// crafted renders, and the subcommand from the committed bundle as the workflow runs it.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { redactRender, runTagger } from '../../generator/runtime/redact-render.ts';
import { runRuntime } from './support/bundle.ts';

const TAG = /<redacted [0-9a-f]{12}>/;
const tag = runTagger(Buffer.alloc(32, 7));
const redact = (text: string) => redactRender(text, tag);

const secretDoc = (password: string, cert: string) =>
  `---\n# Source: x/templates/secret.yaml\napiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  password: ${password}\n  tls.crt: |\n    ${cert}\n    line2\nstringData: {inline: ${password}-inline}\ntype: Opaque\n`;
const configMap = `---\n# Source: x/templates/cm.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  visible: "yes"   # kept as rendered, comment and all\n`;
const list = (value: string) =>
  `---\n# Source: y/templates/list.yaml\napiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata: {name: shown}\n    data: {plain: visible-value}\n  - apiVersion: v1\n    kind: Secret\n    metadata: {name: hidden}\n    stringData:\n      token: ${value}\n    data:\n      key: ${Buffer.from(value).toString('base64')}\n`;

describe('redactRender', () => {
  it('hides every data and stringData value of a Secret (block, multi-line and flow style), keeps its keys and other fields', () => {
    const { text, counts } = redact(secretDoc('SGFyYm9yMTIzNDU=', 'CERTA'));
    expect(text).not.toMatch(/SGFyYm9yMTIzNDU=|CERTA|line2|inline\b(?!:)/);
    expect(text).toMatch(new RegExp(`^ {2}password: ${TAG.source}$`, 'm'));
    expect(text).toMatch(new RegExp(`^ {2}tls\\.crt: ${TAG.source}$`, 'm'));
    expect(text).toMatch(new RegExp(`^stringData:\\n {2}inline: ${TAG.source}$`, 'm'));
    expect(text).toMatch(/^type: Opaque$/m);
    expect(text).toMatch(/^# Source: x\/templates\/secret\.yaml$/m);
    expect(counts).toEqual({ secrets: 1, unreadable: 0 });
  });

  it('finds a Secret inside a kind: List, and leaves the List\'s other items readable', () => {
    const { text, counts } = redact(list('hunter2-token'));
    expect(text).not.toContain('hunter2-token');
    expect(text).not.toContain(Buffer.from('hunter2-token').toString('base64'));
    expect(text).toMatch(new RegExp(`token: ${TAG.source}`));
    expect(text).toMatch(new RegExp(`key: ${TAG.source}`));
    expect(text).toContain('plain: visible-value');
    expect(counts.secrets).toBe(1);
  });

  it('finds Secrets at any depth: SecretList items without a kind, a manifest nested in another object', () => {
    const secretList = `apiVersion: v1\nkind: SecretList\nitems:\n  - metadata: {name: a}\n    data: {k: c2VjcmV0LWE=}\n`;
    const nested = `---\napiVersion: example.io/v1\nkind: Object\nspec:\n  forProvider:\n    manifest:\n      apiVersion: v1\n      kind: Secret\n      stringData: {db-password: nested-secret}\n`;
    const { text, counts } = redact(`${secretList}${nested}`);
    expect(text).not.toMatch(/c2VjcmV0LWE=|nested-secret/);
    expect(counts.secrets).toBe(2);
  });

  it('a data field that is not a mapping is hidden whole', () => {
    const { text } = redact('kind: Secret\napiVersion: v1\ndata: not-a-map-secret\nstringData: [listed-secret]\n');
    expect(text).not.toMatch(/not-a-map-secret|listed-secret/);
    expect(text).toMatch(new RegExp(`^data: '?${TAG.source}'?$`, 'm'));
  });

  it('documents without a Secret stay byte for byte as rendered', () => {
    const render = `${configMap}${list('x')}`;
    const { text } = redact(render);
    expect(text.startsWith(configMap)).toBe(true);
    expect(redact(configMap).text).toBe(configMap);
    expect(redact('').text).toBe('');
  });

  it('a document that is not valid YAML (or has a duplicate key) is replaced whole: fail closed', () => {
    const broken = `---\nkind: Secret\ndata:\n  password: [unclosed-secret\n`;
    const duplicate = `---\nkind: Secret\nstringData:\n  a: dup-secret-1\n  a: dup-secret-2\n`;
    const { text, counts } = redact(`${broken}${duplicate}${configMap}`);
    expect(text).not.toMatch(/unclosed-secret|dup-secret/);
    expect(counts.unreadable).toBe(2);
    expect(text).toContain('visible: "yes"');
    expect(text.match(/^# opsta: not valid YAML, so replaced whole: <redacted [0-9a-f]{12}>$/gm)).toHaveLength(2);
  });

  it('equal values get equal tags, so a change shows in the diff and an unchanged value does not', () => {
    const base = redact(`${secretDoc('b2xk', 'CERTA')}${list('same')}`).text;
    const head = redact(`${secretDoc('bmV3', 'CERTA')}${list('same')}`).text;
    const tagOf = (t: string, key: string) => new RegExp(`^\\s*${key.replace('.', '\\.')}: (<redacted [0-9a-f]+>)$`, 'm').exec(t)![1];
    expect(tagOf(base, 'tls.crt')).toBe(tagOf(head, 'tls.crt'));
    expect(tagOf(base, 'token')).toBe(tagOf(head, 'token'));
    expect(tagOf(base, 'password')).not.toBe(tagOf(head, 'password'));
  });
});

describe('redact-render (the bundle, as plan.yml runs it)', () => {
  const files = (base: string, head: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'opsta-redact-'));
    const paths = { base: join(dir, 'base.yaml'), head: join(dir, 'head.yaml') };
    writeFileSync(paths.base, base);
    writeFileSync(paths.head, head);
    return paths;
  };

  it('rewrites both files in place with one key for the run; another run has another key', () => {
    const p = files(`${secretDoc('c2FtZQ==', 'C')}${configMap}`, list('in-a-list'));
    const r = runRuntime(['redact-render', '--base', p.base, '--head', p.head]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('base: 1 Secret(s) redacted; head: 1 Secret(s) redacted\n');
    const [base, head] = [readFileSync(p.base, 'utf8'), readFileSync(p.head, 'utf8')];
    expect(`${base}${head}`).not.toMatch(/c2FtZQ==|in-a-list/);
    expect(base).toContain(configMap);
    const first = /password: (<redacted [0-9a-f]+>)/.exec(base)![1];
    const again = files(secretDoc('c2FtZQ==', 'C'), '');
    runRuntime(['redact-render', '--base', again.base, '--head', again.head]);
    expect(/password: (<redacted [0-9a-f]+>)/.exec(readFileSync(again.base, 'utf8'))![1]).not.toBe(first);
  });

  it('an empty base render (no platform on the base branch yet) stays empty', () => {
    const p = files('', secretDoc('eA==', 'C'));
    expect(runRuntime(['redact-render', '--base', p.base, '--head', p.head]).code).toBe(0);
    expect(readFileSync(p.base, 'utf8')).toBe('');
  });

  it('a missing file or flag is exit 2 naming it; nothing is written', () => {
    const p = files(secretDoc('eA==', 'C'), '');
    const missing = runRuntime(['redact-render', '--base', p.base, '--head', '/nonexistent/head.yaml']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read --head /nonexistent/head.yaml (ENOENT)');
    expect(runRuntime(['redact-render', '--base', p.base]).stderr).toContain('--head is required');
  });
});
