// Actions pinned by full commit SHA, read from each action's repository at the
// tag named (see docs/reference/actions.md). Renovate keeps them current.
export const ACTIONS = {
  checkout: { uses: 'actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1', tag: 'v7.0.1' },
  githubScript: { uses: 'actions/github-script@ed597411d8f924073f98dfc5c65a23a2325f34cd', tag: 'v8.0.0' },
  setupTerraform: { uses: 'hashicorp/setup-terraform@dfe3c3f87815947d99a8997f908cb6525fc44e9e', tag: 'v4.0.1' },
  awsCredentials: { uses: 'aws-actions/configure-aws-credentials@e6de054238d6b7531b4efff3b6587d9aade6a06c', tag: 'v6.2.3' },
  azureLogin: { uses: 'azure/login@f5d393ae46f8fde4be8b75f32e3fc50e654ad0ca', tag: 'v3.0.1' },
  gcpAuth: { uses: 'google-github-actions/auth@7c6bc770dae815cd3e89ee6cdf493a5fab2cc093', tag: 'v3.0.0' },
  setupHelm: { uses: 'azure/setup-helm@9bc31f4ebc9c6b171d7bfbaa5d006ae7abdb4310', tag: 'v5.0.1' },
  helmfile: { uses: 'helmfile/helmfile-action@1f44bcb43e5fb17ecb2685d8b6081ec5f6aa5fcf', tag: 'v2.4.7' },
  uploadArtifact: { uses: 'actions/upload-artifact@bbbca2ddaa5d8feaa63e36b76fdaad77386f024f', tag: 'v7.0.0' },
  downloadArtifact: { uses: 'actions/download-artifact@3e5f45b2cfb9172054b4087a40e8e0b5a5461e7c', tag: 'v8.0.1' },
  setupNode: { uses: 'actions/setup-node@820762786026740c76f36085b0efc47a31fe5020', tag: 'v7.0.0' },
  cache: { uses: 'actions/cache@27d5ce7f107fe9357f9df03efb73ab90386fccae', tag: 'v5.0.5' },
} as const;

export const TOOL_VERSIONS = {
  terraform: '1.11.4',
  helm: 'v3.19.0',
  helmfile: 'v1.7.0',
  // helmfile apply and diff need the helm-diff plugin; installed at this tag, never the default branch.
  helmDiff: 'v3.15.11',
  // The runtime (.opsta/opsta.mjs) is built for Node 20; setup-node resolves the newest 20.x.
  node: '20',
} as const;
