// Flag parsing for `node .opsta/opsta.mjs <subcommand> --flag value`. Strict: an unknown flag or
// a missing value is a usage error naming the flag, so a typo in a workflow fails loudly.
import { UsageError } from './errors.ts';

export type Flags = Record<string, string>;

export function parseFlags(argv: readonly string[], allowed: readonly string[], command: string): Flags {
  const out: Flags = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) throw new UsageError(`${command}: unexpected argument ${JSON.stringify(a)}; flags are --name value`);
    const eq = a.indexOf('=');
    const name = eq === -1 ? a.slice(2) : a.slice(2, eq);
    if (!allowed.includes(name)) throw new UsageError(`${command}: unknown flag --${name}; allowed: ${allowed.map((f) => `--${f}`).join(', ')}`);
    let value: string | undefined;
    if (eq !== -1) value = a.slice(eq + 1);
    else {
      value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`${command}: --${name} needs a value`);
      i++;
    }
    if (Object.hasOwn(out, name)) throw new UsageError(`${command}: --${name} given twice`);
    out[name] = value;
  }
  return out;
}

export function required(flags: Flags, name: string, command: string): string {
  const v = flags[name];
  if (v === undefined || v === '') throw new UsageError(`${command}: --${name} is required`);
  return v;
}

export function integerFlag(flags: Flags, name: string, command: string): number {
  const v = required(flags, name, command);
  if (!/^-?\d+$/.test(v)) throw new UsageError(`${command}: --${name} must be an integer, got ${JSON.stringify(v)}`);
  return Number(v);
}

export function oneOf<T extends string>(value: string, allowed: readonly T[], what: string): T {
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`${what} must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
  return value as T;
}
