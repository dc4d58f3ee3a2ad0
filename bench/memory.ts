import { agentToken, cardOpenHeaders, extraShoppers } from './lib/bff';
import { startServer, type ChildServer } from './lib/child';
import { load } from './lib/load';
import type { Figure } from './lib/report';
import { distDir } from './weight';

const OPENS = 10_000;
const SHOPPERS = 500;
export const MEMORY_GROWTH_BUDGET = 2;

const mb = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(1)} MB`;

/**
 * Figure 5: the BFF's resident memory (production cache policy) after one warm-up open, and after
 * 10,000 card opens spread over 500 shoppers, looked up by phone or email in turn.
 */
export async function memoryFigure(): Promise<Figure> {
  const servers: ChildServer[] = [];
  try {
    const sandbox = await startServer('sandbox', { BENCH_EXTRA_CUSTOMERS: String(SHOPPERS) });
    servers.push(sandbox);
    const bff = await startServer('bff', { BENCH_SANDBOX_ORIGIN: sandbox.origin, BENCH_DIST: distDir }, { exposeGc: true });
    servers.push(bff);
    const headers = cardOpenHeaders(await agentToken());
    const bodies = extraShoppers(SHOPPERS).map((shopper) => JSON.stringify(shopper.lookup));
    const url = `${bff.origin}/api/card`;

    const warmUp = await fetch(url, { method: 'POST', headers, body: bodies[0] });
    if (!warmUp.ok) throw new Error(`The warm-up open answered ${warmUp.status}`);
    await warmUp.text();
    const memory = () => bff.ask<NodeJS.MemoryUsage>('memory');
    const atStart = await memory();
    const run = await load({ url, method: 'POST', headers, bodies, connections: 10, amount: OPENS });
    if (run.failures > 0) throw new Error(`${run.failures} of ${run.requests} card opens failed`);
    const after = await memory();
    const afterGc = await bff.ask<NodeJS.MemoryUsage>('memory', { gc: true });
    const growth = after.rss / atStart.rss;

    return {
      title: `5. BFF memory (${OPENS.toLocaleString('en-GB')} card opens over ${SHOPPERS} shoppers, production cache policy)`,
      lines: [
        { label: 'resident memory after start and one open', value: mb(atStart.rss) },
        {
          label: `resident memory after ${OPENS.toLocaleString('en-GB')} opens`,
          value: `${mb(after.rss)} (${growth.toFixed(2)}×)`,
          budget: `≤ ${MEMORY_GROWTH_BUDGET}×`,
          ok: growth <= MEMORY_GROWTH_BUDGET,
        },
        {
          label: 'JavaScript heap used: start, after, after a full GC',
          value: `${mb(atStart.heapUsed)}, ${mb(after.heapUsed)}, ${mb(afterGc.heapUsed)}`,
        },
      ],
      data: { opens: run.requests, shoppers: SHOPPERS, atStart, after, afterGc },
    };
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
  }
}
