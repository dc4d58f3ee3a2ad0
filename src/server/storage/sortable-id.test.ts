import { describe, expect, it } from 'vitest';
import { sortableId } from './sortable-id';

describe('sortable ids', () => {
  it('sort in the order they were made, within one millisecond too, and never repeat', () => {
    const ids = Array.from({ length: 5_000 }, (_, i) => sortableId(1_700_000_000_000 + Math.floor(i / 1_000)));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('keep sorting after the clock goes back', () => {
    const later = sortableId(1_800_000_000_000);
    expect(sortableId(1_700_000_000_000) > later).toBe(true);
  });
});
