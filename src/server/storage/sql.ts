/**
 * The one way stores talk to a database, whichever engine holds it: SQLite embedded in the process (the
 * default) or PostgreSQL shared by several instances (`DATABASE_URL`). Statements use `?` placeholders and
 * the SQL both engines understand (`ON CONFLICT … DO UPDATE`, `RETURNING`, ISO-8601 text timestamps, JSON as
 * text); where they differ, a store asks `engine`.
 */
export type SqlValue = string | number | null;
export type SqlRow = Record<string, unknown>;

export type SqlEngine = 'sqlite' | 'postgres';

export interface Sql {
  readonly engine: SqlEngine;
  /** Every row the statement returns. */
  all<T extends SqlRow>(text: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** The first row, or undefined. */
  get<T extends SqlRow>(text: string, params?: readonly SqlValue[]): Promise<T | undefined>;
  /** Runs a statement; the number of rows it changed. */
  run(text: string, params?: readonly SqlValue[]): Promise<number>;
  /**
   * Runs `work` in one transaction that takes the write lock at once (SQLite `BEGIN IMMEDIATE`, PostgreSQL
   * `BEGIN` plus whatever `SELECT … FOR UPDATE` the work asks for): committed when it resolves, rolled back
   * when it throws. Statements must go through `tx`, never the outer handle, inside it.
   */
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * `?` placeholders as PostgreSQL's `$1, $2…`, leaving string literals, quoted identifiers and comments alone.
 * (Statements never use PostgreSQL's own `?` JSON operators.)
 */
export function numberedPlaceholders(text: string): string {
  let out = '';
  let index = 0;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (ch === "'" || ch === '"') {
      const end = closing(text, i, ch);
      out += text.slice(i, end + 1);
      i = end;
    } else if (ch === '-' && text[i + 1] === '-') {
      const end = text.indexOf('\n', i);
      const stop = end === -1 ? text.length - 1 : end;
      out += text.slice(i, stop + 1);
      i = stop;
    } else if (ch === '?') {
      index += 1;
      out += `$${index}`;
    } else {
      out += ch;
    }
  }
  return out;
}

/** Where a quoted run that opens at `start` ends; a doubled quote inside it is an escaped one. */
function closing(text: string, start: number, quote: string): number {
  for (let i = start + 1; i < text.length; i += 1) {
    if (text[i] !== quote) continue;
    if (text[i + 1] === quote) {
      i += 1;
      continue;
    }
    return i;
  }
  return text.length - 1;
}

/** A `LIKE` pattern that matches `value` literally wherever it occurs (with `ESCAPE '\'`). */
export function containsPattern(value: string): string {
  return `%${value.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}
