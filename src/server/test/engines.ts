import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migratePostgres, openDatabase } from '../storage/db';
import { postgresSql } from '../storage/postgres-sql';
import type { Sql, SqlEngine } from '../storage/sql';
import { sqliteSql } from '../storage/sqlite-sql';

/** Where the engine suites find PostgreSQL and Redis; `.ci/run` makes sure they answer there. */
export const testPostgresUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const testRedisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

let reachable: Promise<boolean> | undefined;

/** Whether PostgreSQL answers; asked once per test file. */
export function postgresReachable(): Promise<boolean> {
  reachable ??= (async () => {
    const client = new pg.Client({ connectionString: testPostgresUrl, connectionTimeoutMillis: 2_000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return reachable;
}

let redisAnswers: Promise<boolean> | undefined;

/** Whether Redis answers a PING; asked once per test file. */
export function redisReachable(): Promise<boolean> {
  redisAnswers ??= (async () => {
    const { Redis } = await import('ioredis');
    const client = new Redis(testRedisUrl, {
      lazyConnect: true,
      connectTimeout: 1_000,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    try {
      await client.connect();
      return (await client.ping()) === 'PONG';
    } catch {
      return false;
    } finally {
      client.disconnect();
    }
  })();
  return redisAnswers;
}

export type TestEngine = {
  name: SqlEngine;
  /** False when the engine does not answer here: its suites are skipped (and `npm test` says so at the start). */
  available: boolean;
  /** A fresh, migrated database of this engine; `close()` throws it away. */
  open(): Promise<Sql>;
};

/** A database of each engine for storage tests: SQLite always, PostgreSQL when it answers. */
export async function testEngines(): Promise<TestEngine[]> {
  return [
    { name: 'sqlite', available: true, open: async () => sqliteSql(openDatabase(':memory:')) },
    { name: 'postgres', available: await postgresReachable(), open: openTestPostgres },
  ];
}

/** A schema of its own in the test database, so that test files running at once never meet. */
export async function openTestPostgres(): Promise<Sql> {
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: testPostgresUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const sql = postgresSql({ connectionString: testPostgresUrl, schema, max: 4 });
  await migratePostgres(sql);
  return {
    ...sql,
    async close() {
      await sql.close();
      const dropper = new pg.Client({ connectionString: testPostgresUrl });
      await dropper.connect();
      await dropper.query(`DROP SCHEMA ${schema} CASCADE`);
      await dropper.end();
    },
  };
}
