// Opsta planner: static Astro site with one React island. Run from the repo root:
//   npx astro build --root site   /   npx astro preview --root site --host 127.0.0.1 --port 4321
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import react from '@astrojs/react';
import { defineConfig } from 'astro/config';
import { njkPrecompile } from './njk-precompile.ts';
import { catalogPrebuild } from './src/lib/catalog-prebuild.ts';

const require = createRequire(import.meta.url);
process.env.ASTRO_TELEMETRY_DISABLED = '1';

export default defineConfig({
  output: 'static',
  integrations: [
    react(),
    {
      // `client:intent`: the planner hydrates when someone is there to use it (see the directive's file).
      name: 'opsta-client-intent',
      hooks: { 'astro:config:setup': ({ addClientDirective }) => addClientDirective({ name: 'intent', entrypoint: fileURLToPath(new URL('./src/lib/hydrate-on-intent.ts', import.meta.url)) }) },
    },
  ],
  server: { host: '127.0.0.1', port: 4321 },
  devToolbar: { enabled: false },
  build: { inlineStylesheets: 'never' },
  experimental: {
    // Hashed <meta http-equiv="content-security-policy">: script-src is 'self' + hashes, no
    // unsafe-eval anywhere. The other directives are added per page by src/layouts/Base.astro
    // (Astro 5.18's Astro.csp.insertDirective repeats an inserted directive once per configured
    // one, so none are configured here and each page inserts exactly one combined string).
    csp: true,
  },
  vite: {
    plugins: [njkPrecompile(), catalogPrebuild()],
    resolve: {
      // The generator core imports `nunjucks`; the browser only gets the runtime (templates are precompiled).
      alias: [{ find: /^nunjucks$/, replacement: require.resolve('nunjucks/browser/nunjucks-slim.js') }],
    },
    build: {
      chunkSizeWarningLimit: 2000,
      rollupOptions: {
        // js-yaml's module body only builds its own schema objects: declaring it free of side
        // effects lets Rollup keep it out of the planner's first chunk (it is used lazily).
        treeshake: { moduleSideEffects: (id) => !/[\\/]node_modules[\\/]js-yaml[\\/]/.test(id) },
      },
    },
  },
});
