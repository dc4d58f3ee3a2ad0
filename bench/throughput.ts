import { personas } from '../mocks/shopify/personas';
import { agentToken, cardOpenHeaders, extraShoppers } from './lib/bff';
import { startServer, type ChildServer } from './lib/child';
import { load, type LoadResult } from './lib/load';
import { kB, median, ms, perSecond, type Figure } from './lib/report';
import { distDir } from './weight';

/** Ten agents opening cards at the very same moment, again and again. */
const CONNECTIONS = 10;
const SECONDS = 3;
const WARM_UP_SECONDS = 1;
/**
 * Each round measures the yardsticks and the cached opens back to back, and the ratio is taken within
 * the round: a burst of noise on the shared machine then spoils one round, not the figure (the median).
 */
const ROUNDS = 5;
export const CACHED_P99_BUDGET_MS = 20;
export const CACHED_SHARE_OF_BARE = 0.5;

type Target = { url: string; method?: 'POST'; headers?: Record<string, string>; bodies?: string[] };

async function measure(target: Target): Promise<LoadResult> {
  await load({ ...target, connections: CONNECTIONS, duration: WARM_UP_SECONDS });
  const result = await load({ ...target, connections: CONNECTIONS, duration: SECONDS });
  if (result.failures > 0) throw new Error(`${result.failures} of ${result.requests} requests to ${target.url} failed`);
  return result;
}

/** Median throughput and p50 over the rounds; the worst p99. */
function combine(results: LoadResult[]): LoadResult {
  return {
    requestsPerSecond: median(results.map((r) => r.requestsPerSecond)),
    p50Ms: median(results.map((r) => r.p50Ms)),
    p99Ms: Math.max(...results.map((r) => r.p99Ms)),
    requests: results.reduce((sum, r) => sum + r.requests, 0),
    failures: 0,
    seconds: results.reduce((sum, r) => sum + r.seconds, 0),
  };
}

type Round = { minimal: LoadResult; bare: LoadResult; cached: LoadResult };

/**
 * Figure 3: card opens a second and their latency, each server in a process of its own: bare Hono
 * endpoints, the BFF answering one shopper from its cache, and the BFF with no cache asking the
 * sandbox store for each of 500 shoppers in turn.
 *
 * The budgeted ratio compares cached opens with a bare endpoint answering the same request with the
 * same bytes: what is left between them is the BFF's own work (token, rate limit, lookup, cache,
 * request log, headers). The minimal GET is printed beside it, to show what HTTP itself costs.
 */
export async function throughputFigure(): Promise<Figure> {
  const servers: ChildServer[] = [];
  const start = async (...args: Parameters<typeof startServer>) => {
    const server = await startServer(...args);
    servers.push(server);
    return server;
  };
  try {
    const sandbox = await start('sandbox', { BENCH_EXTRA_CUSTOMERS: '500' });
    const [bare, cachedBff, uncachedBff] = await Promise.all([
      start('bare'),
      start('bff', { BENCH_SANDBOX_ORIGIN: sandbox.origin, BENCH_DIST: distDir }),
      start('bff', { BENCH_SANDBOX_ORIGIN: sandbox.origin, BENCH_DIST: distDir, BENCH_CACHE: 'off' }),
    ]);
    const headers = cardOpenHeaders(await agentToken());
    const cardOpen = (origin: string, bodies: string[]): Target => ({ url: `${origin}/api/card`, method: 'POST', headers, bodies });

    const one = JSON.stringify({ phone: personas.amelie.phone });
    const check = await fetch(`${cachedBff.origin}/api/card`, { method: 'POST', headers, body: one });
    const cardAnswer = await check.text();
    const state = (JSON.parse(cardAnswer) as { state?: string }).state;
    if (state !== 'matched') throw new Error(`The cached card open answered ${check.status} ${state}`);
    await bare.ask('cardAnswer', cardAnswer);

    type Stats = { graphqlRequests: number; failed: number };
    const shopifyRequests = async (during: () => Promise<void>) => {
      const before = await sandbox.ask<Stats>('stats');
      await during();
      const after = await sandbox.ask<Stats>('stats');
      if (after.failed > before.failed) throw new Error(`${after.failed - before.failed} Shopify requests failed at the sandbox store`);
      return after.graphqlRequests - before.graphqlRequests;
    };

    const rounds: Round[] = [];
    const cachedShopifyRequests = await shopifyRequests(async () => {
      for (let round = 0; round < ROUNDS; round += 1) {
        rounds.push({
          minimal: await measure({ url: `${bare.origin}/` }),
          bare: await measure({ ...cardOpen(bare.origin, [one]), url: `${bare.origin}/card` }),
          cached: await measure(cardOpen(cachedBff.origin, [one])),
        });
      }
    });
    const minimal = combine(rounds.map((r) => r.minimal));
    const bareCard = combine(rounds.map((r) => r.bare));
    const cached = combine(rounds.map((r) => r.cached));
    const share = median(rounds.map((r) => r.cached.requestsPerSecond / r.bare.requestsPerSecond));
    const shareOfMinimal = median(rounds.map((r) => r.cached.requestsPerSecond / r.minimal.requestsPerSecond));
    let uncached: LoadResult | undefined;
    const uncachedShopifyRequests = await shopifyRequests(async () => {
      uncached = await measure(
        cardOpen(
          uncachedBff.origin,
          extraShoppers(500).map((shopper) => JSON.stringify(shopper.lookup)),
        ),
      );
    });
    if (!uncached) throw new Error('The uncached run did not finish');

    const row = (result: LoadResult) => `${perSecond(result.requestsPerSecond)}, p50 ${ms(result.p50Ms)}, p99 ${ms(result.p99Ms)}`;
    const percent = (value: number) => `${(value * 100).toFixed(0)}%`;
    return {
      title: `3. BFF throughput (autocannon, ${CONNECTIONS} connections; ${ROUNDS} rounds of ${SECONDS} s per endpoint, medians; ${SECONDS} s uncached; each after ${WARM_UP_SECONDS} s warm-up)`,
      lines: [
        { label: 'bare Hono, GET {"ok":true}', value: row(minimal) },
        { label: `bare Hono, the card's request and ${kB(Buffer.byteLength(cardAnswer))} answer`, value: row(bareCard) },
        { label: 'cached card opens (one shopper)', value: row(cached) },
        {
          label: 'cached opens / bare card endpoint',
          value: percent(share),
          budget: `≥ ${CACHED_SHARE_OF_BARE * 100}%`,
          ok: share >= CACHED_SHARE_OF_BARE,
        },
        { label: 'cached opens / bare GET', value: percent(shareOfMinimal) },
        {
          label: 'cached card opens p99 (worst round)',
          value: ms(cached.p99Ms),
          budget: `< ${CACHED_P99_BUDGET_MS} ms`,
          ok: cached.p99Ms < CACHED_P99_BUDGET_MS,
        },
        { label: 'Shopify requests while cached opens ran', value: String(cachedShopifyRequests) },
        { label: 'uncached card opens (500 shoppers, sandbox store)', value: row(uncached) },
        // The warm-up's opens reach Shopify too, hence more requests than measured opens.
        { label: 'Shopify requests while uncached opens ran', value: uncachedShopifyRequests.toLocaleString('en-GB') },
      ],
      data: {
        connections: CONNECTIONS,
        seconds: SECONDS,
        rounds,
        share,
        shareOfMinimal,
        cardAnswerBytes: Buffer.byteLength(cardAnswer),
        uncached,
        cachedShopifyRequests,
        uncachedShopifyRequests,
      },
    };
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
  }
}
