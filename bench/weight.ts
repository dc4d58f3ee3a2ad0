import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createBenchBff } from './lib/bff';
import { kB, type Figure } from './lib/report';

/** What the agent's browser downloads before the card can paint (123.3 kB when set). */
export const CARD_JS_BUDGET_BYTES = 125_000;
/** What an admin's browser downloads before the configuration page can paint (160.9 kB when set). */
export const CONFIG_JS_BUDGET_BYTES = 165_000;

const root = resolve(import.meta.dirname, '..');
export const distDir = join(root, 'dist');

/** `BENCH_BUILT=1`: dist/ is this tree's build already (`npm test` weighs what its end-to-end tests just built). */
let built = process.env['BENCH_BUILT'] === '1';
/** `vite build`, once per run. */
export function buildOnce(): void {
  if (built) return;
  const vite = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'error'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`vite build failed (exit ${result.status})`);
  built = true;
}

type Asset = { file: string; kind: 'js' | 'css'; bytes: number; gzipBytes: number; via: string };

const attributes = (tag: string) =>
  Object.fromEntries([...tag.matchAll(/([\w-]+)(?:\s*=\s*"([^"]*)")?/g)].slice(1).map((m) => [m[1]?.toLowerCase(), m[2] ?? '']));

/** The scripts, preloads and stylesheets a built page names. */
function pageAssets(html: string): { file: string; via: string }[] {
  const found: { file: string; via: string }[] = [];
  for (const [tag] of html.matchAll(/<(script|link)\b[^>]*>/gi)) {
    const attrs = attributes(tag);
    if (tag.toLowerCase().startsWith('<script') && attrs.type === 'module' && attrs.src)
      found.push({ file: attrs.src, via: 'entry script' });
    if (attrs.rel === 'modulepreload' && attrs.href) found.push({ file: attrs.href, via: 'modulepreload' });
    if (attrs.rel === 'stylesheet' && attrs.href) found.push({ file: attrs.href, via: 'stylesheet' });
  }
  return found;
}

/** Relative specifiers of a chunk's static imports and re-exports (not `import(…)`). */
export const staticImports = (code: string) =>
  [...code.matchAll(/\b(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+)["']/g)].map((m) => m[1] as string);
/** Relative specifiers of a chunk's `import(…)` calls, in quotes or, as Vite 8 writes them, backticks. */
export const dynamicImports = (code: string) =>
  [...code.matchAll(/\bimport\(\s*(["'`])(\.{1,2}\/[^"'`]+)\1\s*\)/g)].map((m) => m[2] as string);

/**
 * Everything a page loads before its first paint: the HTML's entry script, modulepreloads and
 * stylesheets, plus any chunk those import statically that the HTML forgot to preload (there should
 * be none: Vite lists them all, and `unlisted` says so). Chunks loaded with `import()` come later.
 */
export function pageWeight(page: string) {
  const html = readFileSync(join(distDir, `${page}.html`), 'utf8');
  const assets = new Map<string, Asset>();
  const unlisted: string[] = [];
  const lazy = new Set<string>();
  const visit = (url: string, via: string) => {
    const path = new URL(url, 'https://card.invalid/').pathname;
    if (assets.has(path)) return;
    const content = readFileSync(join(distDir, path));
    const kind = path.endsWith('.css') ? 'css' : 'js';
    assets.set(path, { file: path, kind, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length, via });
    if (kind !== 'js') return;
    const code = content.toString('utf8');
    for (const specifier of staticImports(code)) {
      const target = new URL(specifier, `https://card.invalid${path}`).pathname;
      if (!assets.has(target)) {
        unlisted.push(target);
        visit(target, `static import in ${path}`);
      }
    }
    for (const specifier of dynamicImports(code)) lazy.add(new URL(specifier, `https://card.invalid${path}`).pathname);
  };
  // An inline script (the card's boot script) runs before anything else: it counts, with the page's name.
  for (const [index, [, code = '']] of [...html.matchAll(/<script>([\s\S]*?)<\/script>/gi)].entries()) {
    const content = Buffer.from(code, 'utf8');
    const file = `${page}.html#inline-script-${index + 1}`;
    assets.set(file, { file, kind: 'js', bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length, via: 'inline script' });
  }
  const listed = pageAssets(html);
  // Listed files first, so an import of a preloaded chunk is not mistaken for a missing preload.
  for (const { file, via } of listed) {
    const path = new URL(file, 'https://card.invalid/').pathname;
    if (!assets.has(path)) visit(file, via);
  }
  const files = [...assets.values()];
  const sum = (kind: Asset['kind'], key: 'bytes' | 'gzipBytes') =>
    files.filter((a) => a.kind === kind).reduce((total, a) => total + a[key], 0);
  return {
    files,
    jsBytes: sum('js', 'bytes'),
    jsGzipBytes: sum('js', 'gzipBytes'),
    cssBytes: sum('css', 'bytes'),
    cssGzipBytes: sum('css', 'gzipBytes'),
    unlisted: unlisted.filter((path) => !listed.some((l) => new URL(l.file, 'https://card.invalid/').pathname === path)),
    lazy: [...lazy].filter((path) => !assets.has(path)),
  };
}

/** What the BFF itself sends for these files to a browser that accepts gzip and Brotli. */
async function servedBytes(files: readonly Asset[]): Promise<{ bytes: number; encodings: string[] }> {
  // Static files only: the sandbox origin is never contacted.
  const { app } = await createBenchBff({ sandboxOrigin: 'http://127.0.0.1:9', distDir, logLevel: 'silent' });
  let bytes = 0;
  const encodings = new Set<string>();
  for (const file of files) {
    // Inline scripts come with the page itself.
    if (file.via === 'inline script') continue;
    const response = await app.request(file.file, { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    bytes += (await response.arrayBuffer()).byteLength;
    encodings.add(response.headers.get('Content-Encoding') ?? 'uncompressed');
  }
  return { bytes, encodings: [...encodings] };
}

export async function weightFigure(): Promise<Figure> {
  buildOnce();
  const card = pageWeight('card');
  const served = await servedBytes(card.files);
  const config = pageWeight('config');
  const largest = [...card.files].sort((a, b) => b.gzipBytes - a.gzipBytes)[0];
  return {
    title: '1. Weight (gzip -9 of what /card and /config load before first paint)',
    lines: [
      {
        label: 'card JavaScript, gzipped',
        value: kB(card.jsGzipBytes),
        budget: `≤ ${kB(CARD_JS_BUDGET_BYTES)}`,
        ok: card.jsGzipBytes <= CARD_JS_BUDGET_BYTES,
      },
      { label: 'card CSS, gzipped', value: kB(card.cssGzipBytes) },
      { label: 'card JavaScript, uncompressed', value: kB(card.jsBytes) },
      { label: 'card files as the BFF serves them', value: `${kB(served.bytes)} (${served.encodings.join(', ')})` },
      { label: `card files (${card.files.length}); largest`, value: largest ? `${largest.file} ${kB(largest.gzipBytes)}` : '-' },
      { label: 'card chunks imported but not preloaded', value: String(card.unlisted.length) },
      { label: 'card chunks loaded later (import())', value: String(card.lazy.length) },
      {
        label: 'configuration UI JavaScript, gzipped',
        value: kB(config.jsGzipBytes),
        budget: `≤ ${kB(CONFIG_JS_BUDGET_BYTES)}`,
        ok: config.jsGzipBytes <= CONFIG_JS_BUDGET_BYTES,
      },
      { label: 'configuration UI chunks loaded later (import())', value: String(config.lazy.length) },
      { label: 'configuration UI CSS, gzipped', value: kB(config.cssGzipBytes) },
    ],
    data: { card, config, served, budgetBytes: CARD_JS_BUDGET_BYTES, configBudgetBytes: CONFIG_JS_BUDGET_BYTES },
  };
}
