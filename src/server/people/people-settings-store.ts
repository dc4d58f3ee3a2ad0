import {
  peopleMappingInputSchema,
  syncRunSchema,
  type PeopleMappingInput,
  type SavedPeopleMapping,
  type SyncRun,
} from '../../shared/people';
import { AppError } from '../http/problem';
import type { Sql } from '../storage/sql';

export type PeopleSettings = { credentialId: string | null; active: boolean; changedBy: string; changedAt: string };

/** Where a run stands, stored after every committed batch so that a run can stop anywhere and resume. */
export type SyncCheckpoint = {
  /** The step the run is in; absent between runs. */
  step?: 'bulk' | 'customers' | 'orders' | 'checkouts';
  bulkOperationId?: string;
  /** Lines of the bulk file already written: a resumed run skips them. */
  bulkLinesDone?: number;
  /** High-water marks: the newest `updatedAt` of what is committed, per stream. */
  customersMark?: string;
  ordersMark?: string;
  checkoutsMark?: string;
  /** A paged step under way: the `updated_at` it reads from, and the cursor of its next page. */
  cursorFrom?: string;
  cursor?: string;
};

export type RunningSync = {
  kind: SyncRun['kind'];
  startedAt: string;
  created: number;
  updated: number;
  events: number;
  errors: number;
  progress: { done: number; total: number | null };
};

export type SyncState = {
  shopDomain: string;
  phase: 'initial' | 'incremental' | 'up_to_date';
  run: RunningSync | null;
  checkpoint: SyncCheckpoint;
  lastRun: SyncRun | null;
  nextRunAt: string | null;
};

type StateRow = {
  shop_domain: string;
  phase: SyncState['phase'];
  run: string | null;
  checkpoint: string;
  last_run: string | null;
  next_run_at: string | null;
};

function parse<T>(text: string | null, fallback: T): T {
  if (text === null) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/**
 * The People sync's settings (which credential, active or not), its mapping (append-only, one row per save,
 * with 409 conflicts like the card's), and each store's sync state with the lease that keeps one run at a
 * time per store, whichever instance holds it.
 */
export function createPeopleSettingsStore(sql: Sql, now: () => number = Date.now) {
  const iso = () => new Date(now()).toISOString();

  function toState(row: StateRow): SyncState {
    const lastRun = syncRunSchema.safeParse(parse(row.last_run, null));
    return {
      shopDomain: row.shop_domain,
      phase: row.phase,
      run: parse<RunningSync | null>(row.run, null),
      checkpoint: parse<SyncCheckpoint>(row.checkpoint, {}),
      lastRun: lastRun.success ? lastRun.data : null,
      nextRunAt: row.next_run_at,
    };
  }

  return {
    async settings(): Promise<PeopleSettings | null> {
      const row = await sql.get<{ credential_id: string | null; active: number; changed_by: string; changed_at: string }>(
        'SELECT credential_id, active, changed_by, changed_at FROM people_settings WHERE id = 1',
      );
      return row
        ? { credentialId: row.credential_id, active: row.active === 1, changedBy: row.changed_by, changedAt: row.changed_at }
        : null;
    },

    /** Set Credentials; choosing another credential leaves the sync as active or inactive as it was. */
    async setCredential(credentialId: string, by: string): Promise<void> {
      await sql.run(
        `INSERT INTO people_settings (id, credential_id, active, changed_by, changed_at) VALUES (1, ?, 0, ?, ?)
         ON CONFLICT (id) DO UPDATE SET credential_id = excluded.credential_id, changed_by = excluded.changed_by, changed_at = excluded.changed_at`,
        [credentialId, by, iso()],
      );
    },

    async setActive(active: boolean, by: string): Promise<void> {
      await sql.run(
        `INSERT INTO people_settings (id, credential_id, active, changed_by, changed_at) VALUES (1, NULL, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET active = excluded.active, changed_by = excluded.changed_by, changed_at = excluded.changed_at`,
        [active ? 1 : 0, by, iso()],
      );
    },

    async mapping(): Promise<SavedPeopleMapping | null> {
      const row = await sql.get<{ version: number; mapping: string; saved_by: string; saved_at: string }>(
        'SELECT version, mapping, saved_by, saved_at FROM people_mappings ORDER BY version DESC LIMIT 1',
      );
      if (!row) return null;
      const parsed = peopleMappingInputSchema.safeParse(parse(row.mapping, null));
      return parsed.success ? { version: row.version, mapping: parsed.data, savedBy: row.saved_by, savedAt: row.saved_at } : null;
    },

    /** Saves a new version; `expectedVersion` is the version the admin edited (0 for none). */
    async saveMapping(mapping: PeopleMappingInput, expectedVersion: number, by: string): Promise<SavedPeopleMapping> {
      try {
        return await sql.transaction(async (tx) => {
          const current = (await tx.get<{ version: number }>('SELECT MAX(version) AS version FROM people_mappings'))?.version ?? 0;
          if (current !== expectedVersion) {
            throw new AppError('CONFIG_CONFLICT', `The People mapping was saved by someone else (version ${current}); reload to see it.`);
          }
          const savedAt = iso();
          await tx.run('INSERT INTO people_mappings (version, mapping, saved_by, saved_at) VALUES (?, ?, ?, ?)', [
            current + 1,
            JSON.stringify(mapping),
            by,
            savedAt,
          ]);
          return { version: current + 1, mapping, savedBy: by, savedAt };
        });
      } catch (error) {
        // Two saves from the same version at once on PostgreSQL: the second meets the first's row.
        if (!(error instanceof AppError) && /duplicate key|UNIQUE constraint/i.test(String(error))) {
          throw new AppError('CONFIG_CONFLICT', 'The People mapping was saved by someone else just now; reload to see it.');
        }
        throw error;
      }
    },

    async state(shopDomain: string): Promise<SyncState | null> {
      const row = await sql.get<StateRow>(
        'SELECT shop_domain, phase, run, checkpoint, last_run, next_run_at FROM people_sync_state WHERE shop_domain = ?',
        [shopDomain],
      );
      return row ? toState(row) : null;
    },

    /**
     * Takes (or keeps) the right to run this store's sync for `ttlMs`. A live holder renews it; one that
     * died loses it when it expires, and the next instance to ask takes the run over where it stopped.
     */
    async claimLease(shopDomain: string, owner: string, ttlMs: number): Promise<boolean> {
      const at = now();
      await sql.run(
        `INSERT INTO people_sync_state (shop_domain, phase, checkpoint) VALUES (?, 'initial', '{}') ON CONFLICT (shop_domain) DO NOTHING`,
        [shopDomain],
      );
      const changed = await sql.run(
        `UPDATE people_sync_state SET lease_owner = ?, lease_expires_at = ?
         WHERE shop_domain = ? AND (lease_owner IS NULL OR lease_owner = ? OR lease_expires_at < ?)`,
        [owner, new Date(at + ttlMs).toISOString(), shopDomain, owner, new Date(at).toISOString()],
      );
      return changed === 1;
    },

    async releaseLease(shopDomain: string, owner: string): Promise<void> {
      await sql.run('UPDATE people_sync_state SET lease_owner = NULL, lease_expires_at = NULL WHERE shop_domain = ? AND lease_owner = ?', [
        shopDomain,
        owner,
      ]);
    },

    /**
     * Stores where the run stands, only while `owner` holds the lease: an instance that lost it (paused too
     * long, then woke up) must not write over the run another instance took over. False when it lost it.
     */
    async saveProgress(
      shopDomain: string,
      owner: string,
      change: Partial<Pick<SyncState, 'phase' | 'run' | 'checkpoint' | 'lastRun' | 'nextRunAt'>>,
    ): Promise<boolean> {
      const sets: string[] = [];
      const params: (string | null)[] = [];
      const set = (column: string, value: string | null) => {
        sets.push(`${column} = ?`);
        params.push(value);
      };
      if (change.phase !== undefined) set('phase', change.phase);
      if (change.run !== undefined) set('run', change.run ? JSON.stringify(change.run) : null);
      if (change.checkpoint !== undefined) set('checkpoint', JSON.stringify(change.checkpoint));
      if (change.lastRun !== undefined) set('last_run', change.lastRun ? JSON.stringify(change.lastRun) : null);
      if (change.nextRunAt !== undefined) set('next_run_at', change.nextRunAt);
      if (sets.length === 0) return true;
      const changed = await sql.run(`UPDATE people_sync_state SET ${sets.join(', ')} WHERE shop_domain = ? AND lease_owner = ?`, [
        ...params,
        shopDomain,
        owner,
      ]);
      return changed === 1;
    },

    /** Asks for a run as soon as a scheduler looks (Run now, Activate). */
    async requestRun(shopDomain: string): Promise<void> {
      await sql.run(
        `INSERT INTO people_sync_state (shop_domain, phase, checkpoint, next_run_at) VALUES (?, 'initial', '{}', ?)
         ON CONFLICT (shop_domain) DO UPDATE SET next_run_at = excluded.next_run_at`,
        [shopDomain, iso()],
      );
    },
  };
}
export type PeopleSettingsStore = ReturnType<typeof createPeopleSettingsStore>;
