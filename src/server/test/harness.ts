import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { personas, sandboxShop, startSandboxStore, type RunningSandboxStore, type SandboxStoreOptions } from '../../../mocks/shopify/store';
import { defaultFieldMapping, type FieldMapping } from '../../shared/mapping';
import { createApp } from '../app';
import { signToken, type Role } from '../auth/tokens';
import { createLogger } from '../log';
import { createServices, type Services } from '../services';
import { openDatabase } from '../storage/db';

export const testSecret = 'bff-test-secret-bff-test-secret-bff-test';
export const anchor = new Date('2026-11-01T00:00:00Z');
export { personas };

export type Harness = {
  sandbox: RunningSandboxStore;
  services: Services;
  app: ReturnType<typeof createApp>;
  token(role?: Role): Promise<string>;
  openCard(body: unknown, role?: Role): Promise<Response>;
  close(): Promise<void>;
};

/**
 * The BFF wired over an in-memory database and a sandbox store on a real port, with the sandbox
 * credential active and `mapping` saved (unless told otherwise).
 */
export async function startHarness(options: { mapping?: FieldMapping | null; activate?: boolean; sandbox?: SandboxStoreOptions } = {}): Promise<Harness> {
  const sandbox = await startSandboxStore({ now: anchor, ...options.sandbox });
  const services = createServices({
    db: openDatabase(':memory:'),
    appSecret: testSecret,
    endpoint: { apiOrigin: sandbox.origin, deadlineMs: 2_000 },
    // Retries happen, but without real waiting.
    gateway: { sleep: async () => {}, random: () => 0.5 },
  });
  const credential = services.credentials.create({
    name: 'Sandbox', kind: 'client_credentials', shopDomain: sandboxShop.domain, clientId: sandboxShop.clientId, secret: sandboxShop.clientSecret,
  });
  if (options.activate !== false) services.settings.activate(credential.id, 'test');
  const mapping = options.mapping === undefined ? defaultFieldMapping : options.mapping;
  if (mapping) services.settings.saveMapping(mapping, 0, 'test');

  const distDir = mkdtempSync(join(tmpdir(), 'card-dist-'));
  for (const page of ['index', 'card', 'config']) writeFileSync(join(distDir, `${page}.html`), `<!doctype html><title>${page}</title>`);
  const app = createApp({ services, appSecret: testSecret, allowedHostOrigins: ['https://inbox.example.com'], logger: createLogger('silent'), distDir });

  const token = (role: Role = 'agent') => signToken(testSecret, { sub: `${role}-1`, role });
  return {
    sandbox,
    services,
    app,
    token,
    async openCard(body, role = 'agent') {
      return app.request('/api/card', {
        method: 'POST',
        headers: { Authorization: `Bearer ${await token(role)}`, 'Content-Type': 'application/json' },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
    },
    close: () => sandbox.close(),
  };
}
