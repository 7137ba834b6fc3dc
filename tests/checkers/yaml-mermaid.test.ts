import { describe, expect, it } from 'vitest';
import { checkMermaidFiles, mermaidBlocks, parseMermaid } from '../support/mermaid.ts';
import { checkYamlFiles, parseYaml } from '../support/yaml.ts';

describe('checkYamlFiles', () => {
  it('accepts valid YAML, including multi-document files, and keeps dates as strings', () => {
    expect(
      checkYamlFiles({
        'a.yaml': 'a: 1\nwhen: 2024-01-01\n',
        'k8s/all.yml': 'kind: A\n---\nkind: B\n',
        'main.tf': 'not yaml: [',
      }),
    ).toEqual([]);
    expect(parseYaml('when: 2024-01-01\n')).toEqual([{ when: '2024-01-01' }]);
  });

  it('reports parse errors and duplicate keys with a line', () => {
    const findings = checkYamlFiles({
      'bad.yaml': 'a: 1\nb: [1, 2\n',
      'dup.yml': 'a: 1\nb: 2\na: 3\n',
    });
    expect(findings.map((f) => f.file)).toEqual(['bad.yaml', 'dup.yml']);
    expect(findings[1]!.message).toMatch(/duplicated mapping key/);
    expect(findings[1]!.line).toBe(3);
  });

  it('skips Helm chart templates by default', () => {
    const files = {
      'charts/app/Chart.yaml': 'apiVersion: v2\nname: app\nversion: 0.1.0\n',
      'charts/app/templates/deploy.yaml': 'metadata:\n  labels:\n    {{- include "app.labels" . | nindent 4 }}\n',
    };
    expect(checkYamlFiles(files)).toEqual([]);
    expect(checkYamlFiles(files, { skip: () => false })).toHaveLength(1);
  });
});

describe('parseMermaid', () => {
  it('parses labelled flowcharts in Node (DOMPurify patched)', async () => {
    await expect(
      parseMermaid('flowchart LR\n  subgraph aws["AWS account"]\n    vpc[VPC] -->|hosts| eks{{EKS}}\n  end\n  gh(GitHub Actions) -- "OIDC" --> aws\n'),
    ).resolves.toEqual({ diagramType: 'flowchart-v2' });
    await expect(parseMermaid('sequenceDiagram\n  A->>B: plan\n')).resolves.toEqual({ diagramType: 'sequence' });
  });

  it('throws on a bad graph', async () => {
    await expect(parseMermaid('graph TD\n  A[Start --> B{Is it?}\n')).rejects.toThrow(/Parse error on line 2/);
    await expect(parseMermaid('graph TD\n  A --> --> B\n')).rejects.toThrow(/Parse error/);
    await expect(parseMermaid('not-a-diagram\n  A --> B\n')).rejects.toThrow(/No diagram type detected/);
  });

  it('checks mermaid fences in Markdown and .mmd files', async () => {
    const md = '# Arch\n\n```mermaid\ngraph TD\n  A[x] --> B\n```\n\ntext\n\n```mermaid\ngraph TD\n  A[x --> B\n```\n';
    expect(mermaidBlocks(md).map((b) => b.line)).toEqual([4, 11]);
    const findings = await checkMermaidFiles({ 'docs/architecture.md': md, 'docs/flow.mmd': 'graph LR\n  a --> b\n' });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ file: 'docs/architecture.md', line: 11 });
  });
});
