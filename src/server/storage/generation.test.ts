import { afterEach, describe, expect, it } from 'vitest';
import { defaultFieldMapping } from '../../shared/mapping';
import { startHarness } from '../test/harness';
import { testEngines } from '../test/engines';
import { createCardSettingsStore } from './card-settings-store';
import { setupGeneration, memoOnGeneration } from './generation';
import type { Sql } from './sql';

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

describe('a value remembered on the generation', () => {
  it('is worked out again only when the generation moves', async () => {
    let at = 'a';
    let computed = 0;
    const value = memoOnGeneration(
      () => at,
      async () => ++computed,
    );
    expect([await value(), await value(), await value()]).toEqual([1, 1, 1]);
    at = 'b';
    expect([await value(), await value()]).toEqual([2, 2]);
  });

  it('is not remembered when working it out failed', async () => {
    let fail = true;
    const value = memoOnGeneration(
      () => 'a',
      async () => {
        if (fail) throw new Error('the database did not answer');
        return 'setup';
      },
    );
    await expect(value()).rejects.toThrow('the database did not answer');
    fail = false;
    expect(await value()).toBe('setup');
  });
});

for (const engine of await testEngines()) {
  describe.skipIf(!engine.available)(`the setup generation on ${engine.name}`, () => {
    async function two(): Promise<[Sql, Sql]> {
      const pair = await engine.openTwo();
      cleanups.push(() => Promise.all(pair.map((sql) => sql.close())).then(() => undefined));
      return pair;
    }

    it('stays put while nothing changes, moves at once with a change here, and within 250 ms with one on another instance', async () => {
      const [here, there] = await two();
      let now = 0;
      const generation = setupGeneration(here, { otherInstancesMs: 250, now: () => now });
      const settings = createCardSettingsStore(here, { generation });
      const start = await generation.current();
      await settings.mapping();
      await settings.saveDraft('admin-1', { version: 0, lists: { orderCard: [], orderDetails: [], customerDetails: [] } });
      expect(await generation.current()).toBe(start);

      await settings.activate(null, 'admin-1');
      const afterLocal = await generation.current();
      expect(afterLocal).not.toBe(start);

      await createCardSettingsStore(there).saveMapping(defaultFieldMapping, 0, 'admin-2');
      now += 249;
      expect(await generation.current()).toBe(afterLocal);
      now += 1;
      expect(await generation.current()).not.toBe(afterLocal);
    });

    it('does not move when the change fails and is rolled back', async () => {
      const [here] = await two();
      const generation = setupGeneration(here);
      const settings = createCardSettingsStore(here, { generation });
      await settings.saveMapping(defaultFieldMapping, 0, 'admin-1');
      const before = await generation.current();
      await expect(settings.saveMapping(defaultFieldMapping, 0, 'admin-2')).rejects.toMatchObject({ code: 'CONFIG_CONFLICT' });
      expect(await setupGeneration(here).current()).toBe(before);
    });

    it('lets a card open on one instance follow an activation changed on another', async () => {
      const [here, there] = await two();
      const h = await startHarness({ sql: here });
      cleanups.push(() => h.close());
      expect(await (await h.openCard({ phone: '+33612345678' })).json()).toMatchObject({ state: 'matched' });

      await createCardSettingsStore(there).activate(null, 'admin-2');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await (await h.openCard({ phone: '+33612345678' })).json()).toMatchObject({
        state: 'configuration_pending',
        missing: ['credential'],
      });
    });
  });
}

describe('the card setup, remembered between opens', () => {
  it('shows a mapping saved on this instance at the very next open', async () => {
    const h = await startHarness();
    cleanups.push(() => h.close());
    const before = (await (await h.openCard({ phone: '+33612345678' })).json()) as { mapping: { orderCard: string[] } };
    expect(before.mapping.orderCard).toContain('order.displayFulfillmentStatus');

    const orderCard = defaultFieldMapping.orderCard.filter((key) => key !== 'order.displayFulfillmentStatus');
    await h.services.settings.saveMapping({ ...defaultFieldMapping, orderCard }, 1, 'admin-1');
    const after = (await (await h.openCard({ phone: '+33612345678' })).json()) as { mapping: { orderCard: string[] } };
    expect(after.mapping.orderCard).toEqual(orderCard);
  });
});
