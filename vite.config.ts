import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const page = (name: string) => fileURLToPath(new URL(`./${name}.html`, import.meta.url));

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    // Two browser entries: the agent's card never downloads the admin UI.
    rollupOptions: {
      input: { index: page('index'), card: page('card'), config: page('config') },
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
          include: ['src/server/**/*.test.ts', 'mocks/shopify/**/*.test.ts'],
          testTimeout: 20_000,
        },
      },
    ],
  },
});
