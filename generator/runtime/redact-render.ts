// Secret values out of a rendered platform (`helmfile template`) before the pull request's render
// diff is printed and posted. Every value under `data` and `stringData` of a Secret is replaced
// by a tag, wherever the Secret sits: a document of its own, an item of a `kind: List` (or a
// `SecretList`), or nested in another object's manifest. The tag is an HMAC with one random key
// per run: a value gets the same tag in the base and the pull-request render, so a change shows,
// and the tag cannot be reversed or guessed offline once the run is over. A document that is not
// valid YAML is replaced whole (by its tag): what cannot be read cannot be known to hold no Secret.
import { createHmac, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { parseFlags, required } from './args.ts';
import { UsageError } from './errors.ts';
import type { Io } from './io.ts';

export type Tagger = (value: string) => string;

/** A tagger with a fresh random key: one per run, shared by every file of that run. */
export function runTagger(key: Buffer = randomBytes(32)): Tagger {
  return (value) => `<redacted ${createHmac('sha256', key).update(value).digest('hex').slice(0, 12)}>`;
}

export interface RedactCounts {
  /** Secrets whose values were replaced. */
  secrets: number;
  /** Documents replaced whole because they are not valid YAML. */
  unreadable: number;
}

type Node = unknown;
const isMap = (n: Node): n is Record<string, unknown> => typeof n === 'object' && n !== null && !Array.isArray(n);
const text = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v) ?? String(v));

function redactSecret(secret: Record<string, unknown>, tag: Tagger): void {
  for (const field of ['data', 'stringData']) {
    if (!(field in secret)) continue;
    const v = secret[field];
    if (isMap(v)) for (const k of Object.keys(v)) v[k] = tag(text(v[k]));
    // Not a mapping (a string, a list, null): Kubernetes would refuse it, but hide it all the same.
    else if (v !== null && v !== undefined) secret[field] = tag(text(v));
  }
}

/** Walks the whole tree: a Secret is found at any depth, so no wrapper kind can hide one. */
function walk(n: Node, tag: Tagger, counts: RedactCounts, inSecretList = false): void {
  if (Array.isArray(n)) {
    for (const x of n) walk(x, tag, counts, inSecretList);
    return;
  }
  if (!isMap(n)) return;
  // Items of a SecretList are Secrets even when they leave out their kind.
  if (n.kind === 'Secret' || (inSecretList && (n.kind === undefined || n.kind === 'Secret'))) {
    redactSecret(n, tag);
    counts.secrets++;
  }
  for (const [k, v] of Object.entries(n)) walk(v, tag, counts, k === 'items' && n.kind === 'SecretList');
}

const SEPARATOR = /^(?=---(?:[ \t].*)?$)/m;
const LEADING_COMMENTS = /^(?:---[^\n]*\n)?(?:[ \t]*(?:#[^\n]*)?\n)*/;

function redactDocument(chunk: string, tag: Tagger, counts: RedactCounts): string {
  let doc: unknown;
  try {
    // CORE schema: no timestamps or binaries to reformat; duplicate keys throw (fail closed).
    doc = yaml.load(chunk, { schema: yaml.CORE_SCHEMA });
  } catch {
    counts.unreadable++;
    const head = /^---[^\n]*\n/.exec(chunk)?.[0] ?? '';
    return `${head}# opsta: not valid YAML, so replaced whole: ${tag(chunk)}\n`;
  }
  const before = counts.secrets;
  walk(doc, tag, counts);
  // No Secret in it: the document stays byte for byte as rendered.
  if (counts.secrets === before) return chunk;
  // The separator and the "# Source:" comment stay; the redacted document is written back.
  const lead = LEADING_COMMENTS.exec(chunk)?.[0] ?? '';
  return `${lead}${yaml.dump(doc, { schema: yaml.CORE_SCHEMA, lineWidth: -1, noRefs: true, sortKeys: false })}`;
}

/** The rendered manifests with every Secret value replaced by its tag. Pure but for the tagger. */
export function redactRender(rendered: string, tag: Tagger): { text: string; counts: RedactCounts } {
  const counts: RedactCounts = { secrets: 0, unreadable: 0 };
  if (rendered.trim() === '') return { text: rendered, counts };
  const out = rendered.split(SEPARATOR).map((chunk) => redactDocument(chunk, tag, counts));
  return { text: out.join(''), counts };
}

/** `redact-render --base <file> --head <file>`: both rewritten in place, with one key for the run. */
export async function redactRenderCommand(argv: readonly string[], io: Io): Promise<number> {
  const f = parseFlags(argv, ['base', 'head'], 'redact-render');
  const tag = runTagger();
  const report: string[] = [];
  for (const which of ['base', 'head'] as const) {
    const path = required(f, which, 'redact-render');
    let rendered: string;
    try {
      rendered = readFileSync(path, 'utf8');
    } catch (e) {
      throw new UsageError(`redact-render: cannot read --${which} ${path} (${(e as { code?: string }).code ?? 'error'}); pass the file helmfile template wrote`);
    }
    const { text: redacted, counts } = redactRender(rendered, tag);
    writeFileSync(path, redacted);
    report.push(`${which}: ${counts.secrets} Secret(s) redacted${counts.unreadable ? `, ${counts.unreadable} document(s) not valid YAML replaced whole` : ''}`);
  }
  io.stdout(`${report.join('; ')}\n`);
  return 0;
}
