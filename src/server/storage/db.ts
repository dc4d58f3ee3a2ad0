import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { migrations, type Migration } from './migrations';
import type { Sql, SqlEngine } from './sql';

export type Db = Database.Database;

/** A migration's text for one engine. */
export function migrationText(migration: Migration, engine: SqlEngine): string {
  return typeof migration === 'string' ? migration : migration[engine];
}

/** Opens (or creates) the SQLite database and brings its schema up to date. `:memory:` for tests. */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // In WAL mode a commit need not wait for the disk: a crash of the process loses nothing committed, and only a
  // power loss can lose the last commits. A sync run commits a batch at a time; FULL spent most of it in fsync.
  db.pragma('synchronous = NORMAL');
  // 16 MB of page cache (the default is 2 MB): a sync batch touches more index pages than that.
  db.pragma('cache_size = -16000');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

export function migrate(db: Db): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
  const applied = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
  const record = db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)');
  for (const [index, migration] of migrations.entries()) {
    const version = index + 1;
    if (applied.has(version)) continue;
    db.transaction(() => {
      db.exec(migrationText(migration, 'sqlite'));
      record.run(version, new Date().toISOString());
    })();
  }
}

/** An arbitrary constant: the advisory lock every instance takes to migrate PostgreSQL, one at a time. */
const MIGRATION_LOCK = 7_411_930_223;

/**
 * Brings a PostgreSQL schema up to date. Instances that start together queue on one advisory lock held for
 * the transaction, so each migration runs once, whichever instance gets there first; the others then find
 * it applied.
 */
export async function migratePostgres(sql: Sql): Promise<void> {
  await sql.transaction(async (tx) => {
    await tx.get('SELECT pg_advisory_xact_lock(?)', [MIGRATION_LOCK]);
    await tx.run('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
    const applied = new Set((await tx.all<{ version: number }>('SELECT version FROM schema_migrations')).map((row) => row.version));
    for (const [index, migration] of migrations.entries()) {
      const version = index + 1;
      if (applied.has(version)) continue;
      await tx.run(migrationText(migration, 'postgres'));
      await tx.run('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)', [version, new Date().toISOString()]);
    }
  });
}
