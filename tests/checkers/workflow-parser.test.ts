import { describe, expect, it } from 'vitest';
import { checkWorkflows, parseWorkflowFile } from '../support/workflows.ts';

const GOOD = `name: ci
on:
  pull_request:
    branches: [main]
permissions:
  contents: read
jobs:
  plan:
    runs-on: ubuntu-24.04
    timeout-minutes: 30
    steps:
      - uses: actions/checkout@v4
      - name: Title
        env:
          TITLE: \${{ github.event.pull_request.title }}
        run: echo "$TITLE"
`;

describe('parseWorkflowFile (@actions/workflow-parser)', () => {
  it('accepts a valid workflow', async () => {
    expect(await parseWorkflowFile('ci.yml', GOOD)).toEqual([]);
  });

  it('reports a typo key', async () => {
    const errors = await parseWorkflowFile('ci.yml', GOOD.replace('branches:', 'branchez:'));
    expect(errors.join('\n')).toMatch(/Unexpected value 'branchez'/);
  });

  it('reports a typo in a step key and a bad timeout', async () => {
    const bad = GOOD.replace('run: echo', 'runn: echo').replace('timeout-minutes: 30', 'timeout-minutes: soon');
    const errors = await parseWorkflowFile('ci.yml', bad);
    expect(errors.join('\n')).toMatch(/runn/);
    expect(errors.join('\n')).toMatch(/soon/);
  });

  it('reports semantic errors (needs cycle / unknown job)', async () => {
    const bad = GOOD + `  apply:\n    needs: [nope]\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo hi\n`;
    const errors = await parseWorkflowFile('ci.yml', bad);
    expect(errors.join('\n')).toMatch(/nope/);
  });

  it('checkWorkflows picks .github/workflows files from a map', async () => {
    const findings = await checkWorkflows({
      '.github/workflows/ci.yml': GOOD,
      '.github/workflows/bad.yaml': GOOD.replace('branches:', 'branchez:'),
      'k8s/x.yaml': 'not: a workflow',
    });
    expect(findings.map((f) => f.file)).toEqual(['.github/workflows/bad.yaml']);
  });
});
