import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sandboxShop } from '../../mocks/shopify/personas';
import { basicPeopleMapping } from '../../src/shared/people';
import { createServices } from '../../src/server/setup/services';
import { openDatabase } from '../../src/server/storage/db';
import { sqliteSql } from '../../src/server/storage/sqlite-sql';
import { benchSecret } from '../lib/bff';
import { announce, answer } from './ipc';

/**
 * The BFF's People sync against the sandbox store at `BENCH_SANDBOX_ORIGIN`, over a SQLite file as `npm start`
 * keeps it, with the basic mapping, activated. `run` runs (or resumes) one sync run and reports how long it
 * took and the highest resident memory seen while it ran, sampled every 50 ms.
 */
const sandboxOrigin = process.env.BENCH_SANDBOX_ORIGIN;
if (!sandboxOrigin) throw new Error('BENCH_SANDBOX_ORIGIN is required');
const dir = mkdtempSync(join(tmpdir(), 'bench-people-'));
process.once('exit', () => rmSync(dir, { recursive: true, force: true }));

const services = createServices({
  sql: sqliteSql(openDatabase(join(dir, 'context-card.db'))),
  appSecret: benchSecret,
  endpoint: { apiOrigin: sandboxOrigin },
  peopleSync: { intervalMs: 180_000, pollMs: 200, maxPollMs: 500 },
});
const credential = await services.credentials.create({
  name: 'Sandbox',
  kind: 'client_credentials',
  shopDomain: sandboxShop.domain,
  clientId: sandboxShop.clientId,
  secret: sandboxShop.clientSecret,
});
await services.peopleSettings.setCredential(credential.id, 'bench');
await services.peopleSettings.saveMapping(basicPeopleMapping, 0, 'bench');
await services.peopleSettings.setActive(true, 'bench');

answer({
  memory: (payload) => {
    const gc = (globalThis as { gc?: () => void }).gc;
    if ((payload as { gc?: boolean } | undefined)?.gc && gc) gc();
    return process.memoryUsage();
  },
  run: async () => {
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 50);
    // Due now, whatever the schedule says: as Run now would.
    await services.peopleSettings.requestRun(credential.shopDomain);
    const started = performance.now();
    const outcome = await services.peopleSync.tick();
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    return { outcome, seconds, peakRss, status: await services.peopleSync.status() };
  },
});
announce({ origin: 'ipc' });
