import { personas } from '../../mocks/shopify/personas';
import { createDemoInbox } from '../../src/server/demo-inbox/app';
import { demoConversations } from '../../src/server/demo-inbox/conversations';
import type { DemoConversation } from '../../src/server/demo-inbox/conversations';
import { benchSecret, createBenchBff, extraShoppers, keepOnly, noCache } from '../lib/bff';
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
  // `BENCH_DEMO_SHOPPERS=n`: the inbox lists n conversations with generated shoppers (each on WhatsApp) instead of the demo's own.
  const generated = Number(env.BENCH_DEMO_SHOPPERS ?? 0);
  const conversations: DemoConversation[] =
    generated > 0
      ? extraShoppers(Number(env.BENCH_EXTRA_CUSTOMERS ?? 500))
          .filter((shopper) => shopper.orders > 0)
          .slice(0, generated)
          .map((shopper, index) => ({
            id: `bench-${index}`,
            channel: 'WHATSAPP',
            customer: { name: shopper.name, phone: shopper.phone },
            preview: 'Where is my order?',
            messages: [{ from: 'customer', text: 'Where is my order?' }],
          }))
      : demoConversations(personas);
  inbox.fetch = createDemoInbox({
    conversations,
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
/**
 * The floor the card is measured against: a bare page on the same origin that asks the BFF for the same
 * card answer (the token in its fragment, the lookup in its query) and paints one row, nothing else.
 */
const floorPage = `<!doctype html><html><head><meta charset="utf-8"><title>floor</title><script>
const query = new URLSearchParams(location.search);
const token = new URLSearchParams(location.hash.slice(1)).get('token');
fetch('/api/card', { method: 'POST', headers: { Authorization: 'Bearer ' + token, 'Content-Type': 'application/json' }, body: JSON.stringify({ phone: query.get('phone') }) })
  .then((response) => response.json())
  .then((card) => {
    const row = document.createElement('article');
    row.textContent = card.orders && card.orders.nodes[0] ? card.orders.nodes[0].name : card.state;
    document.body.append(row);
  });
</script></head><body></body></html>`;
handle = (request) =>
  new URL(request.url).pathname === '/floor'
    ? new Response(floorPage, { headers: { 'Content-Type': 'text/html; charset=utf-8' } })
    : app.fetch(request);

answer({
  memory: (payload) => {
    const gc = (globalThis as { gc?: () => void }).gc;
    if ((payload as { gc?: boolean } | undefined)?.gc && gc) gc();
    return process.memoryUsage();
  },
});
announce({ origin: cardOrigin, inboxOrigin });
