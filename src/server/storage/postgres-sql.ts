import pg from 'pg';
import { numberedPlaceholders, type Sql, type SqlRow, type SqlValue } from './sql';

export type PostgresOptions = {
  connectionString: string;
  /** Connections in this instance's pool. */
  max?: number;
  /** A query (or waiting for a connection) that takes longer fails instead of hanging the request. */
  timeoutMs?: number;
  /** Every statement runs in this schema (tests give each file a schema of its own). */
  schema?: string;
};

/** COUNT(*) and BIGINT come back as strings by default; ours fit a double. */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === pg.types.builtins.INT8 && format !== 'binary') return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
};

type Queryable = pg.Pool | pg.PoolClient;

function handle(client: Queryable, transaction: Sql['transaction'], close: Sql['close']): Sql {
  const texts = new Map<string, string>();
  const numbered = (text: string) => {
    let out = texts.get(text);
    if (out === undefined) {
      out = numberedPlaceholders(text);
      texts.set(text, out);
    }
    return out;
  };
  // Pool and PoolClient share query(), but TypeScript cannot pick its generic overload through the union.
  const rows = async <T extends SqlRow>(text: string, params: readonly SqlValue[]): Promise<T[]> =>
    (await client.query(numbered(text), [...params])).rows as T[];
  return {
    engine: 'postgres',
    all: <T extends SqlRow>(text: string, params: readonly SqlValue[] = []) => rows<T>(text, params),
    async get<T extends SqlRow>(text: string, params: readonly SqlValue[] = []): Promise<T | undefined> {
      const list: T[] = await rows<T>(text, params);
      return list[0];
    },
    async run(text: string, params: readonly SqlValue[] = []) {
      return (await client.query(numbered(text), [...params])).rowCount ?? 0;
    },
    transaction,
    close,
  };
}

/** `Sql` over a PostgreSQL pool: each transaction on a connection of its own. */
export function postgresSql(options: PostgresOptions): Sql & { pool: pg.Pool } {
  const timeoutMs = options.timeoutMs ?? 5_000;
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    connectionTimeoutMillis: timeoutMs,
    query_timeout: timeoutMs,
    types,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // An idle connection that breaks (the server restarts) must not take the process down with it.
  pool.on('error', () => undefined);

  async function transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      const tx: Sql = handle(
        client,
        (inner) => inner(tx),
        async () => undefined,
      );
      const result = await work(tx);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      throw error;
    } finally {
      client.release(broken);
    }
  }

  const sql = handle(pool, transaction, async () => {
    await pool.end();
  });
  return { ...sql, pool };
}
