import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig, type Plugin, type TestProjectInlineConfiguration } from 'vitest/config';
import { njkPrecompile } from './site/njk-precompile.ts';
import { requireTool } from './tests/support/tools.ts';

const require = createRequire(import.meta.url);

/**
 * @actions/workflow-parser ships `//# sourceMappingURL` comments whose sources are not in the
 * package; once inlined, vite prints one "points to missing source files" warning per module.
 * Loading those files ourselves (without the comment) keeps the test output readable.
 */
function dropWorkflowParserSourcemaps(): Plugin {
  return {
    name: 'drop-workflow-parser-sourcemaps',
    enforce: 'pre',
    load(id) {
      const file = id.split('?')[0] ?? id;
      if (!/[\\/]node_modules[\\/]@actions[\\/]workflow-parser[\\/].*\.js$/.test(file)) return null;
      return readFileSync(file, 'utf8').replace(/^\/\/# sourceMappingURL=.*$/m, '');
    },
  };
}

/** Node tests: the core, the CLI, the generated repositories, the site's pure logic and the e2e runs. */
const nodeProject: TestProjectInlineConfiguration = {
  plugins: [dropWorkflowParserSourcemaps()],
  test: {
    name: 'node',
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    server: {
      deps: {
        // It imports its JSON schema without `with { type: 'json' }` (ERR_IMPORT_ATTRIBUTE_MISSING
        // when vitest externalizes it); inlining lets vite load the JSON.
        inline: ['@actions/workflow-parser'],
      },
    },
  },
};

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Component tests of the planner's React islands (site/src/**\/*.browser.test.tsx), run by
 * vitest browser mode in the Debian chromium. Same Vite setup as the site (site/astro.config.mjs):
 * `.njk` imports are precompiled and `nunjucks` is the slim runtime, so the Review step runs the
 * real generator exactly as the planner page does.
 */
const browserProject: TestProjectInlineConfiguration = {
  plugins: [njkPrecompile()],
  resolve: {
    alias: [{ find: /^nunjucks$/, replacement: require.resolve('nunjucks/browser/nunjucks-slim.js') }],
  },
  optimizeDeps: {
    // Everything the islands import, pre-bundled up front: a dependency discovered mid-run makes
    // Vite reload the page under the running tests.
    include: ['react', 'react-dom', 'react-dom/client', 'react/jsx-dev-runtime', 'react-hook-form', '@hookform/resolvers/zod', 'zod', 'fflate', 'js-yaml', 'vitest-browser-react'],
  },
  test: {
    name: 'browser',
    include: ['site/src/**/*.browser.test.tsx'],
    testTimeout: 20_000,
    // A failing expect.element or a click on a missing element fails after 5 s instead of waiting out
    // the test timeout (without an actionTimeout, vitest gives them whatever the test has left).
    expect: { poll: { timeout: 5_000 } },
    browser: {
      enabled: true,
      headless: true,
      api: { host: '127.0.0.1' },
      provider: playwright({ launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS }, actionTimeout: 5_000 }),
      instances: [{ browser: 'chromium' }],
      screenshotFailures: false,
    },
  },
};

// Locally a missing chromium leaves the browser project out with a loud warning; with CI=true
// requireTool throws, so the run fails instead of passing without the component tests.
const hasChromium = requireTool('chromium (browser component tests)', () => existsSync(CHROMIUM));

export default defineConfig({
  test: {
    projects: [nodeProject, ...(hasChromium ? [browserProject] : [])],
  },
});
