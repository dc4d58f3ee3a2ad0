import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const page = (name: string) => fileURLToPath(new URL(`./${name}.html`, import.meta.url));

/**
 * One browser build into dist/. Chakra's theme module builds its complete default theme when it loads
 * (`defineConfig({...})`, an identity function the bundler cannot see through): marked pure, what a
 * page does not use of it (every other recipe, with its component anatomy) is left out. The
 * modulepreload polyfill is for browsers older than the card supports.
 */
const pageBuild = (input: Record<string, string>, emptyOutDir: boolean, output?: object) => ({
  outDir: 'dist',
  emptyOutDir,
  modulePreload: { polyfill: false },
  rollupOptions: { input, treeshake: { manualPureFunctions: ['defineConfig'] }, ...(output ? { output } : {}) },
});

export default defineConfig({
  plugins: [react()],
  // Two browser builds: the agent's card never downloads the admin UI, and shares no chunk with it
  // (a shared chunk carried the configuration's Chakra recipes into the card).
  environments: {
    card: { consumer: 'client', build: pageBuild({ index: page('index'), card: page('card') }, true) },
    config: {
      consumer: 'client',
      build: pageBuild({ config: page('config') }, false, { codeSplitting: { groups: [{ name: 'config-initial', tags: ['$initial'] }] } }),
    },
  },
  builder: {
    async buildApp(builder) {
      const { card, config } = builder.environments;
      if (!card || !config) throw new Error('The card and config build environments are missing');
      await builder.build(card);
      await builder.build(config);
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'browser',
          environment: 'jsdom',
          globals: true,
          include: ['src/{card,config,bridge,api,ui,shared}/**/*.test.{ts,tsx}'],
          setupFiles: ['src/test/setup.ts'],
          // Rendering a 60-order history through Chakra in jsdom takes seconds on a busy machine.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['src/server/**/*.test.ts', 'mocks/shopify/**/*.test.ts', 'bench/**/*.test.ts'],
          globalSetup: ['src/server/test/engines-report.ts'],
          testTimeout: 20_000,
        },
      },
    ],
  },
});
