import { describe, expect, it } from 'vitest';
import { createDraftStorage, DRAFT_MAX_AGE_MS, draftOwner } from './draft-storage';
import { adminToken } from './render-config';

const rows = { orderCard: ['order.name', null], orderDetails: ['order.note', 'order.tags', 'order.lineItems'], customerDetails: ['customer.email', 'customer.phone', 'customer.note'] } as const;
const copy = () => ({ orderCard: [...rows.orderCard], orderDetails: [...rows.orderDetails], customerDetails: [...rows.customerDetails] });

describe('the draft kept in the browser', () => {
  it('is read back by the same admin only, with the version it was edited from', () => {
    let now = 1_000;
    const ana = createDraftStorage(localStorage, 'ana@example.com', () => now);
    ana?.save(3, copy());
    now += 60_000;
    expect(ana?.load()).toEqual({ version: 3, changedAt: 1_000, lists: copy() });
    expect(createDraftStorage(localStorage, 'bob@example.com')?.load()).toBeNull();

    ana?.clear();
    expect(ana?.load()).toBeNull();
  });

  it('forgets what it cannot read, and drafts older than a week', () => {
    let now = 0;
    const storage = createDraftStorage(localStorage, 'ana', () => now);
    for (const text of ['{not json', JSON.stringify({ version: -1, changedAt: 0, lists: copy() }), JSON.stringify({ version: 1 })]) {
      localStorage.setItem('context-card:mapping-draft:ana', text);
      expect(storage?.load()).toBeNull();
      expect(localStorage.getItem('context-card:mapping-draft:ana')).toBeNull();
    }
    storage?.save(1, copy());
    now = DRAFT_MAX_AGE_MS + 1;
    expect(storage?.load()).toBeNull();
    expect(localStorage.length).toBe(0);
  });

  it('brings back a field the catalogue no longer has as an empty row', () => {
    localStorage.setItem('context-card:mapping-draft:ana', JSON.stringify({ version: 2, changedAt: Date.now(), lists: { ...copy(), orderCard: ['order.name', 'order.retired'] } }));
    expect(createDraftStorage(localStorage, 'ana')?.load()?.lists.orderCard).toEqual(['order.name', null]);
  });

  it('does without when storage is refused, full, or the admin unknown', () => {
    const refusing = {
      getItem() { throw new DOMException('denied', 'SecurityError'); },
      setItem() { throw new DOMException('full', 'QuotaExceededError'); },
      removeItem() { throw new DOMException('denied', 'SecurityError'); },
    } as unknown as Storage;
    const storage = createDraftStorage(refusing, 'ana');
    expect(() => storage?.save(1, copy())).not.toThrow();
    expect(storage?.load()).toBeNull();
    expect(() => storage?.clear()).not.toThrow();
    expect(createDraftStorage(localStorage, null)).toBeNull();
    expect(createDraftStorage(null, 'ana')).toBeNull();
  });

  it('knows the admin by the token’s subject, whatever its base64url characters', () => {
    expect(draftOwner(adminToken('ana@example.com'))).toBe('ana@example.com');
    // `>` and `?` in JSON come out as `-` and `_` in base64url; names need not be ASCII.
    expect(draftOwner(adminToken('ops>>team??'))).toBe('ops>>team??');
    expect(draftOwner(adminToken('zoë.o’neill@example.ie'))).toBe('zoë.o’neill@example.ie');
    for (const token of [null, '', 'a.b.c', 'only-one-part', `x.${btoa('{"role":"admin"}')}.y`]) expect(draftOwner(token)).toBeNull();
  });
});
