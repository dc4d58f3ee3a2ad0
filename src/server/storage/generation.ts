import type { Sql } from './sql';

/**
 * A number in the database (`config_generation`) that every change to what a card open reads of the setup
 * (credentials, the card's activation, the field mapping) moves in its own transaction. An instance remembers
 * the setup with the generation it read it at, and reads the setup again only when the generation has moved:
 * at once after a change made on this instance, and within `otherInstancesMs` after one made on another
 * instance sharing the database (a second process on the SQLite file, or any instance on PostgreSQL). Checking
 * costs one row read at most that often, far less than the setup's rows on every open.
 */
export type SetupGeneration = {
  /** The current generation: from memory when checked lately, else read (one read shared by every caller). */
  current(): string | Promise<string>;
  /** Runs `work` in a transaction that moves the generation; the next `current()` here reads it again. */
  change<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
};

export function setupGeneration(sql: Sql, options: { otherInstancesMs?: number; now?: () => number } = {}): SetupGeneration {
  const { otherInstancesMs = 250, now = () => performance.now() } = options;
  let known: { value: string; at: number } | undefined;
  let reading: Promise<string> | undefined;
  // Counts changes made here, so that a read started before one never stands for the generation after it.
  let localChanges = 0;

  function read(): Promise<string> {
    if (reading) return reading;
    const startedAt = localChanges;
    const at = now();
    let current: Promise<string> | undefined = undefined;
    current = (async () => {
      try {
        const row = await sql.get<{ value: number }>('SELECT value FROM config_generation WHERE id = 1');
        const value = String(row?.value ?? 0);
        if (localChanges === startedAt) known = { value, at };
        return value;
      } finally {
        if (reading === current) reading = undefined;
      }
    })();
    reading = current;
    return current;
  }

  return {
    current() {
      if (known && now() - known.at < otherInstancesMs) return known.value;
      return read();
    },
    async change<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
      try {
        return await sql.transaction(async (tx) => {
          // First, so that concurrent changes queue on this row (PostgreSQL) and each sees the one before it.
          await tx.run('UPDATE config_generation SET value = value + 1 WHERE id = 1');
          return work(tx);
        });
      } finally {
        localChanges += 1;
        known = undefined;
        reading = undefined;
      }
    },
  };
}

/**
 * `compute()`, worked out again only when `generation()` has moved since the last time. A computation that
 * fails is not remembered: the next call tries again.
 */
export function memoOnGeneration<T>(generation: () => string | Promise<string>, compute: () => Promise<T>): () => Promise<T> {
  let memo: { at: string; value: Promise<T> } | undefined;
  return async () => {
    const current = generation();
    const at = typeof current === 'string' ? current : await current;
    if (memo?.at !== at) {
      const value = compute();
      const entry = { at, value };
      memo = entry;
      value.catch(() => {
        if (memo === entry) memo = undefined;
      });
    }
    return memo.value;
  };
}
