import type { PeopleSyncState } from '../src/shared/people';
import { startServer, type ChildServer } from './lib/child';
import { perSecond, type Figure } from './lib/report';

const CUSTOMERS = 100_000;
const CHANGED = 1_000;
export const PEOPLE_RATE_BUDGET = 2_000;
export const PEOPLE_MEMORY_BUDGET_MB = 150;

type Run = { outcome: string; seconds: number; peakRss: number; status: PeopleSyncState };
type Stats = { tokenRequests: number; graphqlRequests: number; failed: number };

const mb = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(1)} MB`;

/**
 * Figure: People. The first run over a store of 100,000 generated customers (with their addresses and about one
 * order each), end to end: the bulk operation, its file streamed, people and events written in batches; the
 * BFF's highest resident memory during it over its memory at rest. Then an incremental run after 1,000 customers
 * changed: the Shopify requests it made and how long it took.
 */
export async function peopleFigure(): Promise<Figure> {
  const servers: ChildServer[] = [];
  try {
    const sandbox = await startServer('sandbox', { BENCH_EXTRA_CUSTOMERS: String(CUSTOMERS) });
    servers.push(sandbox);
    const bff = await startServer('people', { BENCH_SANDBOX_ORIGIN: sandbox.origin }, { exposeGc: true });
    servers.push(bff);
    const idle = await bff.ask<NodeJS.MemoryUsage>('memory', { gc: true });

    const initial = await bff.ask<Run>('run');
    const people = initial.status.counts.people;
    if (initial.status.lastRun?.error) throw new Error(`The first run stopped: ${initial.status.lastRun.error}`);
    const rate = people / initial.seconds;
    const growthMb = (initial.peakRss - idle.rss) / 1024 ** 2;

    await sandbox.ask('changeCustomers', { count: CHANGED });
    const before = await sandbox.ask<Stats>('stats');
    const incremental = await bff.ask<Run>('run');
    const after = await sandbox.ask<Stats>('stats');
    if (incremental.status.lastRun?.error) throw new Error(`The incremental run stopped: ${incremental.status.lastRun.error}`);
    const requests = after.graphqlRequests - before.graphqlRequests;

    return {
      title: `People: first sync of ${CUSTOMERS.toLocaleString('en-GB')} customers, then ${CHANGED.toLocaleString('en-GB')} changed`,
      lines: [
        {
          label: `first run: ${people.toLocaleString('en-GB')} people, ${initial.status.counts.events.toLocaleString('en-GB')} events`,
          value: `${initial.seconds.toFixed(1)} s, ${perSecond(rate)}`,
          budget: `≥ ${perSecond(PEOPLE_RATE_BUDGET)}`,
          ok: rate >= PEOPLE_RATE_BUDGET,
        },
        {
          label: 'BFF peak resident memory over idle',
          value: `+${growthMb.toFixed(1)} MB (${mb(idle.rss)} → ${mb(initial.peakRss)})`,
          budget: `≤ +${PEOPLE_MEMORY_BUDGET_MB} MB`,
          ok: growthMb <= PEOPLE_MEMORY_BUDGET_MB,
        },
        {
          label: `incremental run after ${CHANGED.toLocaleString('en-GB')} customers changed`,
          value: `${incremental.seconds.toFixed(2)} s, ${requests} Shopify requests, ${incremental.status.lastRun?.updated ?? 0} people updated`,
        },
      ],
      data: { customers: CUSTOMERS, idle, initial, incremental, requests },
    };
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
  }
}
