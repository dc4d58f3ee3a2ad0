import { mappingDraftSchema, type MappingDraftInput, type StoredDraftView } from '../../shared/config-wire';
import { fieldMappingSchema, type FieldMapping } from '../../shared/mapping';
import { AppError } from '../http/problem';
import type { Db } from './db';

export type SavedMapping = { version: number; mapping: FieldMapping; savedBy: string; savedAt: string };
export type Activation = { credentialId: string | null; changedBy: string; changedAt: string };

/** An unsaved draft older than this is forgotten: by then it is more likely to mislead than to help. */
export const DRAFT_MAX_AGE_MS = 7 * 86_400_000;

/**
 * Which credential the card uses, the field mapping (append-only, one row per save), and each
 * admin's unsaved field changes (one row per admin, gone once that admin saves or discards them).
 */
export function createCardSettingsStore(db: Db, now: () => number = Date.now) {
  const activation = db.prepare<[], { credential_id: string | null; changed_by: string; changed_at: string }>(
    'SELECT credential_id, changed_by, changed_at FROM card_activation WHERE id = 1',
  );
  const setActivation = db.prepare(
    `INSERT INTO card_activation (id, credential_id, changed_by, changed_at) VALUES (1, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET credential_id = excluded.credential_id, changed_by = excluded.changed_by, changed_at = excluded.changed_at`,
  );
  const latest = db.prepare<[], { version: number; mapping: string; saved_by: string; saved_at: string }>(
    'SELECT version, mapping, saved_by, saved_at FROM field_mappings ORDER BY version DESC LIMIT 1',
  );
  const insertMapping = db.prepare('INSERT INTO field_mappings (version, mapping, saved_by, saved_at) VALUES (?, ?, ?, ?)');
  const draftOf = db.prepare<[string], { version: number; lists: string; changed_at: string }>(
    'SELECT version, lists, changed_at FROM mapping_drafts WHERE owner = ?',
  );
  const putDraft = db.prepare(
    `INSERT INTO mapping_drafts (owner, version, lists, changed_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (owner) DO UPDATE SET version = excluded.version, lists = excluded.lists, changed_at = excluded.changed_at`,
  );
  const deleteDraft = db.prepare('DELETE FROM mapping_drafts WHERE owner = ?');

  return {
    activation(): Activation | null {
      const row = activation.get();
      return row ? { credentialId: row.credential_id, changedBy: row.changed_by, changedAt: row.changed_at } : null;
    },
    activate(credentialId: string | null, by: string): void {
      setActivation.run(credentialId, by, new Date().toISOString());
    },
    mapping(): SavedMapping | null {
      const row = latest.get();
      if (!row) return null;
      // A row written by an older catalogue may name a field that no longer exists: treat it as unsaved.
      const parsed = fieldMappingSchema.safeParse(JSON.parse(row.mapping));
      if (!parsed.success) return null;
      return { version: row.version, mapping: parsed.data, savedBy: row.saved_by, savedAt: row.saved_at };
    },
    /** Saves a new version; `expectedVersion` is the version the admin edited (0 for none). */
    saveMapping(mapping: FieldMapping, expectedVersion: number, by: string): SavedMapping {
      return db
        .transaction(() => {
          const current = latest.get()?.version ?? 0;
          if (current !== expectedVersion) {
            throw new AppError('CONFIG_CONFLICT', `The field mapping was saved by someone else (version ${current}); reload to see it.`);
          }
          const savedAt = new Date().toISOString();
          insertMapping.run(current + 1, JSON.stringify(mapping), by, savedAt);
          deleteDraft.run(by);
          return { version: current + 1, mapping, savedBy: by, savedAt };
        })
        .immediate();
    },
    /** `owner`'s unsaved field changes, unless there are none or they are older than a week. */
    draft(owner: string): StoredDraftView | null {
      const row = draftOf.get(owner);
      if (!row) return null;
      const parsed = mappingDraftSchema.safeParse({ version: row.version, lists: JSON.parse(row.lists) });
      if (!parsed.success || now() - Date.parse(row.changed_at) > DRAFT_MAX_AGE_MS) {
        deleteDraft.run(owner);
        return null;
      }
      return { ...parsed.data, changedAt: row.changed_at };
    },
    saveDraft(owner: string, draft: MappingDraftInput): void {
      putDraft.run(owner, draft.version, JSON.stringify(draft.lists), new Date(now()).toISOString());
    },
    discardDraft(owner: string): void {
      deleteDraft.run(owner);
    },
  };
}
export type CardSettingsStore = ReturnType<typeof createCardSettingsStore>;
