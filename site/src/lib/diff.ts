// Repository and line diffs for "compare with an earlier plan". Myers' O(ND) algorithm.

export type DiffOp = { kind: 'same' | 'add' | 'del'; text: string; a?: number; b?: number };

export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Shortest edit script turning `a` into `b`, as a list of kept, added and deleted lines (1-based numbers). */
export function diffLines(aText: string, bText: string): DiffOp[] {
  const a = splitLines(aText);
  const b = splitLines(bText);
  const n = a.length;
  const m = b.length;
  const max = n + m;
  // Memory is O((n+m)·D): past this size show the file as replaced rather than stall the page.
  if (max > 12_000) return [...a.map((text, i): DiffOp => ({ kind: 'del', text, a: i + 1 })), ...b.map((text, i): DiffOp => ({ kind: 'add', text, b: i + 1 }))];
  const offset = max;
  let v = new Int32Array(2 * max + 2);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    const next = v.slice();
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      next[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
    v = next;
  }
  trace.push(v.slice());
  // Walk back through the snapshots (trace[d] is V before step d; trace[d+1] after).
  const ops: DiffOp[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 2; d >= 0; d--) {
    const vPrev = trace[d]!;
    const k = x - y;
    let prevK: number;
    if (d === 0) prevK = 0;
    else prevK = k === -d || (k !== d && vPrev[offset + k - 1]! < vPrev[offset + k + 1]!) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : vPrev[offset + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      ops.push({ kind: 'same', text: a[x]!, a: x + 1, b: y + 1 });
    }
    if (d > 0) {
      if (x === prevX) {
        y--;
        ops.push({ kind: 'add', text: b[y]!, b: y + 1 });
      } else {
        x--;
        ops.push({ kind: 'del', text: a[x]!, a: x + 1 });
      }
    }
  }
  return ops.reverse();
}

/** Apply a diff to its left side (used by tests to check the script is correct). */
export function applyDiff(ops: DiffOp[]): { a: string[]; b: string[] } {
  return { a: ops.filter((o) => o.kind !== 'add').map((o) => o.text), b: ops.filter((o) => o.kind !== 'del').map((o) => o.text) };
}

export interface RepoDiff {
  added: string[];
  removed: string[];
  changed: string[];
  unchanged: number;
}

export function diffRepos(before: Record<string, string>, after: Record<string, string>): RepoDiff {
  const added: string[] = [];
  const removed: string[] = [];
  const changed: string[] = [];
  let unchanged = 0;
  for (const p of Object.keys(after).sort()) {
    if (!(p in before)) added.push(p);
    else if (before[p] !== after[p]) changed.push(p);
    else unchanged++;
  }
  for (const p of Object.keys(before).sort()) if (!(p in after)) removed.push(p);
  return { added, removed, changed, unchanged };
}

/** Compact hunks: changed lines with `context` unchanged lines around them. */
export function hunks(ops: DiffOp[], context = 3): (DiffOp | { kind: 'gap'; count: number })[] {
  const keep = new Array<boolean>(ops.length).fill(false);
  ops.forEach((o, i) => {
    if (o.kind !== 'same') for (let j = Math.max(0, i - context); j <= Math.min(ops.length - 1, i + context); j++) keep[j] = true;
  });
  const out: (DiffOp | { kind: 'gap'; count: number })[] = [];
  let gap = 0;
  ops.forEach((o, i) => {
    if (keep[i]) {
      if (gap) out.push({ kind: 'gap', count: gap });
      gap = 0;
      out.push(o);
    } else gap++;
  });
  if (gap) out.push({ kind: 'gap', count: gap });
  return out;
}
