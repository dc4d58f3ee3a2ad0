import { startSandboxStore } from '../../mocks/shopify/store';
import { announce, answer } from './ipc';

/**
 * The sandbox store for the benchmarks, with `BENCH_EXTRA_CUSTOMERS` generated shoppers. Its cost
 * bucket never runs dry: throughput is about the BFF, and figure 2 says what Shopify's limits allow.
 */
const running = await startSandboxStore({
  port: 0,
  extraCustomers: Number(process.env.BENCH_EXTRA_CUSTOMERS ?? 0),
  latencyMs: Number(process.env.BENCH_LATENCY_MS ?? 0),
  bucket: { maximumAvailable: 1e12, restoreRate: 1e12 },
  // Bulk operations run as fast as the store can write them: the People figures are about the BFF.
  bulk: { startDelayMs: 0, pageDelayMs: 0 },
});
const { store } = running;

answer({
  latency: (payload) => {
    store.state.latencyMs = (payload as { ms: number }).ms;
  },
  /** Changes `count` customers (tags and city), as a busy shop would between two sync runs. */
  changeCustomers: (payload) => {
    const count = (payload as { count: number }).count;
    const ids = [...store.index.customersById.keys()].slice(-count);
    for (const id of ids) store.changes.updateCustomer(id, { tags: ['bench-changed'] });
    return { changed: ids.length };
  },
  stats: () => ({
    tokenRequests: store.stats.tokenRequests,
    graphqlRequests: store.stats.graphqlRequests,
    failed: store.stats.graphql.filter((record) => record.status !== 200 || record.errorCode !== null).length,
  }),
});
announce({ origin: running.origin });
