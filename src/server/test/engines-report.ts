import { postgresReachable, redisReachable, testPostgresUrl, testRedisUrl } from './engines';

/**
 * Vitest's global set-up: says plainly, before any test runs, which engine suites will run and which are
 * skipped because their server does not answer here. With `REQUIRE_ENGINES=1` (as `.ci/run` sets) a missing
 * engine fails the run instead.
 */
export default async function reportEngines(): Promise<void> {
  const address = (url: string) => url.replace(/\/\/[^@/]*@/, '//');
  const [postgres, redis] = await Promise.all([postgresReachable(), redisReachable()]);
  const missing = [
    ...(postgres
      ? []
      : [`PostgreSQL does not answer at ${address(testPostgresUrl)}: the PostgreSQL storage suites are SKIPPED (SQLite ones run).`]),
    ...(redis ? [] : [`Redis does not answer at ${address(testRedisUrl)}: the Redis suites are SKIPPED.`]),
  ];
  if (missing.length === 0) {
    console.log(`Engine suites run on SQLite, PostgreSQL (${address(testPostgresUrl)}) and Redis (${address(testRedisUrl)}).`);
    return;
  }
  if (process.env.REQUIRE_ENGINES === '1') throw new Error(`${missing.join(' ')} REQUIRE_ENGINES=1 asks for every engine.`);
  for (const message of missing) console.warn(`\n  ${message}\n`);
}
