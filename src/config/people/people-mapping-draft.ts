import { useState } from 'react';
import {
  basicPeopleMapping,
  mappingProblems,
  type CustomAttribute,
  type MappingTarget,
  type PeopleMappingInput,
  type SavedPeopleMapping,
} from '../../shared/people';
import { peopleStrings } from './people-strings';

const t = peopleStrings.mapping;

/**
 * A row as the admin edits it: `source` is a Shopify customer field's key, `target` a People field as the
 * selects hold it (`standard:emails`, `attribute:loyaltyTier`); either is '' until chosen. `id` keeps React's
 * keys and the problems attached to the right row while rows are added and removed.
 */
export type DraftRow = { id: number; source: string; target: string };
export type PeopleDraft = { rows: DraftRow[]; attributes: CustomAttribute[] };

let nextRowId = 1;
const row = (source = '', target = ''): DraftRow => ({ id: nextRowId++, source, target });

export const targetValue = (target: MappingTarget): string =>
  target.kind === 'standard' ? `standard:${target.field}` : `attribute:${target.key}`;

export function targetOf(value: string): MappingTarget | null {
  const [kind, name] = [value.slice(0, value.indexOf(':')), value.slice(value.indexOf(':') + 1)];
  if (kind === 'standard' && name) return { kind: 'standard', field: name };
  if (kind === 'attribute' && name) return { kind: 'attribute', key: name };
  return null;
}

export function draftOf(mapping: PeopleMappingInput): PeopleDraft {
  return {
    rows: mapping.rows.map((r) => row(r.source, targetValue(r.target))),
    attributes: mapping.attributes.map((a) => ({ ...a })),
  };
}

/** What a save sends: every row (an unfinished one as it is, which the check refuses first). */
export function inputOf(draft: PeopleDraft): PeopleMappingInput {
  return {
    rows: draft.rows.map((r) => ({ source: r.source, target: targetOf(r.target) ?? { kind: 'standard', field: '' } })),
    attributes: draft.attributes,
  };
}

const sameInput = (a: PeopleMappingInput, b: PeopleMappingInput) => JSON.stringify(a) === JSON.stringify(b);

export type DraftProblems = {
  /** By row id: every rule the row breaks, in the words `mappingProblems` gives. */
  rows: Map<number, string[]>;
  /** By attribute key. */
  attributes: Map<string, string[]>;
  /** About the mapping as a whole (no rows at all). */
  list: string | null;
};

const emptyProblems = (): DraftProblems => ({ rows: new Map(), attributes: new Map(), list: null });

function add<K>(map: Map<K, string[]>, key: K, message: string) {
  const messages = map.get(key) ?? [];
  if (!messages.includes(message)) map.set(key, [...messages, message]);
}

/** Problems at `path`s of the saved input (`rows.3.target`, `attributes.1.key`), placed on the draft's rows. */
export function placeProblems(
  draft: PeopleDraft,
  found: readonly { path: string; message: string }[],
  into = emptyProblems(),
): DraftProblems {
  for (const { path, message } of found) {
    const [list, index] = path.split('.');
    const at = Number(index);
    if (list === 'rows' && draft.rows[at]) add(into.rows, draft.rows[at].id, message);
    else if (list === 'attributes' && draft.attributes[at]) add(into.attributes, draft.attributes[at].key, message);
    else into.list ??= message;
  }
  return into;
}

/**
 * The shared rules (`mappingProblems`, the same the server applies) over the rows the admin has finished, and,
 * once `unfinished` is asked for (at Save), a word on each row still missing a field.
 */
export function checkPeopleDraft(draft: PeopleDraft, unfinished: boolean): DraftProblems {
  const problems = emptyProblems();
  const finished = draft.rows.filter((r) => r.source && targetOf(r.target));
  const checked = mappingProblems({ rows: inputOf({ ...draft, rows: finished }).rows, attributes: draft.attributes });
  placeProblems({ ...draft, rows: finished }, checked, problems);
  if (unfinished) {
    for (const r of draft.rows) {
      if (!r.source) add(problems.rows, r.id, t.emptySource);
      else if (!targetOf(r.target)) add(problems.rows, r.id, t.emptyTarget);
    }
    if (draft.rows.length === 0) problems.list = t.atLeastOne;
  }
  return problems;
}

export const hasProblems = (problems: DraftProblems) => problems.rows.size > 0 || problems.attributes.size > 0 || problems.list !== null;

type DraftState = { version: number; base: PeopleMappingInput; draft: PeopleDraft };

/**
 * The People mapping the admin is editing, against the version it started from: the saved one, or the basic
 * initial mapping when none is saved. A newer saved version is taken over only while nothing is changed here;
 * otherwise Save meets the conflict and offers Reload, as the card's fields do.
 */
export function usePeopleMappingDraft(saved: SavedPeopleMapping | null) {
  const savedVersion = saved?.version ?? 0;
  const base = saved?.mapping ?? basicPeopleMapping;
  const [state, setState] = useState<DraftState>(() => ({ version: savedVersion, base, draft: draftOf(base) }));
  const dirty = !sameInput(inputOf(state.draft), state.base);

  if (state.version !== savedVersion && !dirty) {
    // Adjusting state while rendering, as React documents for props that change.
    setState({ version: savedVersion, base, draft: draftOf(base) });
  }

  const change = (edit: (draft: PeopleDraft) => PeopleDraft) => setState((before) => ({ ...before, draft: edit(before.draft) }));

  return {
    draft: state.draft,
    version: state.version,
    dirty,
    setRow(id: number, part: 'source' | 'target', value: string) {
      change((d) => ({ ...d, rows: d.rows.map((r) => (r.id === id ? { ...r, [part]: value } : r)) }));
    },
    addRow() {
      change((d) => ({ ...d, rows: [...d.rows, row()] }));
    },
    removeRow(id: number) {
      change((d) => ({ ...d, rows: d.rows.filter((r) => r.id !== id) }));
    },
    addAttribute(attribute: CustomAttribute) {
      change((d) => ({ ...d, attributes: [...d.attributes, attribute] }));
    },
    removeAttribute(key: string) {
      change((d) => ({ ...d, attributes: d.attributes.filter((a) => a.key !== key) }));
    },
    /** Back to a saved version: after a save, a reload, or when the admin discards the changes. */
    reset(to: SavedPeopleMapping | null) {
      const mapping = to?.mapping ?? basicPeopleMapping;
      setState({ version: to?.version ?? 0, base: mapping, draft: draftOf(mapping) });
    },
  };
}
export type PeopleMappingDraft = ReturnType<typeof usePeopleMappingDraft>;
