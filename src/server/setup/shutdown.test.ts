import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxShop, startSandboxStore, type RunningSandboxStore } from '../../../mocks/shopify/store';
import { cardResponseSchema } from '../../shared/wire';
import { signToken } from '../auth/tokens';

const appSecret = 'shutdown-test-secret-shutdown-test-secret';
/** What Shopify takes to answer each card open: long enough to send the signal while one is in flight. */
const SHOPIFY_LATENCY_MS = 1_500;

let sandbox: RunningSandboxStore;
let child: ChildProcess | undefined;
beforeAll(async () => {
  sandbox = await startSandboxStore({ now: new Date('2026-11-01T00:00:00Z') });
});
afterAll(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  await sandbox.close();
});

/** `npm start`'s server in a process of its own, on a free port; resolves with its origin once it listens. */
function startServer(dataDir: string): Promise<{ origin: string; exited: Promise<number | null> }> {
  child = spawn(process.execPath, ['--import', 'tsx', 'src/server/setup/main.ts'], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      DATA_DIR: dataDir,
      PORT: '0',
      DEMO_PORT: '0',
      DEMO: '1',
      APP_SECRET: appSecret,
      SHOPIFY_API_ORIGIN: sandbox.origin,
      SHOPIFY_SHOP: sandboxShop.domain,
      SHOPIFY_CLIENT_ID: sandboxShop.clientId,
      SHOPIFY_CLIENT_SECRET: sandboxShop.clientSecret,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const running = child;
  const exited = new Promise<number | null>((resolve) => running.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let said = '';
    running.stdout?.on('data', (chunk: Buffer) => {
      said += chunk.toString();
      const origin = /Shopify Context Card on (http:\/\/\S+)/.exec(said)?.[1];
      if (origin) resolve({ origin, exited });
    });
    void exited.then((code) => reject(new Error(`The server exited with ${code} before it listened: ${said}`)));
  });
}

async function refusesConnections(origin: string): Promise<boolean> {
  try {
    await fetch(`${origin}/api/health`, { signal: AbortSignal.timeout(1_000) });
    return false;
  } catch {
    return true;
  }
}

describe('stopping the server', () => {
  it('on SIGTERM stops accepting, answers the card open in flight, closes the database and exits 0', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'card-shutdown-'));
    const { origin, exited } = await startServer(dataDir);
    sandbox.store.injectFault({ latencyMs: SHOPIFY_LATENCY_MS, times: Infinity });

    const token = await signToken(appSecret, { sub: 'agent-1', role: 'agent' });
    const inFlight = fetch(`${origin}/api/card`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ phone: '+33612345678' }),
    });
    // Shopify has the card's query: the open is under way when the signal comes.
    await expect.poll(() => sandbox.store.stats.graphqlRequests, { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
    child?.kill('SIGTERM');

    await expect.poll(() => refusesConnections(origin), { timeout: 5_000 }).toBe(true);
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(cardResponseSchema.parse(await response.json())).toMatchObject({ state: 'matched', customer: { displayName: 'Amélie Dubois' } });
    expect(await exited).toBe(0);
    // SQLite folds its write-ahead log into the database when the last connection closes.
    expect(existsSync(join(dataDir, 'context-card.db'))).toBe(true);
    expect(existsSync(join(dataDir, 'context-card.db-wal'))).toBe(false);
  }, 60_000);
});
