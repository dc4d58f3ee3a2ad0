import { postgresReachable, testPostgresUrl } from './engines';

/**
 * Vitest's global set-up: says plainly, before any test runs, which engine suites will run and which are
 * skipped because their server does not answer here. With `REQUIRE_ENGINES=1` (as `.ci/run` sets) a missing
 * engine fails the run instead.
 */
export default async function reportEngines(): Promise<void> {
  const postgres = await postgresReachable();
  const address = testPostgresUrl.replace(/\/\/[^@/]*@/, '//');
  if (postgres) {
    console.log(`Storage suites run on SQLite and on PostgreSQL (${address}).`);
    return;
  }
  const message = `PostgreSQL does not answer at ${address}: the PostgreSQL storage suites are SKIPPED (SQLite ones run).`;
  if (process.env.REQUIRE_ENGINES === '1') throw new Error(`${message} REQUIRE_ENGINES=1 asks for every engine.`);
  console.warn(`\n  ${message}\n`);
}
