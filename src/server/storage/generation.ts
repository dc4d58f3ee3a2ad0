import type { Db } from './db';

/**
 * A value that changes whenever the database may have changed: at once for a write on this
 * connection (`total_changes()`), and within `otherConnectionsMs` for a commit by another connection
 * to the same file (`data_version`), such as a second instance of the BFF. Far cheaper to read than
 * the rows it guards; `data_version` is read at most once per period, as a card open would otherwise
 * spend more on it than on anything else of its own.
 */
export function databaseGeneration(db: Db, options: { otherConnectionsMs?: number; now?: () => number } = {}): () => string {
  const { otherConnectionsMs = 250, now = () => performance.now() } = options;
  const dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck();
  const changes = db.prepare<[], number>('SELECT total_changes()').pluck();
  let version = dataVersion.get() ?? 0;
  let checkedAt = now();
  return () => {
    const at = now();
    if (at - checkedAt >= otherConnectionsMs) {
      version = dataVersion.get() ?? 0;
      checkedAt = at;
    }
    return `${version}:${changes.get() ?? 0}`;
  };
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
