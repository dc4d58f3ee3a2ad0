import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultFieldMapping } from '../../shared/mapping';
import { startHarness } from '../test/harness';
import { createCardSettingsStore } from './card-settings-store';
import { openDatabase, type Db } from './db';
import { databaseGeneration, memoOnGeneration } from './generation';

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

/** Two connections to one database file, as two instances of the BFF would have. */
function twoConnections(): [Db, Db] {
  const dir = mkdtempSync(join(tmpdir(), 'card-db-'));
  const first = openDatabase(join(dir, 'context-card.db'));
  const second = openDatabase(join(dir, 'context-card.db'));
  cleanups.push(() => {
    first.close();
    second.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return [first, second];
}

describe('the database generation', () => {
  it('stays put while nothing is written, and moves with a write on this connection at once, with a commit on another within 250 ms', () => {
    const [db, other] = twoConnections();
    let now = 0;
    const generation = databaseGeneration(db, { otherConnectionsMs: 250, now: () => now });
    const start = generation();
    createCardSettingsStore(db).mapping();
    expect(generation()).toBe(start);

    createCardSettingsStore(db).activate(null, 'admin-1');
    const afterLocal = generation();
    expect(afterLocal).not.toBe(start);

    createCardSettingsStore(other).saveMapping(defaultFieldMapping, 0, 'admin-2');
    now += 249;
    expect(generation()).toBe(afterLocal);
    now += 1;
    expect(generation()).not.toBe(afterLocal);
  });

  it('works a memoised value out again only when the generation moves', () => {
    let at = 'a';
    let computed = 0;
    const value = memoOnGeneration(
      () => at,
      () => ++computed,
    );
    expect([value(), value(), value()]).toEqual([1, 1, 1]);
    at = 'b';
    expect([value(), value()]).toEqual([2, 2]);
  });
});

describe('the card setup, remembered between opens', () => {
  it('follows an activation changed by another instance sharing the database', async () => {
    const [db, other] = twoConnections();
    const h = await startHarness({ db });
    cleanups.push(() => h.close());
    expect(await (await h.openCard({ phone: '+33612345678' })).json()).toMatchObject({ state: 'matched' });

    createCardSettingsStore(other).activate(null, 'admin-2');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await (await h.openCard({ phone: '+33612345678' })).json()).toMatchObject({
      state: 'configuration_pending',
      missing: ['credential'],
    });
  });

  it('shows a mapping saved on this instance at the very next open', async () => {
    const h = await startHarness();
    cleanups.push(() => h.close());
    const before = (await (await h.openCard({ phone: '+33612345678' })).json()) as { mapping: { orderCard: string[] } };
    expect(before.mapping.orderCard).toContain('order.displayFulfillmentStatus');

    const orderCard = defaultFieldMapping.orderCard.filter((key) => key !== 'order.displayFulfillmentStatus');
    h.services.settings.saveMapping({ ...defaultFieldMapping, orderCard }, 1, 'admin-1');
    const after = (await (await h.openCard({ phone: '+33612345678' })).json()) as { mapping: { orderCard: string[] } };
    expect(after.mapping.orderCard).toEqual(orderCard);
  });
});
