import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createApp } from './app';
import { chooseEncoding } from './compressed-files';
import { createLogger } from '../setup/log';
import { createServices } from '../setup/services';
import { openDatabase } from '../storage/db';
import { sqliteSql } from '../storage/sqlite-sql';

const secret = 'static-delivery-secret-static-delivery-secret';
const bootScript = "(()=>{fetch('/api/card')})();";
const script = `export const answer = ${JSON.stringify('forty-two '.repeat(200))};\n`;

/** A built card page as `vite build` writes it: the boot script inline, the entry script and one preload. */
function bff({ prebuilt = false } = {}) {
  const distDir = mkdtempSync(join(tmpdir(), 'card-static-'));
  mkdirSync(join(distDir, 'assets'));
  writeFileSync(
    join(distDir, 'card.html'),
    `<!doctype html>\n<html>\n  <head>\n    <script>${bootScript}</script>\n    <script type="module" crossorigin src="/assets/card-abc.js"></script>\n    <link rel="modulepreload" crossorigin href="/assets/strings-def.js">\n  </head>\n  <body></body>\n</html>\n`,
  );
  writeFileSync(join(distDir, 'assets', 'card-abc.js'), script);
  writeFileSync(join(distDir, 'assets', 'strings-def.js'), script);
  if (prebuilt) {
    writeFileSync(join(distDir, 'assets', 'card-abc.js.br'), 'built brotli');
    writeFileSync(join(distDir, 'assets', 'card-abc.js.gz'), 'built gzip');
  }
  const services = createServices({
    sql: sqliteSql(openDatabase(':memory:')),
    appSecret: secret,
    endpoint: { apiOrigin: 'http://127.0.0.1:9' },
  });
  return createApp({ services, appSecret: secret, allowedHostOrigins: [], logger: createLogger('silent'), distDir });
}

describe('the encoding a browser gets', () => {
  it.each([
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip, deflate', 'gzip'],
    ['br;q=0, gzip;q=0.5', 'gzip'],
    ['*', 'br'],
    ['identity', 'identity'],
    ['gzip;q=0, br;q=0', 'identity'],
    [undefined, 'identity'],
  ])('Accept-Encoding %s gets %s', (header, encoding) => {
    expect(chooseEncoding(header)).toBe(encoding);
  });
});

describe('the card’s scripts and page', () => {
  it('serves scripts compressed with Brotli or gzip, as the browser accepts, kept for good', async () => {
    const app = bff();
    const br = await app.request('/assets/card-abc.js', { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    expect(br.headers.get('Content-Encoding')).toBe('br');
    expect(br.headers.get('Vary')).toBe('Accept-Encoding');
    expect(br.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect(br.headers.get('Content-Type')).toMatch(/javascript/);
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(script);

    const gzip = await app.request('/assets/card-abc.js', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(gzip.headers.get('Content-Encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gzip.arrayBuffer())).toString()).toBe(script);

    const plain = await app.request('/assets/card-abc.js');
    expect(plain.headers.get('Content-Encoding')).toBeNull();
    expect(await plain.text()).toBe(script);
  });

  it('sends the files compressed at build time as they are', async () => {
    const app = bff({ prebuilt: true });
    const br = await app.request('/assets/card-abc.js', { headers: { 'Accept-Encoding': 'br' } });
    expect(await br.text()).toBe('built brotli');
    const gzip = await app.request('/assets/card-abc.js', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(await gzip.text()).toBe('built gzip');
  });

  it('answers 404 for a file that is not there, and never serves what is outside the build', async () => {
    const app = bff();
    expect((await app.request('/assets/missing.js')).status).toBe(404);
    expect((await app.request('/assets/..%2Fcard.html')).status).toBe(404);
  });

  it('lets the page run its own inline boot script by its hash, and no other inline script', async () => {
    const response = await bff().request('/card', { headers: { 'Accept-Encoding': 'br' } });
    const hash = createHash('sha256').update(bootScript).digest('base64');
    const csp = response.headers.get('Content-Security-Policy') ?? '';
    expect(csp).toContain(`script-src 'self' 'sha256-${hash}'`);
    expect(csp).not.toMatch(/unsafe-inline[^;]*;[^;]*$|script-src[^;]*unsafe-inline/);
    expect(response.headers.get('Content-Encoding')).toBe('br');
    expect(brotliDecompressSync(Buffer.from(await response.arrayBuffer())).toString()).toContain(bootScript);
  });

  it('links the entry script and its preloads in the headers, so they are fetched from the first byte', async () => {
    const response = await bff().request('/card');
    expect(response.headers.get('Link')).toBe(
      '</assets/card-abc.js>; rel=modulepreload; crossorigin, </assets/strings-def.js>; rel=modulepreload; crossorigin',
    );
  });
});
