import { fieldMappingSchema, type FieldMapping } from '../../shared/mapping';
import { AppError } from '../problem';
import type { Db } from './db';

export type SavedMapping = { version: number; mapping: FieldMapping; savedBy: string; savedAt: string };
export type Activation = { credentialId: string | null; changedBy: string; changedAt: string };

/** Which credential the card uses, and the field mapping (append-only, one row per save). */
export function createCardSettingsStore(db: Db) {
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
      return db.transaction(() => {
        const current = latest.get()?.version ?? 0;
        if (current !== expectedVersion) {
          throw new AppError('CONFIG_CONFLICT', `The field mapping was saved by someone else (version ${current}); reload to see it.`);
        }
        const savedAt = new Date().toISOString();
        insertMapping.run(current + 1, JSON.stringify(mapping), by, savedAt);
        return { version: current + 1, mapping, savedBy: by, savedAt };
      }).immediate();
    },
  };
}
export type CardSettingsStore = ReturnType<typeof createCardSettingsStore>;
