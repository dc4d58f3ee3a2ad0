import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const page = (name: string) => fileURLToPath(new URL(`./${name}.html`, import.meta.url));

export default defineConfig({
  plugins: [react()],
  // Two browser builds: the agent's card never downloads the admin UI, and shares no chunk with it
  // (a shared chunk carried the configuration's Chakra recipes into the card).
  environments: {
    card: {
      consumer: 'client',
      build: { outDir: 'dist', emptyOutDir: true, rollupOptions: { input: { index: page('index'), card: page('card') }, treeshake: { manualPureFunctions: ['defineConfig'] } } },
    },
    config: { consumer: 'client', build: { outDir: 'dist', emptyOutDir: false, rollupOptions: { input: { config: page('config') } } } },
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
        },
      },
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['src/server/**/*.test.ts', 'mocks/shopify/**/*.test.ts', 'bench/**/*.test.ts'],
          testTimeout: 20_000,
        },
      },
    ],
  },
});
