// Types of bin/cli-bundle.mjs (plain JavaScript: it runs before anything is compiled).
export const CLI_BUNDLE: string;
export const CLI_STAMP: string;
export interface Stamp {
  version: number;
  files: Record<string, [size: number, mtimeMs: number, sha256: string]>;
  dirs: Record<string, string>;
}
export function treeDirs(root: string, tops: string[]): string[];
export function stampOf(root: string, files: string[], dirs: string[]): Stamp;
export function isFresh(root: string, stamp: unknown): boolean;
export function freshCliBundle(root: string): Promise<string>;
