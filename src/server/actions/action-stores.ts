import { createHash, randomUUID } from 'node:crypto';
import {
  actionSettingsSchema,
  defaultActionSettings,
  type ActionKind,
  type ActionOutcome,
  type ActionSettings,
  type AuditEntry,
  type SavedActionSettings,
} from '../../shared/actions';
import type { ProblemCode } from '../../shared/problem';
import { AppError } from '../http/problem';
import type { Sql, SqlValue } from '../storage/sql';

function parse<T>(text: string | null | undefined, fallback: T): T {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/** The Actions tab's settings: append-only versions, with 409 conflicts like the field mapping. */
export function createActionSettingsStore(sql: Sql, now: () => number = Date.now) {
  return {
    async current(): Promise<SavedActionSettings> {
      const row = await sql.get<{ version: number; settings: string; saved_by: string; saved_at: string }>(
        'SELECT version, settings, saved_by, saved_at FROM action_settings ORDER BY version DESC LIMIT 1',
      );
      const parsed = actionSettingsSchema.safeParse(parse(row?.settings, null));
      // Nothing saved (or unreadable): every action off for agents.
      if (!row || !parsed.success) return { version: row?.version ?? 0, settings: defaultActionSettings, savedBy: null, savedAt: null };
      return { version: row.version, settings: parsed.data, savedBy: row.saved_by, savedAt: row.saved_at };
    },

    async save(settings: ActionSettings, expectedVersion: number, by: string): Promise<SavedActionSettings> {
      try {
        return await sql.transaction(async (tx) => {
          const current = (await tx.get<{ version: number | null }>('SELECT MAX(version) AS version FROM action_settings'))?.version ?? 0;
          if (current !== expectedVersion) {
            throw new AppError(
              'CONFIG_CONFLICT',
              `The action settings were saved by someone else (version ${current}); reload to see them.`,
            );
          }
          const savedAt = new Date(now()).toISOString();
          await tx.run('INSERT INTO action_settings (version, settings, saved_by, saved_at) VALUES (?, ?, ?, ?)', [
            current + 1,
            JSON.stringify(settings),
            by,
            savedAt,
          ]);
          return { version: current + 1, settings, savedBy: by, savedAt };
        });
      } catch (error) {
        if (!(error instanceof AppError) && /duplicate key|UNIQUE constraint/i.test(String(error))) {
          throw new AppError('CONFIG_CONFLICT', 'The action settings were saved by someone else just now; reload to see them.');
        }
        throw error;
      }
    },
  };
}
export type ActionSettingsStore = ReturnType<typeof createActionSettingsStore>;

/** A stored refusal or failure that the same key gets again. */
export type StoredFailure = { code: ProblemCode; detail: string };
export type KeyClaim =
  { state: 'new' } | { state: 'done'; outcome: ActionOutcome | { failure: StoredFailure } } | { state: 'pending' } | { state: 'mismatch' };

/** How long a key is remembered: a retry a day later is a new action. */
const KEY_LIFETIME_MS = 24 * 3_600_000;

/** A request's fingerprint: the same key with another request is refused, not replayed. */
export function fingerprintOf(actor: string, action: ActionKind, request: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify([actor, action, request]))
    .digest('base64url');
}

/**
 * Idempotency keys (as Stripe keeps them): the first request with a key claims it, does the work and stores the
 * outcome; the same key with the same request gets that outcome again and nothing is done twice; the same key
 * with another request, or from another agent, is refused.
 */
export function createActionKeyStore(sql: Sql, now: () => number = Date.now) {
  return {
    async claim(key: string, actor: string, action: ActionKind, fingerprint: string): Promise<KeyClaim> {
      const at = now();
      await sql.run('DELETE FROM action_keys WHERE expires_at < ?', [new Date(at).toISOString()]);
      const inserted = await sql.run(
        `INSERT INTO action_keys (key, actor, action, fingerprint, state, created_at, expires_at) VALUES (?, ?, ?, ?, 'pending', ?, ?)
         ON CONFLICT (key) DO NOTHING`,
        [key, actor, action, fingerprint, new Date(at).toISOString(), new Date(at + KEY_LIFETIME_MS).toISOString()],
      );
      if (inserted === 1) return { state: 'new' };
      const row = await sql.get<{ fingerprint: string; state: 'pending' | 'done'; outcome: string | null }>(
        'SELECT fingerprint, state, outcome FROM action_keys WHERE key = ?',
        [key],
      );
      if (!row) return this.claim(key, actor, action, fingerprint);
      if (row.fingerprint !== fingerprint) return { state: 'mismatch' };
      if (row.state === 'pending') return { state: 'pending' };
      return { state: 'done', outcome: parse(row.outcome, { failure: { code: 'INTERNAL', detail: 'The first outcome is unreadable.' } }) };
    },

    async finish(key: string, outcome: ActionOutcome | { failure: StoredFailure }): Promise<void> {
      await sql.run("UPDATE action_keys SET state = 'done', outcome = ? WHERE key = ?", [JSON.stringify(outcome), key]);
    },

    /** Forgets a key whose action did not reach a result (Shopify unreachable), so a retry may try again. */
    async release(key: string): Promise<void> {
      await sql.run("DELETE FROM action_keys WHERE key = ? AND state = 'pending'", [key]);
    },
  };
}
export type ActionKeyStore = ReturnType<typeof createActionKeyStore>;

export type AuditFilter = {
  action?: ActionKind;
  result?: AuditEntry['result'];
  actor?: string;
  orderName?: string;
  from?: string;
  to?: string;
};

type AuditRow = {
  id: string;
  at: string;
  actor: string;
  role: AuditEntry['role'];
  action: ActionKind;
  order_id: string | null;
  order_name: string | null;
  amount: string | null;
  currency: string | null;
  summary: string;
  conversation_id: string | null;
  host: string | null;
  result: AuditEntry['result'];
  error_code: string | null;
  error: string | null;
  idempotency_key: string;
};

/** Every attempted action, newest first for admins: who, what, the amount, where from, and how it ended. */
export function createAuditLog(sql: Sql, now: () => number = Date.now) {
  return {
    async record(entry: Omit<AuditEntry, 'id' | 'at'>): Promise<AuditEntry> {
      const stored: AuditEntry = { ...entry, id: randomUUID(), at: new Date(now()).toISOString() };
      await sql.run(
        `INSERT INTO audit_log (id, at, actor, role, action, order_id, order_name, amount, currency, summary, conversation_id, host, result,
           error_code, error, idempotency_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          stored.id,
          stored.at,
          stored.actor,
          stored.role,
          stored.action,
          stored.orderId,
          stored.orderName,
          stored.amount?.amount ?? null,
          stored.amount?.currencyCode ?? null,
          stored.summary,
          stored.conversationId,
          stored.host,
          stored.result,
          stored.errorCode,
          stored.error,
          stored.idempotencyKey,
        ],
      );
      return stored;
    },

    async list(filter: AuditFilter, after: { at: string; id: string } | null, limit: number) {
      const where: string[] = [];
      const params: SqlValue[] = [];
      const add = (clause: string, value: SqlValue) => {
        where.push(clause);
        params.push(value);
      };
      if (filter.action) add('action = ?', filter.action);
      if (filter.result) add('result = ?', filter.result);
      if (filter.actor) add('actor = ?', filter.actor);
      if (filter.orderName) add('order_name = ?', filter.orderName);
      if (filter.from) add('at >= ?', filter.from);
      if (filter.to) add('at < ?', filter.to);
      if (after) {
        where.push('(at < ? OR (at = ? AND id < ?))');
        params.push(after.at, after.at, after.id);
      }
      const rows = await sql.all<AuditRow>(
        `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY at DESC, id DESC LIMIT ?`,
        [...params, limit + 1],
      );
      const page = rows.slice(0, limit).map((row): AuditEntry => ({
        id: row.id,
        at: row.at,
        actor: row.actor,
        role: row.role,
        action: row.action,
        orderId: row.order_id,
        orderName: row.order_name,
        amount: row.amount !== null && row.currency !== null ? { amount: row.amount, currencyCode: row.currency } : null,
        summary: row.summary,
        conversationId: row.conversation_id,
        host: row.host,
        result: row.result,
        errorCode: row.error_code,
        error: row.error,
        idempotencyKey: row.idempotency_key,
      }));
      const last = page.at(-1);
      return { entries: page, next: rows.length > limit && last ? { at: last.at, id: last.id } : null };
    },
  };
}
export type AuditLog = ReturnType<typeof createAuditLog>;
