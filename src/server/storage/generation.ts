import type { Db } from './db';

/**
 * A value that changes whenever the database may have changed: a write on this connection
 * (`total_changes()`) or a commit by any other connection to the same file (`data_version`), such as
 * a second instance of the BFF. Reading it takes two tiny statements, far cheaper than the rows it guards.
 */
export function databaseGeneration(db: Db): () => string {
  // Two plain statements: reading both through the pragma_data_version table costs ten times more.
  const dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck();
  const changes = db.prepare<[], number>('SELECT total_changes()').pluck();
  return () => `${dataVersion.get() ?? 0}:${changes.get() ?? 0}`;
}

/** `compute()`, worked out again only when `generation()` has moved since the last time. */
export function memoOnGeneration<T>(generation: () => string, compute: () => T): () => T {
  let memo: { at: string; value: T } | undefined;
  return () => {
    const at = generation();
    if (memo?.at !== at) memo = { at, value: compute() };
    return memo.value;
  };
}
