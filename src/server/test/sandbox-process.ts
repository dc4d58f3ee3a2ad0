import { startSandboxStore } from '../../../mocks/shopify/store';

/**
 * The sandbox store in a process of its own, for tests that run the BFF as real processes. It tells its parent
 * its origin over IPC once it listens, and answers `stats` with what it has been asked. `SANDBOX_BULK_START_MS`
 * holds each bulk operation that long before it runs, so that a test can catch a People run in the middle.
 */
const running = await startSandboxStore({
  port: 0,
  bulk: { startDelayMs: Number(process.env.SANDBOX_BULK_START_MS ?? 0), pageDelayMs: 0 },
});
const { store } = running;

process.on('message', (message: { type?: string }) => {
  if (message.type !== 'stats') return;
  const operations: Record<string, number> = {};
  for (const record of store.stats.graphql) {
    const name = record.operationName ?? '(none)';
    operations[name] = (operations[name] ?? 0) + 1;
  }
  process.send?.({ type: 'stats', tokenRequests: store.stats.tokenRequests, operations, customers: store.index.customersById.size });
});
process.send?.({ type: 'ready', origin: running.origin });
