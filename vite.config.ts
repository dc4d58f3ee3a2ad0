import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { buildSync } from 'esbuild';
import type { Plugin } from 'vite';
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

/**
 * The card's boot script (`src/card/boot-entry.ts`), bundled and inlined at the top of `card.html`: it
 * runs as the page is parsed and starts the card-open request before the bundle has loaded. Inline, it
 * costs no request of its own; the BFF allows it in the page's CSP by its hash.
 */
function inlineCardBootScript(): Plugin {
  return {
    name: 'inline-card-boot-script',
    transformIndexHtml(html, context) {
      if (!context.filename.endsWith('card.html')) return html;
      const [output] = buildSync({
        entryPoints: [fileURLToPath(new URL('./src/card/boot-entry.ts', import.meta.url))],
        bundle: true,
        minify: true,
        format: 'iife',
        target: 'es2022',
        write: false,
        legalComments: 'none',
      }).outputFiles;
      const code = output?.text.trim() ?? '';
      if (code === '' || /<\/script/i.test(code)) throw new Error('The card boot script cannot be inlined');
      return [{ tag: 'script', children: code, injectTo: 'head-prepend' }];
    },
  };
}

/**
 * The card's entry script becomes a module preload marked `data-card-entry`, first in the page's head: the
 * browser fetches it from the first byte as before, but it runs when the boot script (just after it) says,
 * once the first paint is up, so that its evaluation does not keep the page from painting the answer.
 */
function deferCardEntry(): Plugin {
  return {
    name: 'defer-card-entry',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        if (!context.filename.endsWith('card.html')) return html;
        const entry = /\s*<script type="module" crossorigin src="([^"]+)"><\/script>/;
        const src = entry.exec(html)?.[1];
        if (!src || !html.includes('<head>')) throw new Error('card.html has no entry script to defer');
        return html
          .replace(entry, '')
          .replace('<head>', `<head>\n    <link rel="modulepreload" crossorigin href="${src}" data-card-entry>`);
      },
    },
  };
}

/**
 * Each built script and stylesheet also as `.br` and `.gz`, compressed as hard as each goes: the BFF
 * serves them as they are, by the browser's `Accept-Encoding`, without compressing on each request.
 */
function precompressAssets(): Plugin {
  return {
    name: 'precompress-assets',
    apply: 'build',
    applyToEnvironment: (environment) => environment.config.consumer === 'client',
    writeBundle(options, bundle) {
      for (const [fileName, output] of Object.entries(bundle)) {
        if (!/\.(?:js|css|svg)$/.test(fileName)) continue;
        const bytes = Buffer.from(output.type === 'chunk' ? output.code : output.source);
        const path = join(options.dir ?? 'dist', fileName);
        writeFileSync(
          `${path}.br`,
          brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } }),
        );
        writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
      }
    },
  };
}

export default defineConfig(({ command }) => ({
  plugins: [react(), inlineCardBootScript(), deferCardEntry(), precompressAssets()],
  // Two browser builds: the agent's card never downloads the admin UI, and shares no chunk with it
  // (a shared chunk carried the configuration's Chakra recipes into the card). A third, for Node, renders
  // the card's first paint on the server.
  environments: {
    card: { consumer: 'client', build: pageBuild({ index: page('index'), card: page('card') }, true) },
    config: {
      consumer: 'client',
      build: pageBuild({ config: page('config') }, false, { codeSplitting: { groups: [{ name: 'config-initial', tags: ['$initial'] }] } }),
    },
    // The card's first paint, rendered by the BFF: its React and Chakra bundled in, as production builds
    // (only in the build: the tests' own server-side modules resolve their packages as usual).
    firstPaint: {
      consumer: 'server',
      define: { 'process.env.NODE_ENV': JSON.stringify('production') },
      resolve: command === 'build' ? { noExternal: true } : {},
      build: {
        ssr: true,
        outDir: 'dist/server',
        emptyOutDir: false,
        copyPublicDir: false,
        rollupOptions: {
          input: { 'first-paint': fileURLToPath(new URL('./src/card/first-paint/render.tsx', import.meta.url)) },
          output: { entryFileNames: '[name].js' },
        },
      },
    },
  },
  builder: {
    async buildApp(builder) {
      const { card, config, firstPaint } = builder.environments;
      if (!card || !config || !firstPaint) throw new Error('The card, config and first-paint build environments are missing');
      await builder.build(card);
      await builder.build(config);
      await builder.build(firstPaint);
    },
  },
  test: {
    // Vitest's default leaves a core free, which on a two-core machine runs every file one after another:
    // the test files spend most of their time starting up and waiting, so two at a time take half as long.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        extends: true,
        test: {
          name: 'browser',
          environment: 'jsdom',
          globals: true,
          include: ['src/{card,config,bridge,api,ui,shared}/**/*.test.{ts,tsx}'],
          // What the BFF renders runs where the BFF does.
          exclude: ['src/**/*.server.test.{ts,tsx}'],
          setupFiles: ['src/test/setup.ts'],
          // The files share one jsdom in each worker instead of starting their own: a file's start-up (jsdom,
          // Chakra, React) cost more than most of its tests. `src/test/setup.ts` clears what a file leaves.
          isolate: false,
          // Rendering a 60-order history through Chakra in jsdom takes seconds on a busy machine.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['src/server/**/*.test.ts', 'src/**/*.server.test.{ts,tsx}', 'mocks/shopify/**/*.test.ts', 'bench/**/*.test.ts'],
          globalSetup: ['src/server/test/engines-report.ts'],
          testTimeout: 20_000,
        },
      },
    ],
  },
}));
