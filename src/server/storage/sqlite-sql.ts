import type Database from 'better-sqlite3';
import type { Sql, SqlRow, SqlValue } from './sql';

/**
 * `Sql` over one better-sqlite3 connection. Its calls are synchronous, so a statement outside a transaction
 * runs at once; but a transaction's work awaits between statements, and anything else sent on the connection
 * meanwhile would land inside it (and be rolled back with it). So while a transaction is open, every other
 * caller waits for it, transactions included: they run one at a time, in the order they were asked for.
 */
export function sqliteSql(db: Database.Database): Sql {
  const statements = new Map<string, Database.Statement>();
  let queue: Promise<unknown> = Promise.resolve();
  let open = 0;

  function prepared(text: string): Database.Statement {
    let statement = statements.get(text);
    if (!statement) {
      statement = db.prepare(text);
      statements.set(text, statement);
    }
    return statement;
  }

  const direct: Omit<Sql, 'transaction' | 'close'> = {
    engine: 'sqlite',
    async all<T extends SqlRow>(text: string, params: readonly SqlValue[] = []) {
      const statement = prepared(text);
      return (statement.reader ? statement.all(...params) : (statement.run(...params), [])) as T[];
    },
    async get<T extends SqlRow>(text: string, params: readonly SqlValue[] = []) {
      const statement = prepared(text);
      if (!statement.reader) {
        statement.run(...params);
        return undefined;
      }
      return statement.get(...params) as T | undefined;
    },
    async run(text: string, params: readonly SqlValue[] = []) {
      return prepared(text).run(...params).changes;
    },
  };

  /** Waits for the transactions ahead, then runs `step`, keeping later callers behind it. */
  function serialised<T>(step: () => Promise<T>): Promise<T> {
    const result = queue.then(step, step);
    queue = result.catch(() => undefined);
    return result;
  }

  const outside =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> =>
      open > 0 ? serialised(() => call(...args)) : call(...args);

  const sql: Sql = {
    engine: 'sqlite',
    all: outside(direct.all) as Sql['all'],
    get: outside(direct.get) as Sql['get'],
    run: outside(direct.run),
    transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
      open += 1;
      return serialised(async () => {
        const tx: Sql = { ...direct, transaction: (inner) => inner(tx), close: async () => undefined };
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await work(tx);
          db.exec('COMMIT');
          return result;
        } catch (error) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw error;
        }
      }).finally(() => {
        open -= 1;
      });
    },
    async close() {
      await queue;
      if (db.open) db.close();
    },
  };
  return sql;
}
