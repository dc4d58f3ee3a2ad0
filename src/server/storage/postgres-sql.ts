import pg from 'pg';
import { AppError } from '../http/problem';
import { numberedPlaceholders, type Sql, type SqlRow, type SqlValue } from './sql';

export type PostgresOptions = {
  connectionString: string;
  /** Connections in this instance's pool. */
  max?: number;
  /** A query that takes longer fails instead of hanging the request. */
  timeoutMs?: number;
  /** Waiting for a connection (the server gone, or every connection busy) fails after this long. */
  connectTimeoutMs?: number;
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

/**
 * Whether an error says PostgreSQL could not be reached or stopped answering, rather than that a statement was
 * wrong: a socket error, a timeout, a connection cut, or the server's own connection and shutdown states.
 */
export function isUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (/^E[A-Z]+$/.test(code)) return true;
    if (/^(08|53|57P)/.test(code)) return true;
    if (/^[0-9A-Z]{5}$/.test(code)) return false;
  }
  return /timeout|terminated|not queryable|connection/i.test(error.message);
}

/** What a request that needed the database answers while it is away: 503, with what to do next. */
export function storageUnavailable(): AppError {
  return new AppError(
    'STORAGE_UNAVAILABLE',
    'The database did not answer. Try again in a few seconds; if this lasts, check that PostgreSQL (DATABASE_URL) is running and reachable from this server.',
  );
}

async function reachable<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw isUnavailable(error) ? storageUnavailable() : error;
  }
}

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
    (await reachable(() => client.query(numbered(text), [...params]))).rows as T[];
  return {
    engine: 'postgres',
    all: <T extends SqlRow>(text: string, params: readonly SqlValue[] = []) => rows<T>(text, params),
    async get<T extends SqlRow>(text: string, params: readonly SqlValue[] = []): Promise<T | undefined> {
      const list: T[] = await rows<T>(text, params);
      return list[0];
    },
    async run(text: string, params: readonly SqlValue[] = []) {
      return (await reachable(() => client.query(numbered(text), [...params]))).rowCount ?? 0;
    },
    transaction,
    close,
  };
}

/**
 * `Sql` over a PostgreSQL pool: each transaction on a connection of its own. A database that cannot be reached
 * or stops answering fails the statement within the timeouts with STORAGE_UNAVAILABLE, never hangs it.
 */
export function postgresSql(options: PostgresOptions): Sql & { pool: pg.Pool } {
  const timeoutMs = options.timeoutMs ?? 5_000;
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 3_000,
    query_timeout: timeoutMs,
    // The server gives up too, so a statement the client stopped waiting for does not keep running there.
    statement_timeout: timeoutMs,
    keepAlive: true,
    types,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // An idle connection that breaks (the server restarts) must not take the process down with it.
  pool.on('error', () => undefined);

  async function transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
    const client = await reachable(() => pool.connect());
    let broken = false;
    try {
      await reachable(() => client.query('BEGIN'));
      const tx: Sql = handle(
        client,
        (inner) => inner(tx),
        async () => undefined,
      );
      const result = await work(tx);
      await reachable(() => client.query('COMMIT'));
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
