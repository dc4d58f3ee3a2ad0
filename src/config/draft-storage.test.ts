import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MappingDraftInput } from '../shared/config-wire';
import { createServerDraftStorage, type DraftRows } from './draft-storage';

const rows = (orderCard: DraftRows['orderCard']): DraftRows => ({
  orderCard,
  orderDetails: ['order.note', 'order.tags', 'order.lineItems'],
  customerDetails: ['customer.email', 'customer.phone', 'customer.note'],
});

function server() {
  const saved: MappingDraftInput[] = [];
  const keptAlive: boolean[] = [];
  let discarded = 0;
  return {
    saved,
    keptAlive,
    discarded: () => discarded,
    send: {
      save: (draft: MappingDraftInput, options: { keepalive?: boolean } = {}) => {
        saved.push(draft);
        keptAlive.push(options.keepalive ?? false);
        return Promise.resolve(undefined);
      },
      discard: () => {
        discarded += 1;
        return Promise.resolve(undefined);
      },
    },
  };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the unsaved draft kept on the server', () => {
  it('gives back the draft the page opened with, a field the catalogue no longer has as an empty row', () => {
    const storage = createServerDraftStorage({
      version: 3,
      changedAt: '2026-11-20T10:00:00.000Z',
      lists: { ...rows(['order.name']), orderCard: ['order.name', 'order.retired'] },
    });
    expect(storage.load()).toEqual({ version: 3, changedAt: Date.parse('2026-11-20T10:00:00.000Z'), lists: rows(['order.name', null]) });
    expect(createServerDraftStorage(null).load()).toBeNull();
  });

  it('sends a burst of edits once they settle, the last one only', () => {
    const api = server();
    const storage = createServerDraftStorage(null, { settleMs: 300, send: api.send });
    storage.save(3, rows(['order.name', null]));
    vi.advanceTimersByTime(200);
    storage.save(3, rows(['order.name', 'order.tags']));
    vi.advanceTimersByTime(299);
    expect(api.saved).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(api.saved).toEqual([{ version: 3, lists: rows(['order.name', 'order.tags']) }]);
  });

  it('sends an edit still settling at once, and to outlive the page, when the page is hidden or goes away', () => {
    const api = server();
    const storage = createServerDraftStorage(null, { settleMs: 300, send: api.send });
    storage.flush();
    expect(api.saved).toEqual([]);
    storage.save(3, rows(['order.name']));
    storage.flush();
    expect(api.saved).toEqual([{ version: 3, lists: rows(['order.name']) }]);
    expect(api.keptAlive).toEqual([true]);
    vi.runAllTimers();
    storage.flush();
    expect(api.saved).toHaveLength(1);
  });

  it('discards on the server only what is there, and drops an edit not yet sent', () => {
    const api = server();
    const storage = createServerDraftStorage(null, { send: api.send });
    storage.clear();
    expect(api.discarded()).toBe(0);

    storage.save(3, rows(['order.name']));
    storage.clear();
    vi.runAllTimers();
    expect(api.saved).toEqual([]);
    expect(api.discarded()).toBe(0);

    storage.save(3, rows(['order.name']));
    vi.runAllTimers();
    storage.clear();
    storage.clear();
    expect(api.discarded()).toBe(1);

    const opened = server();
    createServerDraftStorage(
      { version: 3, changedAt: '2026-11-20T10:00:00.000Z', lists: rows(['order.name']) },
      { send: opened.send },
    ).clear();
    expect(opened.discarded()).toBe(1);
  });

  it('leaves the draft in the page when the server cannot take it', async () => {
    const storage = createServerDraftStorage(null, {
      send: { save: () => Promise.reject(new Error('offline')), discard: () => Promise.reject(new Error('offline')) },
    });
    storage.save(3, rows(['order.name']));
    vi.runAllTimers();
    await Promise.resolve();
    expect(() => storage.clear()).not.toThrow();
  });
});
