import { useEffect, useState } from 'react';
import type { SavedMappingView } from '../shared/config-wire';
import type { FieldEntity, FieldKey } from '../shared/fields';
import { defaultFieldMapping, DETAILS_MAX, DETAILS_MIN, fieldMappingSchema, ORDER_CARD_MAX, type FieldMapping } from '../shared/mapping';
import type { DraftRows, DraftStorage } from './draft-storage';
import { strings } from './strings';

export type ListName = keyof FieldMapping;
export type MappingTab = 'order' | 'customer';

/** The three lists an admin edits, with the limits the shared schema enforces on both sides. */
export type SectionSpec = { list: ListName; entity: FieldEntity; tab: MappingTab; title: string; help: string; min: number; max: number };

export const sections: readonly SectionSpec[] = [
  { list: 'orderCard', entity: 'order', tab: 'order', ...strings.mapping.sections.orderCard, min: 1, max: ORDER_CARD_MAX },
  { list: 'orderDetails', entity: 'order', tab: 'order', ...strings.mapping.sections.orderDetails, min: DETAILS_MIN, max: DETAILS_MAX },
  {
    list: 'customerDetails',
    entity: 'customer',
    tab: 'customer',
    ...strings.mapping.sections.customerDetails,
    min: DETAILS_MIN,
    max: DETAILS_MAX,
  },
];

/** One row of a list: `key` is null until the admin chooses a field. `id` keeps React's keys stable. */
export type DraftRow = { id: number; key: FieldKey | null };
export type Draft = Record<ListName, DraftRow[]>;

let nextRowId = 1;
const row = (key: FieldKey | null): DraftRow => ({ id: nextRowId++, key });

/** Rows for each list's fields, or for a kept draft's rows (some not yet given a field). */
export function draftOf(lists: Record<ListName, readonly (FieldKey | null)[]>): Draft {
  return {
    orderCard: lists.orderCard.map(row),
    orderDetails: lists.orderDetails.map(row),
    customerDetails: lists.customerDetails.map(row),
  };
}

/** Each list's field keys, in order, null for a row not yet given a field. */
export const rowsOf = (draft: Draft): DraftRows => ({
  orderCard: draft.orderCard.map((r) => r.key),
  orderDetails: draft.orderDetails.map((r) => r.key),
  customerDetails: draft.customerDetails.map((r) => r.key),
});

function sameKeys(draft: Draft, mapping: FieldMapping): boolean {
  return sections.every(
    ({ list }) => draft[list].length === mapping[list].length && draft[list].every((r, i) => r.key === mapping[list][i]),
  );
}

export type DraftProblems = {
  rows: Map<number, string>;
  lists: Partial<Record<ListName, string>>;
  count: Record<MappingTab, number>;
};

export type CheckedDraft = { mapping: FieldMapping; problems: null } | { mapping: null; problems: DraftProblems };

/** The client's half of the rules: no empty row, no field twice, then the shared schema (the server checks it again). */
export function checkDraft(draft: Draft): CheckedDraft {
  const rows = new Map<number, string>();
  const lists: Partial<Record<ListName, string>> = {};
  for (const { list } of sections) {
    const seen = new Set<FieldKey>();
    for (const r of draft[list]) {
      if (r.key === null) rows.set(r.id, strings.mapping.emptyRow);
      else if (seen.has(r.key)) rows.set(r.id, strings.mapping.duplicate);
      else seen.add(r.key);
    }
  }
  const candidate = {
    orderCard: draft.orderCard.flatMap((r) => (r.key ? [r.key] : [])),
    orderDetails: draft.orderDetails.flatMap((r) => (r.key ? [r.key] : [])),
    customerDetails: draft.customerDetails.flatMap((r) => (r.key ? [r.key] : [])),
  };
  const parsed = fieldMappingSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [list, index] = issue.path as [ListName, number | undefined];
      const at = typeof index === 'number' ? draft[list].filter((r) => r.key !== null)[index] : undefined;
      if (at) rows.set(at.id, issue.message);
      else lists[list] ??= issue.message;
    }
  }
  if (parsed.success && rows.size === 0) return { mapping: parsed.data, problems: null };
  const count: Record<MappingTab, number> = { order: 0, customer: 0 };
  for (const { list, tab } of sections) {
    count[tab] += draft[list].filter((r) => rows.has(r.id)).length + (lists[list] ? 1 : 0);
  }
  return { mapping: null, problems: { rows, lists, count } };
}

type DraftState = { version: number; base: FieldMapping; draft: Draft; restoredFrom: number | null };

function initialState(savedVersion: number, base: FieldMapping, storage: DraftStorage | null): DraftState {
  const stored = storage?.load();
  const draft = stored ? draftOf(stored.lists) : null;
  if (stored && draft && !(stored.version === savedVersion && sameKeys(draft, base))) {
    // Edited from an older version, it meets the conflict at Save, and the admin chooses there.
    return { version: stored.version, base, draft, restoredFrom: stored.changedAt };
  }
  return { version: savedVersion, base, draft: draftOf(base), restoredFrom: null };
}

/**
 * The mapping the admin is editing, against the version it started from. A newer saved version is
 * taken over only while nothing is changed here; otherwise Save meets the conflict and offers Reload.
 * With `storage`, unsaved changes are kept as they are made, and offered back when the page opens
 * again (after the session expired, a reload, a closed tab): `restoredFrom` says when they were made.
 */
export function useMappingDraft(saved: SavedMappingView | null, storage: DraftStorage | null = null) {
  const savedVersion = saved?.version ?? 0;
  const base = saved?.mapping ?? defaultFieldMapping;
  const [state, setState] = useState(() => initialState(savedVersion, base, storage));
  const dirty = !sameKeys(state.draft, state.base);

  if (state.version !== savedVersion && !dirty) {
    // Adjusting state while rendering, as React documents for props that change.
    setState({ version: savedVersion, base, draft: draftOf(base), restoredFrom: null });
  }

  useEffect(() => {
    if (!storage) return;
    if (dirty) storage.save(state.version, rowsOf(state.draft));
    else storage.clear();
  }, [storage, dirty, state.version, state.draft]);

  return {
    draft: state.draft,
    version: state.version,
    dirty,
    /** When the unsaved changes offered back on opening were made; null when none were. */
    restoredFrom: dirty ? state.restoredFrom : null,
    /** Whether unsaved changes outlive the page. */
    kept: storage !== null,
    setList(list: ListName, rows: DraftRow[]) {
      setState((before) => ({ ...before, draft: { ...before.draft, [list]: rows } }));
    },
    addRow(list: ListName) {
      setState((before) => ({ ...before, draft: { ...before.draft, [list]: [...before.draft[list], row(null)] } }));
    },
    /** Back to a saved version: after a save, a reload, or when the admin discards the changes. */
    reset(to: SavedMappingView | null) {
      const mapping = to?.mapping ?? defaultFieldMapping;
      setState({ version: to?.version ?? 0, base: mapping, draft: draftOf(mapping), restoredFrom: null });
    },
  };
}
export type MappingDraft = ReturnType<typeof useMappingDraft>;
