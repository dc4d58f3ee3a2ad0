import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sandboxShop, startSandboxStore, type RunningSandboxStore } from '../../../mocks/shopify/store';
import { defaultFieldMapping } from '../../shared/mapping';
import { signToken, type Role } from '../auth/tokens';
import { loadConfig } from './env';
import { createLogger } from './log';
import { startApp, type RunningApp } from './start';

const oldSecret = 'old-app-secret-old-app-secret-old-app-secret';
const newSecret = 'new-app-secret-new-app-secret-new-app-secret';

let sandbox: RunningSandboxStore;
beforeAll(async () => {
  sandbox = await startSandboxStore({ now: new Date('2026-11-01T00:00:00Z') });
});
afterAll(() => sandbox.close());

let running: RunningApp[] = [];
afterEach(async () => {
  await Promise.all(running.map((app) => app.stop()));
  running = [];
});

type Start = { dataDir: string; secret: string; previous?: string; fromEnvironment?: boolean };

/** `npm start` in this process, on free ports, over the data directory given; what it logs is kept. */
async function start({ dataDir, secret, previous, fromEnvironment = false }: Start) {
  const lines: string[] = [];
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    PORT: '0',
    DEMO_PORT: '0',
    APP_SECRET: secret,
    SHOPIFY_API_ORIGIN: sandbox.origin,
    DEMO: fromEnvironment ? '1' : '0',
    ...(previous ? { APP_SECRET_PREVIOUS: previous } : {}),
    ...(fromEnvironment
      ? { SHOPIFY_SHOP: sandboxShop.domain, SHOPIFY_CLIENT_ID: sandboxShop.clientId, SHOPIFY_CLIENT_SECRET: sandboxShop.clientSecret }
      : {}),
  });
  const app = await startApp(config, { logger: createLogger('info', (line) => lines.push(line)), print: () => {} });
  running.push(app);
  const call = async (path: string, role: Role, token?: string, body?: unknown) =>
    fetch(`${app.origin}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        Authorization: `Bearer ${token ?? (await signToken(secret, { sub: `${role}-1`, role }))}`,
        'Content-Type': 'application/json',
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  return { app, lines, call, openCard: (token?: string) => call('/api/card', 'agent', token, { phone: '+33612345678' }) };
}

/** A credential added by an admin, activated, with the default fields: sealed with `secret`. */
async function configuredByAnAdmin(dataDir: string, secret: string) {
  const first = await start({ dataDir, secret });
  const credential = await first.app.services.credentials.create({
    name: 'Linden & Loom (admin)',
    kind: 'client_credentials',
    shopDomain: sandboxShop.domain,
    clientId: sandboxShop.clientId,
    secret: sandboxShop.clientSecret,
  });
  await first.app.services.settings.activate(credential.id, 'admin-1');
  await first.app.services.settings.saveMapping(defaultFieldMapping, 0, 'admin-1');
  expect((await first.openCard()).status).toBe(200);
  await first.app.stop();
  return credential;
}

describe('changing APP_SECRET', () => {
  it('with APP_SECRET_PREVIOUS: stored secrets open and are sealed again with the new secret, old tokens still work', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'card-rotation-'));
    await configuredByAnAdmin(dataDir, oldSecret);
    const oldToken = await signToken(oldSecret, { sub: 'agent-7', role: 'agent' });

    const rotating = await start({ dataDir, secret: newSecret, previous: oldSecret });
    expect(rotating.lines.join('\n')).toContain('sealed again with the current APP_SECRET');
    expect((await rotating.openCard(oldToken)).status).toBe(200);
    expect((await rotating.openCard()).status).toBe(200);
    await rotating.app.stop();

    // Once the old tokens have expired, APP_SECRET_PREVIOUS goes: the secrets were sealed with the new one.
    const after = await start({ dataDir, secret: newSecret });
    expect(after.lines.filter((line) => line.includes('"level":"error"'))).toEqual([]);
    expect((await after.openCard()).status).toBe(200);
    expect((await after.openCard(oldToken)).status).toBe(401);
  });

  it('without it: the start says in one line which credential cannot be read, the card says so, the rest works', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'card-rotation-'));
    const credential = await configuredByAnAdmin(dataDir, oldSecret);

    const started = await start({ dataDir, secret: newSecret });
    const errors = started.lines.filter((line) => line.includes('"level":"error"'));
    expect(errors).toHaveLength(1);
    const line = JSON.parse(errors[0] ?? '{}') as { msg: string; credentialId: string };
    expect(line.msg).toContain(`"Linden & Loom (admin)" (id ${credential.id}) cannot be read`);
    expect(line.credentialId).toBe(credential.id);
    expect(errors[0]).not.toContain(sandboxShop.clientSecret);

    const card = await started.openCard();
    expect(card.status).toBe(500);
    expect(await card.json()).toMatchObject({ code: 'CREDENTIAL_UNREADABLE' });
    // An admin can still see and fix the configuration.
    const config = await started.call('/api/config', 'admin');
    expect(config.status).toBe(200);
    const fixed = await fetch(`${started.app.origin}/api/config/credentials/${credential.id}`, {
      method: 'PATCH',
      headers: {
        Authorization: `Bearer ${await signToken(newSecret, { sub: 'admin-1', role: 'admin' })}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ secret: sandboxShop.clientSecret }),
    });
    expect(fixed.status).toBe(200);
    expect((await started.openCard()).status).toBe(200);
  });

  it('with a credential from the environment and no APP_SECRET_PREVIOUS: the start stores it again and the card works', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'card-rotation-'));
    const first = await start({ dataDir, secret: oldSecret, fromEnvironment: true });
    expect((await first.openCard()).status).toBe(200);
    await first.app.stop();

    const started = await start({ dataDir, secret: newSecret, fromEnvironment: true });
    expect((await started.openCard()).status).toBe(200);
  });
});
