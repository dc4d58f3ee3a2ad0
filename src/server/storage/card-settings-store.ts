import { mappingDraftSchema, type MappingDraftInput, type StoredDraftView } from '../../shared/config-wire';
import { fieldMappingSchema, type FieldMapping } from '../../shared/mapping';
import { AppError } from '../http/problem';
import { setupGeneration, type SetupGeneration } from './generation';
import type { Sql } from './sql';

export type SavedMapping = { version: number; mapping: FieldMapping; savedBy: string; savedAt: string };
export type Activation = { credentialId: string | null; changedBy: string; changedAt: string };

/** An unsaved draft older than this is forgotten: by then it is more likely to mislead than to help. */
export const DRAFT_MAX_AGE_MS = 7 * 86_400_000;

type MappingRow = { version: number; mapping: string; saved_by: string; saved_at: string };

/**
 * Which credential the card uses, the field mapping (append-only, one row per save), and each
 * admin's unsaved field changes (one row per admin, gone once that admin saves or discards them).
 * A change to the activation or the mapping moves the setup generation in its own transaction.
 */
export function createCardSettingsStore(sql: Sql, options: { generation?: SetupGeneration; now?: () => number } = {}) {
  const generation = options.generation ?? setupGeneration(sql);
  const now = options.now ?? Date.now;
  const latest = (db: Sql) =>
    db.get<MappingRow>('SELECT version, mapping, saved_by, saved_at FROM field_mappings ORDER BY version DESC LIMIT 1');
  const deleteDraft = (db: Sql, owner: string) => db.run('DELETE FROM mapping_drafts WHERE owner = ?', [owner]);

  return {
    async activation(): Promise<Activation | null> {
      const row = await sql.get<{ credential_id: string | null; changed_by: string; changed_at: string }>(
        'SELECT credential_id, changed_by, changed_at FROM card_activation WHERE id = 1',
      );
      return row ? { credentialId: row.credential_id, changedBy: row.changed_by, changedAt: row.changed_at } : null;
    },
    async activate(credentialId: string | null, by: string): Promise<void> {
      await generation.change((tx) =>
        tx.run(
          `INSERT INTO card_activation (id, credential_id, changed_by, changed_at) VALUES (1, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET credential_id = excluded.credential_id, changed_by = excluded.changed_by, changed_at = excluded.changed_at`,
          [credentialId, by, new Date().toISOString()],
        ),
      );
    },
    async mapping(): Promise<SavedMapping | null> {
      const row = await latest(sql);
      if (!row) return null;
      // A row written by an older catalogue may name a field that no longer exists: treat it as unsaved.
      const parsed = fieldMappingSchema.safeParse(JSON.parse(row.mapping));
      if (!parsed.success) return null;
      return { version: row.version, mapping: parsed.data, savedBy: row.saved_by, savedAt: row.saved_at };
    },
    /** Saves a new version; `expectedVersion` is the version the admin edited (0 for none). */
    async saveMapping(mapping: FieldMapping, expectedVersion: number, by: string): Promise<SavedMapping> {
      return generation.change(async (tx) => {
        const current = (await latest(tx))?.version ?? 0;
        if (current !== expectedVersion) {
          throw new AppError('CONFIG_CONFLICT', `The field mapping was saved by someone else (version ${current}); reload to see it.`);
        }
        const savedAt = new Date().toISOString();
        await tx.run('INSERT INTO field_mappings (version, mapping, saved_by, saved_at) VALUES (?, ?, ?, ?)', [
          current + 1,
          JSON.stringify(mapping),
          by,
          savedAt,
        ]);
        await deleteDraft(tx, by);
        return { version: current + 1, mapping, savedBy: by, savedAt };
      });
    },
    /** `owner`'s unsaved field changes, unless there are none or they are older than a week. */
    async draft(owner: string): Promise<StoredDraftView | null> {
      const row = await sql.get<{ version: number; lists: string; changed_at: string }>(
        'SELECT version, lists, changed_at FROM mapping_drafts WHERE owner = ?',
        [owner],
      );
      if (!row) return null;
      const parsed = mappingDraftSchema.safeParse({ version: row.version, lists: JSON.parse(row.lists) });
      if (!parsed.success || now() - Date.parse(row.changed_at) > DRAFT_MAX_AGE_MS) {
        await deleteDraft(sql, owner);
        return null;
      }
      return { ...parsed.data, changedAt: row.changed_at };
    },
    async saveDraft(owner: string, draft: MappingDraftInput): Promise<void> {
      await sql.run(
        `INSERT INTO mapping_drafts (owner, version, lists, changed_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (owner) DO UPDATE SET version = excluded.version, lists = excluded.lists, changed_at = excluded.changed_at`,
        [owner, draft.version, JSON.stringify(draft.lists), new Date(now()).toISOString()],
      );
    },
    async discardDraft(owner: string): Promise<void> {
      await deleteDraft(sql, owner);
    },
  };
}
export type CardSettingsStore = ReturnType<typeof createCardSettingsStore>;
