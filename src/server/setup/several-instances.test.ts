import { fork, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personas, sandboxShop } from '../../../mocks/shopify/store';
import { defaultFieldMapping } from '../../shared/mapping';
import type { CardResponse } from '../../shared/wire';
import { signToken, type Role } from '../auth/tokens';
import { postgresReachable, redisReachable, testPostgresUrl, testRedisUrl } from '../test/engines';

/**
 * Two BFF processes (`src/server/setup/main.ts`, as `npm start` runs it) on one PostgreSQL database made for
 * this run and one Redis under a key prefix of this run, in front of one sandbox store process, as a load
 * balancer would have them.
 */
const secret = `several-instances-${randomBytes(12).toString('hex')}`;
const root = fileURLToPath(new URL('../../../', import.meta.url));
const engines = (await postgresReachable()) && (await redisReachable());
if (!engines) console.warn('\n  PostgreSQL or Redis does not answer: the test of several BFF processes is SKIPPED.\n');

type Stats = { tokenRequests: number; operations: Record<string, number>; customers: number };
type Instance = { name: string; process: ChildProcess; origin: string; pid: number };

const children: ChildProcess[] = [];
let sandbox: { process: ChildProcess; origin: string; stats(): Promise<Stats> };
let instances: Instance[] = [];
const database = `card_instances_${randomBytes(5).toString('hex')}`;
const redisPrefix = `card-instances-${randomBytes(5).toString('hex')}:`;
const dataDirs: string[] = [];
const databaseUrl = (() => {
  const url = new URL(testPostgresUrl);
  url.pathname = `/${database}`;
  return url.toString();
})();

async function admin<T>(work: (client: pg.Client) => Promise<T>, url = testPostgresUrl): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function startSandbox(): Promise<typeof sandbox> {
  const child = fork(join(root, 'src/server/test/sandbox-process.ts'), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, SANDBOX_BULK_START_MS: '25000' },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the sandbox store exited with ${code}`)));
    child.once('message', (message: { origin: string }) =>
      resolve({
        process: child,
        origin: message.origin,
        stats: () =>
          new Promise<Stats>((done) => {
            child.once('message', (answer) => done(answer as Stats));
            child.send({ type: 'stats' });
          }),
      }),
    );
  });
}

function startInstance(name: string): Promise<Instance> {
  const dataDir = mkdtempSync(join(tmpdir(), `card-${name}-`));
  dataDirs.push(dataDir);
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/setup/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      DEMO: '1',
      PORT: '0',
      DEMO_PORT: '0',
      DATA_DIR: dataDir,
      APP_SECRET: secret,
      DATABASE_URL: databaseUrl,
      REDIS_URL: testRedisUrl,
      REDIS_KEY_PREFIX: redisPrefix,
      SHOPIFY_API_ORIGIN: sandbox.origin,
      SHOPIFY_SHOP: sandboxShop.domain,
      SHOPIFY_CLIENT_ID: sandboxShop.clientId,
      SHOPIFY_CLIENT_SECRET: sandboxShop.clientSecret,
      PEOPLE_SYNC_INTERVAL: '10s',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.once('exit', (code) => reject(new Error(`instance ${name} exited with ${code}: ${out}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const origin = /Shopify Context Card on (http:\/\/\S+)/.exec(out)?.[1];
      if (origin) resolve({ name, process: child, origin: origin.replace('localhost', '127.0.0.1'), pid: child.pid ?? 0 });
    });
  });
}

const tokens = new Map<string, Promise<string>>();
const token = (sub: string, role: Role) => {
  const key = `${role}:${sub}`;
  if (!tokens.has(key)) tokens.set(key, signToken(secret, { sub, role }, 3_600));
  return tokens.get(key) as Promise<string>;
};

async function call(origin: string, path: string, options: { method?: string; body?: unknown; sub?: string; role?: Role } = {}) {
  const role = options.role ?? 'agent';
  return fetch(`${origin}${path}`, {
    method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
    headers: { Authorization: `Bearer ${await token(options.sub ?? `${role}-1`, role)}`, 'Content-Type': 'application/json' },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
}

/**
 * A card open as a load balancer sends it: to `first`, and when that instance cannot be reached (refused, or the
 * connection cut before an answer), to the next one.
 */
async function openThroughBalancer(first: number, body: unknown, sub: string): Promise<Response> {
  let lastError: unknown;
  for (let i = 0; i < instances.length * 2; i += 1) {
    const instance = instances[(first + i) % instances.length] as Instance;
    try {
      return await call(instance.origin, '/api/card', { body, sub });
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

const shoppers = Object.values(personas)
  .filter((persona) => persona.email)
  .map((persona) => ({ email: persona.email as string }));
const cardRequests = (stats: Stats) =>
  Object.entries(stats.operations)
    .filter(([name]) => !name.startsWith('People'))
    .reduce((sum, [, n]) => sum + n, 0);

async function leaseHolder(): Promise<{ pid: number; running: boolean } | null> {
  const row = await admin(
    async (client) =>
      (await client.query<{ lease_owner: string | null; run: string | null }>('SELECT lease_owner, run FROM people_sync_state')).rows[0],
    databaseUrl,
  );
  if (!row?.lease_owner) return null;
  return { pid: Number(row.lease_owner.split(':')[1]), running: row.run !== null };
}

describe.skipIf(!engines)('several BFF processes on one PostgreSQL and one Redis', () => {
  beforeAll(async () => {
    await admin((client) => client.query(`CREATE DATABASE ${database}`));
    sandbox = await startSandbox();
    // Started together: they migrate one database under its lock and preconfigure it once between them.
    instances = await Promise.all([startInstance('a'), startInstance('b')]);
  }, 120_000);

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await Promise.all(
      children.map((child) =>
        child.exitCode === null && child.signalCode === null ? new Promise((done) => child.once('exit', done)) : undefined,
      ),
    );
    if (engines) {
      await admin((client) => client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
      const redis = new Redis(testRedisUrl);
      const keys = await redis.keys(`${redisPrefix}*`);
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
    }
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('answers opens spread over both with one Shopify request per shopper', async () => {
    const before = cardRequests(await sandbox.stats());
    const answers = await Promise.all(
      Array.from({ length: shoppers.length * 6 }, (_, i) => openThroughBalancer(i % 2, shoppers[i % shoppers.length], `agent-${i % 20}`)),
    );
    expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 200));
    const cards = (await Promise.all(answers.map((answer) => answer.json()))) as CardResponse[];
    expect(cards.every((card) => card.state === 'matched')).toBe(true);
    expect(cardRequests(await sandbox.stats()) - before).toBe(shoppers.length);
  }, 60_000);

  it('shows a mapping saved on one at the other’s next open', async () => {
    const [a, b] = instances as [Instance, Instance];
    const overview = (await (await call(a.origin, '/api/config', { role: 'admin' })).json()) as { mapping: { version: number } };
    const orderCard = defaultFieldMapping.orderCard.filter((key) => key !== 'order.displayFulfillmentStatus');
    const saved = await call(a.origin, '/api/config/mapping', {
      method: 'PUT',
      role: 'admin',
      body: { version: overview.mapping.version, mapping: { ...defaultFieldMapping, orderCard } },
    });
    expect(saved.status).toBe(200);
    // Each instance checks the configuration's generation at most every 250 ms.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const card = (await (await call(b.origin, '/api/card', { body: shoppers[0] })).json()) as { mapping: { orderCard: string[] } };
    expect(card.mapping.orderCard).toEqual(orderCard);
  }, 30_000);

  it('loses no open when the instance running the People sync is killed mid-load, and the other finishes the run', async () => {
    // The first People run is under way on one of them, its bulk operation held by the sandbox store.
    await expect.poll(async () => (await leaseHolder())?.running ?? false, { timeout: 20_000 }).toBe(true);
    const holder = await leaseHolder();
    const victim = instances.find((instance) => instance.pid === holder?.pid) as Instance;
    expect(victim).toBeDefined();
    const survivor = instances.find((instance) => instance !== victim) as Instance;

    let done = 0;
    let killed = false;
    const load = Array.from({ length: 160 }, (_, i) => i);
    const statuses: number[] = [];
    const worker = async () => {
      for (let i = load.shift(); i !== undefined; i = load.shift()) {
        const answer = await openThroughBalancer(i % 2, shoppers[i % shoppers.length], `agent-${i % 40}`);
        statuses.push(answer.status);
        await answer.body?.cancel();
        done += 1;
        if (done === 40 && !killed) {
          killed = true;
          victim.process.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    expect(killed).toBe(true);
    expect(statuses).toHaveLength(160);
    expect(statuses.filter((status) => status !== 200)).toEqual([]);

    // Within one interval (10 s) of its lease running out, the survivor takes the run over and resumes it: the one
    // bulk operation, not a second.
    await expect
      .poll(
        async () => {
          const status = (await (await call(survivor.origin, '/api/people/sync', { role: 'admin' })).json()) as { phase: string };
          return status.phase;
        },
        { timeout: 60_000, interval: 500 },
      )
      .toBe('up_to_date');
    const stats = await sandbox.stats();
    expect(stats.operations.PeopleBulkRun).toBe(1);
    const sync = (await (await call(survivor.origin, '/api/people/sync', { role: 'admin' })).json()) as { counts: { people: number } };
    expect(sync.counts.people).toBe(stats.customers);
  }, 120_000);
});
