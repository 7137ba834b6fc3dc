// The plan draft travels in the URL hash: JSON → raw deflate (fflate) → base64url.
// `#plan=<data>`; anything else in the hash is ignored.
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';

const PREFIX = 'plan=';

export function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** `#plan=...` for a JSON-serialisable draft. */
export function encodePlanHash(draft: unknown): string {
  return `#${PREFIX}${toBase64Url(deflateSync(strToU8(JSON.stringify(draft)), { level: 9 }))}`;
}

/** The draft in a location hash, or undefined when there is none or it is damaged. */
export function decodePlanHash(hash: string): unknown {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!h.startsWith(PREFIX)) return undefined;
  try {
    return JSON.parse(strFromU8(inflateSync(fromBase64Url(h.slice(PREFIX.length)))));
  } catch {
    return undefined;
  }
}
