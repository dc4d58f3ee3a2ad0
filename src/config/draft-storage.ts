import { discardDraft, saveDraft } from '../api/config';
import type { MappingDraftInput, StoredDraftView } from '../shared/config-wire';
import { isFieldKey, type FieldKey } from '../shared/fields';
import type { FieldMapping } from '../shared/mapping';

type ListName = keyof FieldMapping;
export type DraftRows = Record<ListName, (FieldKey | null)[]>;

/** Unsaved field changes as the page takes them back: the rows, the version edited from, and when. */
export type StoredDraft = { version: number; lists: DraftRows; changedAt: number };

export type DraftStorage = {
  /** The draft there was when the page opened, if any. */
  load(): StoredDraft | null;
  save(version: number, rows: DraftRows): void;
  clear(): void;
  /** Sends an edit still settling at once, as the page is hidden or goes away. */
  flush(): void;
};

/** The draft the overview brought, with any field the catalogue no longer has as an empty row. */
export function storedDraftOf(view: StoredDraftView | null): StoredDraft | null {
  if (!view) return null;
  const rows = (list: ListName) => view.lists[list].map((key) => (key !== null && isFieldKey(key) ? key : null));
  const changedAt = Date.parse(view.changedAt);
  return {
    version: view.version,
    changedAt: Number.isNaN(changedAt) ? Date.now() : changedAt,
    lists: { orderCard: rows('orderCard'), orderDetails: rows('orderDetails'), customerDetails: rows('customerDetails') },
  };
}

export type ServerDraftOptions = {
  /** How long edits settle before they are sent: a burst of clicks is one request. */
  settleMs?: number;
  send?: { save: typeof saveDraft; discard: typeof discardDraft };
};

/**
 * Keeps the admin's unsaved field changes on the server as they are made, so a session that expires
 * mid-edit, a reload or a closed tab loses nothing, in any browser and however the page is framed
 * (a framed page's own storage is refused where third-party storage is blocked). Sending is best
 * effort: a failure leaves the draft in the page, as it was before.
 */
export function createServerDraftStorage(initial: StoredDraftView | null, options: ServerDraftOptions = {}): DraftStorage {
  const { settleMs = 300, send = { save: saveDraft, discard: discardDraft } } = options;
  const loaded = storedDraftOf(initial);
  let onServer = loaded !== null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: MappingDraftInput | null = null;
  const ignore = () => undefined;
  const sendPending = (options: { keepalive?: boolean }) => {
    clearTimeout(timer);
    if (!pending) return;
    onServer = true;
    send.save(pending, options).catch(ignore);
    pending = null;
  };
  return {
    load: () => loaded,
    save(version, rows) {
      clearTimeout(timer);
      pending = { version, lists: rows };
      timer = setTimeout(() => sendPending({}), settleMs);
    },
    clear() {
      clearTimeout(timer);
      pending = null;
      if (!onServer) return;
      onServer = false;
      send.discard().catch(ignore);
    },
    flush: () => sendPending({ keepalive: true }),
  };
}
