import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  /**
   * Two handles on one fresh database, as two instances have (two connections to one SQLite file, two pools on
   * one PostgreSQL schema); closing both throws it away.
   */
  openTwo(): Promise<[Sql, Sql]>;
};

/** A database of each engine for storage tests: SQLite always, PostgreSQL when it answers. */
export async function testEngines(): Promise<TestEngine[]> {
  return [
    { name: 'sqlite', available: true, open: async () => sqliteSql(openDatabase(':memory:')), openTwo: twoSqliteConnections },
    {
      name: 'postgres',
      available: await postgresReachable(),
      open: openTestPostgres,
      openTwo: async () => {
        const [first, second] = await openTestPostgresPools(2);
        return [first as Sql, second as Sql];
      },
    },
  ];
}

/** A schema of its own in the test database, so that test files running at once never meet. */
export async function openTestPostgres(): Promise<Sql> {
  const [sql] = await openTestPostgresPools(1);
  return sql as Sql;
}

/** A fresh schema with `count` pools on it, migrated; it is dropped once every pool is closed. */
export async function openTestPostgresPools(count: number): Promise<Sql[]> {
  const schema = await createTestSchema();
  const pools = Array.from({ length: count }, () => postgresSql({ connectionString: testPostgresUrl, schema, max: 4 }));
  await Promise.all(pools.map((pool) => migratePostgres(pool)));
  let open = count;
  return pools.map((sql) => ({
    ...sql,
    async close() {
      await sql.close();
      open -= 1;
      if (open === 0) await dropTestSchema(schema);
    },
  }));
}

/** A new empty schema in the test database, for one test's data. */
export async function createTestSchema(): Promise<string> {
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: testPostgresUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  return schema;
}

export async function dropTestSchema(schema: string): Promise<void> {
  const dropper = new pg.Client({ connectionString: testPostgresUrl });
  await dropper.connect();
  await dropper.query(`DROP SCHEMA ${schema} CASCADE`);
  await dropper.end();
}

async function twoSqliteConnections(): Promise<[Sql, Sql]> {
  const dir = mkdtempSync(join(tmpdir(), 'card-db-'));
  const file = join(dir, 'context-card.db');
  const handles = [sqliteSql(openDatabase(file)), sqliteSql(openDatabase(file))];
  let open = 2;
  const [first, second] = handles.map((sql) => ({
    ...sql,
    async close() {
      await sql.close();
      open -= 1;
      if (open === 0) rmSync(dir, { recursive: true, force: true });
    },
  }));
  return [first as Sql, second as Sql];
}
