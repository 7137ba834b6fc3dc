import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vitest/config';

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

export default defineConfig({
  plugins: [dropWorkflowParserSourcemaps()],
  test: {
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
});
