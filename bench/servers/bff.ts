import { personas } from '../../mocks/shopify/personas';
import { createDemoInbox } from '../../src/server/demo-inbox/app';
import { demoConversations } from '../../src/server/demo-inbox/conversations';
import { benchSecret, createBenchBff, keepOnly, noCache } from '../lib/bff';
import { announce, answer, listen } from './ipc';

/**
 * The BFF under load, against the sandbox store at `BENCH_SANDBOX_ORIGIN`, with the production
 * cache policy, none (`BENCH_CACHE=off`) or only the last good answers kept for when Shopify fails
 * (`BENCH_CACHE=keep`); with `BENCH_DEMO=1` the demo inbox too, on another origin. `BENCH_DATABASE_URL` and
 * `BENCH_REDIS_URL` (with `BENCH_REDIS_PREFIX`) make it one of several instances on PostgreSQL and Redis.
 */
const env = process.env;
const sandboxOrigin = env.BENCH_SANDBOX_ORIGIN;
if (!sandboxOrigin) throw new Error('BENCH_SANDBOX_ORIGIN is required');

// The card needs the inbox's origin (frame-ancestors) and the inbox the card's: listen first, wire after.
let handle: (request: Request) => Response | Promise<Response> = () => new Response('Starting', { status: 503 });
const card = await listen((request) => handle(request));
const cardOrigin = `http://127.0.0.1:${card.port}`;

let inboxOrigin: string | undefined;
if (env.BENCH_DEMO === '1') {
  const inbox: { fetch?: (request: Request) => Response | Promise<Response> } = {};
  inboxOrigin = `http://localhost:${(await listen((request) => (inbox.fetch ? inbox.fetch(request) : new Response('Starting', { status: 503 })))).port}`;
  inbox.fetch = createDemoInbox({
    conversations: demoConversations(personas),
    cardOrigin,
    appSecret: benchSecret,
    origin: inboxOrigin,
  }).fetch;
}

const { app } = await createBenchBff({
  sandboxOrigin,
  ...(env.BENCH_CACHE === 'off' ? { cache: noCache } : env.BENCH_CACHE === 'keep' ? { cache: keepOnly } : {}),
  distDir: env.BENCH_DIST ?? 'dist',
  allowedHostOrigins: inboxOrigin ? [inboxOrigin] : [],
  databaseUrl: env.BENCH_DATABASE_URL,
  redis: env.BENCH_REDIS_URL ? { url: env.BENCH_REDIS_URL, prefix: env.BENCH_REDIS_PREFIX ?? 'bench:' } : undefined,
});
handle = app.fetch;

answer({
  memory: (payload) => {
    const gc = (globalThis as { gc?: () => void }).gc;
    if ((payload as { gc?: boolean } | undefined)?.gc && gc) gc();
    return process.memoryUsage();
  },
});
announce({ origin: cardOrigin, inboxOrigin });
