import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EnvError, loadConfig } from './env';

const tmp = () => mkdtempSync(join(tmpdir(), 'card-env-'));

describe('loadConfig', () => {
  it('uses the embedded defaults and turns the demo on outside production', () => {
    const dataDir = tmp();
    const config = loadConfig({ DATA_DIR: dataDir });
    expect(config).toMatchObject({ port: 8787, demoPort: 8788, demo: true, publicOrigin: 'http://localhost:8787' });
    expect(config.allowedHostOrigins).toEqual(['http://127.0.0.1:8788']);
    expect(config.envCredential).toBeUndefined();
  });

  it('generates APP_SECRET into DATA_DIR once and reuses it', () => {
    const dataDir = tmp();
    const first = loadConfig({ DATA_DIR: dataDir }).appSecret;
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(join(dataDir, 'app-secret'), 'utf8').trim()).toBe(first);
    expect(loadConfig({ DATA_DIR: dataDir }).appSecret).toBe(first);
  });

  it('keeps everything in PostgreSQL with DATABASE_URL, and refuses a URL of another engine', () => {
    expect(loadConfig({ DATA_DIR: tmp() }).databaseUrl).toBeUndefined();
    expect(loadConfig({ DATA_DIR: tmp(), DATABASE_URL: 'postgres://card@db.internal:5432/card' }).databaseUrl).toBe(
      'postgres://card@db.internal:5432/card',
    );
    expect(() => loadConfig({ DATA_DIR: tmp(), DATABASE_URL: 'mysql://db.internal/card' })).toThrow(
      /DATABASE_URL must look like postgres:/,
    );
  });

  it('names every bad variable in one error', () => {
    const attempt = () =>
      loadConfig({
        DATA_DIR: tmp(),
        PORT: 'eighty',
        ALLOWED_HOST_ORIGINS: 'https://ok.example.com,not an origin',
        SHOPIFY_CLIENT_ID: 'abc',
      });
    expect(attempt).toThrow(EnvError);
    try {
      attempt();
    } catch (error) {
      const message = (error as EnvError).message;
      expect(message).toContain('PORT');
      expect(message).toContain('ALLOWED_HOST_ORIGINS');
      expect(message).toContain('SHOPIFY_CLIENT_SECRET');
      expect(message).toContain('SHOPIFY_SHOP');
    }
  });

  it('refuses to start in production without APP_SECRET and keeps the demo off there', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: tmp() })).toThrow(/APP_SECRET: required in production/);
    const config = loadConfig({ NODE_ENV: 'production', DATA_DIR: tmp(), APP_SECRET: 'x'.repeat(40) });
    expect(config.demo).toBe(false);
    expect(config.allowedHostOrigins).toEqual([]);
  });

  it('reads a credential from the environment', () => {
    const config = loadConfig({ DATA_DIR: tmp(), SHOPIFY_SHOP: 'acme', SHOPIFY_ACCESS_TOKEN: 'token-value' });
    expect(config.envCredential).toEqual({ kind: 'access_token', shop: 'acme', accessToken: 'token-value' });
    expect(() =>
      loadConfig({ DATA_DIR: tmp(), SHOPIFY_SHOP: 'acme', SHOPIFY_ACCESS_TOKEN: 't', SHOPIFY_CLIENT_ID: 'a', SHOPIFY_CLIENT_SECRET: 'b' }),
    ).toThrow(/not both/);
  });

  it('reads APP_SECRET_PREVIOUS for a rotation, and names it when it is too short or the same as APP_SECRET', () => {
    const previous = 'p'.repeat(40);
    expect(loadConfig({ DATA_DIR: tmp(), APP_SECRET: 'x'.repeat(40), APP_SECRET_PREVIOUS: previous }).previousAppSecret).toBe(previous);
    expect(loadConfig({ DATA_DIR: tmp(), APP_SECRET: 'x'.repeat(40) }).previousAppSecret).toBeUndefined();
    expect(() => loadConfig({ DATA_DIR: tmp(), APP_SECRET: 'x'.repeat(40), APP_SECRET_PREVIOUS: 'short' })).toThrow(
      /APP_SECRET_PREVIOUS: APP_SECRET_PREVIOUS must be at least 32 characters/,
    );
    expect(() => loadConfig({ DATA_DIR: tmp(), APP_SECRET: 'x'.repeat(40), APP_SECRET_PREVIOUS: 'x'.repeat(40) })).toThrow(
      /APP_SECRET_PREVIOUS: is the same as APP_SECRET/,
    );
  });
});
