import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';
import { personas } from '../mocks/shopify/personas';
import { agentToken, cardOpenHeaders, extraShoppers } from './lib/bff';
import { startServer, type ChildServer } from './lib/child';
import { load, type LoadResult } from './lib/load';
import { median, ms, perSecond, type Figure } from './lib/report';
import { distDir } from './weight';

const CONNECTIONS = 10;
const SECONDS = 3;
const ROUNDS = 3;
const SHOPPERS = 50;
const OPENS = 500;
export const SCALE_OUT_SHOPIFY_BUDGET = 50;

const postgresUrl = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function onPostgres<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 3_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Figure 7: several instances as one. Two BFF processes on one PostgreSQL database (made for the run) and one
 * Redis (a key prefix of the run), in front of the sandbox store. Cached opens of one shopper a second on one
 * instance, then on both at once (10 connections each), in rounds, the ratio taken within each round; then
 * 500 opens of 50 shoppers spread over both, 10 at a time, and the Shopify requests they made.
 */
export async function scaleOutFigure(): Promise<Figure> {
  const database = `bench_scale_${randomBytes(5).toString('hex')}`;
  const prefix = `bench-scale-${randomBytes(5).toString('hex')}:`;
  const databaseUrl = Object.assign(new URL(postgresUrl), { pathname: `/${database}` }).toString();
  await onPostgres((client) => client.query(`CREATE DATABASE ${database}`));
  const servers: ChildServer[] = [];
  try {
    const sandbox = await startServer('sandbox', { BENCH_EXTRA_CUSTOMERS: String(SHOPPERS) });
    servers.push(sandbox);
    const instanceEnv = {
      BENCH_SANDBOX_ORIGIN: sandbox.origin,
      BENCH_DIST: distDir,
      BENCH_DATABASE_URL: databaseUrl,
      BENCH_REDIS_URL: redisUrl,
      BENCH_REDIS_PREFIX: prefix,
    };
    // One after the other: the first sets the database up, the second finds it so.
    const first = await startServer('bff', instanceEnv);
    servers.push(first);
    const second = await startServer('bff', instanceEnv);
    servers.push(second);

    const headers = cardOpenHeaders(await agentToken());
    const one = JSON.stringify({ phone: personas.amelie.phone });
    const cached = (server: ChildServer, duration = SECONDS) =>
      load({ url: `${server.origin}/api/card`, method: 'POST', headers, bodies: [one], connections: CONNECTIONS, duration });
    const checked = (result: LoadResult) => {
      if (result.failures > 0) throw new Error(`${result.failures} of ${result.requests} cached opens failed`);
      return result;
    };
    await Promise.all([cached(first, 1), cached(second, 1)]);
    const rounds: { single: number; both: number; p99Both: number }[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const single = checked(await cached(first));
      const both = (await Promise.all([cached(first), cached(second)])).map(checked);
      rounds.push({
        single: single.requestsPerSecond,
        both: both.reduce((sum, result) => sum + result.requestsPerSecond, 0),
        p99Both: Math.max(...both.map((result) => result.p99Ms)),
      });
    }
    const ratio = median(rounds.map((round) => round.both / round.single));

    type Stats = { graphqlRequests: number; tokenRequests: number; failed: number };
    const before = await sandbox.ask<Stats>('stats');
    const shoppers = extraShoppers(SHOPPERS);
    const opens = Array.from({ length: OPENS }, (_, i) => i);
    const statuses: number[] = [];
    const worker = async () => {
      for (let i = opens.shift(); i !== undefined; i = opens.shift()) {
        const server = i % 2 === 0 ? first : second;
        const shopper = shoppers[(i * 7) % SHOPPERS] as (typeof shoppers)[number];
        const answer = await fetch(`${server.origin}/api/card`, { method: 'POST', headers, body: JSON.stringify(shopper.lookup) });
        statuses.push(answer.status);
        await answer.arrayBuffer();
      }
    };
    await Promise.all(Array.from({ length: CONNECTIONS }, worker));
    const after = await sandbox.ask<Stats>('stats');
    const failed = statuses.filter((status) => status !== 200).length;
    if (failed > 0) throw new Error(`${failed} of ${OPENS} opens spread over two instances failed`);
    const shopifyRequests = after.graphqlRequests - before.graphqlRequests;
    const tokenRequests = after.tokenRequests - before.tokenRequests;

    return {
      title: `7. Several instances: two BFF processes on one PostgreSQL and one Redis (${CONNECTIONS} connections each; ${ROUNDS} rounds of ${SECONDS} s, medians)`,
      lines: [
        { label: 'cached card opens, one instance', value: perSecond(median(rounds.map((r) => r.single))) },
        {
          label: 'cached card opens, two instances at once',
          value: `${perSecond(median(rounds.map((r) => r.both)))}, p99 ${ms(Math.max(...rounds.map((r) => r.p99Both)))}`,
        },
        { label: 'two instances / one (same run)', value: `${ratio.toFixed(2)}×` },
        {
          label: `Shopify requests for ${OPENS} opens of ${SHOPPERS} shoppers over two instances`,
          value: `${shopifyRequests} (and ${tokenRequests} token requests)`,
          budget: `≤ ${SCALE_OUT_SHOPIFY_BUDGET}`,
          ok: shopifyRequests <= SCALE_OUT_SHOPIFY_BUDGET,
        },
      ],
      data: { rounds, ratio, opens: OPENS, shoppers: SHOPPERS, shopifyRequests, tokenRequests },
    };
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    await onPostgres((client) => client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)).catch(() => undefined);
    const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis
      .connect()
      .then(async () => {
        const keys = await redis.keys(`${prefix}*`);
        if (keys.length > 0) await redis.del(...keys);
      })
      .catch(() => undefined);
    redis.disconnect();
  }
}
