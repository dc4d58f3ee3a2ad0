import { join } from 'node:path';
import { migratePostgres, openDatabase } from './db';
import { postgresSql } from './postgres-sql';
import type { Sql } from './sql';
import { sqliteSql } from './sqlite-sql';

export type StorageOptions = {
  /** `postgres://…`: PostgreSQL, shared by every instance. Without it, SQLite in `dataDir`. */
  databaseUrl?: string | undefined;
  dataDir: string;
};

/**
 * The database everything is kept in, brought up to date: PostgreSQL when `databaseUrl` is given (several
 * instances queue on a lock to migrate it, so each migration runs once), else the SQLite file
 * `context-card.db` in `dataDir`, embedded in this process.
 */
export async function openStorage(options: StorageOptions): Promise<Sql> {
  if (!options.databaseUrl) return sqliteSql(openDatabase(join(options.dataDir, 'context-card.db')));
  const sql = postgresSql({ connectionString: options.databaseUrl });
  try {
    await migratePostgres(sql);
  } catch (error) {
    await sql.close();
    throw error;
  }
  return sql;
}

/** Where the database is, for a log line: the engine and the PostgreSQL address without its credentials. */
export function storageDescription(options: StorageOptions): string {
  if (!options.databaseUrl) return `SQLite at ${join(options.dataDir, 'context-card.db')}`;
  const url = new URL(options.databaseUrl);
  return `PostgreSQL at ${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`;
}
