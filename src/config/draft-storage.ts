import * as z from 'zod/mini';
import { isFieldKey, type FieldKey } from '../shared/fields';
import type { FieldMapping } from '../shared/mapping';

type ListName = keyof FieldMapping;
const lists: readonly ListName[] = ['orderCard', 'orderDetails', 'customerDetails'];

/** An unsaved field mapping as this browser keeps it: the rows of each list, and the version it was edited from. */
export type StoredDraft = {
  version: number;
  lists: Record<ListName, (FieldKey | null)[]>;
  /** When it was last changed, in milliseconds since the epoch. */
  changedAt: number;
};

const KEY_PREFIX = 'context-card:mapping-draft:';
/** A draft left longer than this is forgotten: by then it is more likely to mislead than to help. */
export const DRAFT_MAX_AGE_MS = 7 * 86_400_000;
const MAX_ROWS = 50;

const rowsSchema = z.array(z.nullable(z.string())).check(z.maxLength(MAX_ROWS));
const storedSchema = z.object({
  version: z.number().check(z.int(), z.gte(0)),
  changedAt: z.number(),
  lists: z.object({ orderCard: rowsSchema, orderDetails: rowsSchema, customerDetails: rowsSchema }),
});

/**
 * Whose draft it is: the `sub` of the admin's token. The token is read, not checked (the BFF checks
 * it on every call); it only decides which of this browser's drafts the page offers back.
 */
export function draftOwner(token: string | null): string | null {
  const payload = token?.split('.')[1];
  if (!payload) return null;
  try {
    const bytes = Uint8Array.from(atob(payload.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
    const json = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    const sub = (JSON.parse(json) as { sub?: unknown }).sub;
    return typeof sub === 'string' && sub !== '' ? sub : null;
  } catch {
    return null;
  }
}

/** The browser's localStorage, or null where it is switched off or refused to a framed page. */
export function browserStorage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

export type DraftStorage = {
  load(): StoredDraft | null;
  save(version: number, rows: Record<ListName, (FieldKey | null)[]>): void;
  clear(): void;
};

/**
 * Keeps an admin's unsaved field mapping in this browser, so that a session that expires mid-edit,
 * a reload or a closed tab does not lose it. Only field keys are kept: nothing about shoppers or
 * secrets. Storage that is full or refused is treated as absent: the page works as before.
 */
export function createDraftStorage(storage: Storage | null, owner: string | null, now: () => number = Date.now): DraftStorage | null {
  if (!storage || !owner) return null;
  const key = `${KEY_PREFIX}${owner}`;
  const forget = () => {
    try {
      storage.removeItem(key);
    } catch {
      // Refused storage holds nothing to forget.
    }
  };
  return {
    load() {
      let text: string | null;
      try {
        text = storage.getItem(key);
      } catch {
        return null;
      }
      if (text === null) return null;
      let data: z.infer<typeof storedSchema> | null = null;
      try {
        const parsed = storedSchema.safeParse(JSON.parse(text));
        if (parsed.success) data = parsed.data;
      } catch {
        // Not JSON: forgotten below, like any draft this page cannot read.
      }
      if (!data || now() - data.changedAt > DRAFT_MAX_AGE_MS) {
        forget();
        return null;
      }
      const kept = data;
      // A field the catalogue no longer has comes back as an empty row, for the admin to choose again.
      const rows = (list: ListName) => kept.lists[list].map((k) => (k !== null && isFieldKey(k) ? k : null));
      return {
        version: kept.version,
        changedAt: kept.changedAt,
        lists: { orderCard: rows('orderCard'), orderDetails: rows('orderDetails'), customerDetails: rows('customerDetails') },
      };
    },
    save(version, rows) {
      const stored: StoredDraft = { version, changedAt: now(), lists: { orderCard: [], orderDetails: [], customerDetails: [] } };
      for (const list of lists) stored.lists[list] = rows[list].slice(0, MAX_ROWS);
      try {
        storage.setItem(key, JSON.stringify(stored));
      } catch {
        // Full or refused: the draft lives in the page alone, as it did before.
      }
    },
    clear: forget,
  };
}
