import { afterEach, describe, expect, it } from 'vitest';
import { basicPeopleMapping, type PeopleMappingInput } from '../../shared/people';
import { startHarness, testClock, type Harness, type HarnessOptions } from '../test/harness';
import { createPeopleSync } from './people-sync';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** The BFF over the sandbox store, with People set up (the sandbox credential, `mapping`) and activated. */
async function peopleHarness(options: HarnessOptions & { mapping?: PeopleMappingInput } = {}) {
  const { mapping = basicPeopleMapping, ...rest } = options;
  h = await startHarness({ sandbox: { bulk: { startDelayMs: 0, pageDelayMs: 0 } }, ...rest });
  const credential = (await h.services.credentials.list())[0];
  if (!credential) throw new Error('The harness has no credential');
  await h.services.peopleSettings.setCredential(credential.id, 'admin-1');
  await h.services.peopleSettings.saveMapping(mapping, 0, 'admin-1');
  await h.services.peopleSettings.setActive(true, 'admin-1');
  return { h, credential, shop: credential.shopDomain, store: h.sandbox.store };
}

const customersIn = (store: Harness['sandbox']['store']) => store.index.customersById.size;
const firstCustomerId = (store: Harness['sandbox']['store']) => [...store.index.customersById.keys()][0] ?? 0;

describe('the People sync', () => {
  it('reads every customer in its first run, with their address phones and order events, and is up to date after it', async () => {
    const { h, shop, store } = await peopleHarness({ clock: testClock() });
    expect(await h.services.peopleSync.tick()).toBe('ran');
    const status = await h.services.peopleSync.status();
    expect(status).toMatchObject({ phase: 'up_to_date', running: false, active: true, progress: null });
    expect(status.lastRun).toMatchObject({ kind: 'initial', created: customersIn(store), updated: 0, errors: 0, error: null });
    expect(status.counts.people).toBe(customersIn(store));
    expect(status.counts.events).toBeGreaterThan(customersIn(store));

    const [amelie] = await h.services.people.findByContact(shop, 'email', 'amelie.dubois@example.fr');
    expect(amelie?.fields).toMatchObject({ firstName: 'Amélie', lastName: 'Dubois', city: 'Paris', country: 'FR' });
    expect(amelie?.phones).toContain('+33612345678');
    expect(amelie?.attributes.shopifyOrdersCount).toMatchObject({ value: 12, type: 'integer', mappingVersion: 1 });
    // Grace's only phone is on her address.
    expect((await h.services.people.findByContact(shop, 'phone', '+12065550199')).map((p) => p.fields.firstName)).toEqual(['Grace']);

    const events = await h.services.people.events(amelie?.id ?? '');
    expect(events.filter((e) => e.kind === 'order_placed')).toHaveLength(12);
    expect(events.some((e) => e.kind === 'order_fulfilled')).toBe(true);
    // Yesterday's abandoned checkout, with its items and recovery link.
    expect(events.find((e) => e.kind === 'checkout_abandoned')).toMatchObject({
      items: expect.arrayContaining([expect.stringMatching(/^\d+ × /)]),
      recoveryUrl: expect.stringMatching(/^https:\/\//),
    });
  });

  it('picks up a customer changed and one created in Shopify at the next run, and the orders placed meanwhile', async () => {
    const clock = testClock();
    const { h, shop, store } = await peopleHarness({ clock });
    await h.services.peopleSync.tick();
    const before = (await h.services.peopleSync.status()).counts;

    clock.advance(60_000);
    const amelieId = firstCustomerId(store);
    store.changes.updateCustomer(amelieId, {
      tags: ['vip'],
      address: { address1: '3 Quai Saint-Antoine', city: 'Lyon', countryCode: 'FR' },
    });
    const created = store.changes.createCustomer({
      firstName: 'Nadia',
      lastName: 'Haddad',
      email: 'nadia@example.com',
      phone: '+447700900777',
    });
    store.changes.placeOrder(Number(created.id), { payment: 'paid' });

    // Not before its time comes: three minutes after the first run ended.
    expect(await h.services.peopleSync.tick()).toBe('idle');
    clock.advance(180_000);
    expect(await h.services.peopleSync.tick()).toBe('ran');

    const status = await h.services.peopleSync.status();
    expect(status.lastRun).toMatchObject({ kind: 'incremental', created: 1, error: null });
    expect(status.lastRun?.updated).toBeGreaterThanOrEqual(1);
    expect(status.counts.people).toBe(before.people + 1);
    const [amelie] = await h.services.people.findByContact(shop, 'email', 'amelie.dubois@example.fr');
    expect(amelie?.fields.city).toBe('Lyon');
    expect(amelie?.tags).toEqual(['vip']);
    const [nadia] = await h.services.people.findByContact(shop, 'phone', '+447700900777');
    expect(nadia?.fields.firstName).toBe('Nadia');
    expect((await h.services.people.events(nadia?.id ?? '')).map((e) => e.kind)).toEqual(['order_placed']);

    // Nothing changed: the next run reads again only its overlap, and duplicates nothing.
    clock.advance(181_000);
    await h.services.peopleSync.tick();
    expect((await h.services.peopleSync.status()).counts).toEqual(status.counts);
  });

  it('says why a failed bulk read stopped the first run, and starts it again at the next run without duplicates', async () => {
    const clock = testClock();
    const { h, store } = await peopleHarness({ clock });
    store.bulkOperations.failNext({ errorCode: 'INTERNAL_SERVER_ERROR', afterObjects: 10 });
    await h.services.peopleSync.tick();
    const failed = await h.services.peopleSync.status();
    // Stopped short: still in its first run, but none under way until the next one resumes it.
    expect(failed).toMatchObject({ phase: 'initial', running: false, progress: null });
    expect(failed.lastRun?.error).toBe('Shopify failed while reading all customers; the next run starts the read again.');

    clock.advance(181_000);
    expect(await h.services.peopleSync.tick()).toBe('ran');
    const done = await h.services.peopleSync.status();
    expect(done.phase).toBe('up_to_date');
    expect(done.counts.people).toBe(customersIn(store));
  });

  it('resumes a first run cut off mid-file on another instance, from the lines already written, duplicating nothing', async () => {
    const clock = testClock();
    const { h, store } = await peopleHarness({ clock, peopleSync: { batchSize: 7, leaseMs: 30_000 } });
    const { services } = h;
    // The first instance dies after reading 20 lines of the bulk file, as under kill -9: no error handling
    // runs, no lease is released; its run stays where its last committed batch left it.
    let served = 0;
    const dying = createPeopleSync({
      settings: services.peopleSettings,
      people: services.people,
      credential: (id) => services.credentials.get(id),
      shopify: services.shopify,
      intervalMs: 180_000,
      clock: clock.now,
      sleep: async () => undefined,
      pollMs: 1,
      batchSize: 7,
      leaseMs: 30_000,
      instanceId: 'dying',
      fetchFile: async (url) => {
        const lines = (await (await fetch(url)).text()).split('\n');
        const body = new ReadableStream<Uint8Array>({
          async pull(controller) {
            if (served >= 20) return new Promise<void>(() => undefined);
            controller.enqueue(new TextEncoder().encode(`${lines[served] ?? ''}\n`));
            served += 1;
          },
        });
        return new Response(body);
      },
    });
    void dying.tick();
    await expect
      .poll(async () => (await services.peopleSettings.state('linden-and-loom.myshopify.com'))?.checkpoint.bulkLinesDone ?? 0)
      .toBeGreaterThan(0);
    const cut = await services.peopleSettings.state('linden-and-loom.myshopify.com');
    expect(cut?.run).not.toBeNull();
    expect(cut?.checkpoint.bulkLinesDone).toBeGreaterThan(0);
    expect(await services.peopleSync.status()).toMatchObject({ phase: 'initial', running: true, progress: { done: expect.any(Number) } });
    const written = (await services.people.counts()).people;
    expect(written).toBeGreaterThan(0);
    expect(written).toBeLessThan(customersIn(store));

    // Another instance may not take the run over while the lease lasts, and does once it has expired.
    expect(await services.peopleSync.tick()).toBe('idle');
    clock.advance(31_000);
    expect(await services.peopleSync.tick()).toBe('ran');
    const status = await services.peopleSync.status();
    expect(status.phase).toBe('up_to_date');
    expect(status.counts.people).toBe(customersIn(store));
    expect(status.lastRun).toMatchObject({ kind: 'initial', created: customersIn(store), error: null });
    const orders = [...store.index.ordersById.values()].filter((order) => order.customerId !== null).length;
    const placed = await services.sql.get<{ n: number }>("SELECT COUNT(*) AS n FROM person_events WHERE kind = 'order_placed'");
    expect(placed?.n).toBe(orders);
  });

  it('runs on one instance at a time', async () => {
    const { h } = await peopleHarness();
    const { services } = h;
    const second = createPeopleSync({
      settings: services.peopleSettings,
      people: services.people,
      credential: (id) => services.credentials.get(id),
      shopify: services.shopify,
      intervalMs: 180_000,
      sleep: async () => undefined,
      pollMs: 1,
      instanceId: 'second',
    });
    const results = await Promise.all([services.peopleSync.tick(), second.tick()]);
    expect(results.sort()).toEqual(['idle', 'ran']);
  });

  it('writes a mapping saved while active only into what is synced from then on', async () => {
    const clock = testClock();
    const { h, shop, store } = await peopleHarness({ clock });
    await h.services.peopleSync.tick();
    const v2: PeopleMappingInput = {
      rows: [
        ...basicPeopleMapping.rows.filter((row) => row.source !== 'city'),
        { source: 'locale', target: { kind: 'attribute', key: 'language' } },
      ],
      attributes: [...basicPeopleMapping.attributes, { key: 'language', type: 'string' }],
    };
    await h.services.peopleSettings.saveMapping(v2, 1, 'admin-1');
    clock.advance(60_000);
    const amelieId = firstCustomerId(store);
    store.changes.updateCustomer(amelieId, { address: { address1: '1 La Canebière', city: 'Marseille', countryCode: 'FR' } });
    clock.advance(181_000);
    await h.services.peopleSync.tick();

    const [amelie] = await h.services.people.findByContact(shop, 'email', 'amelie.dubois@example.fr');
    // City is no longer mapped: it keeps what version 1 wrote. The new attribute is written by version 2.
    expect(amelie?.fields.city).toBe('Paris');
    expect(amelie?.fieldVersions).toMatchObject({ city: 1, firstName: 2 });
    expect(amelie?.attributes.language).toEqual({ value: 'fr', type: 'string', mappingVersion: 2 });
    const [oliver] = await h.services.people.findByContact(shop, 'email', 'oliver.bennett@example.co.uk');
    expect(oliver?.attributes.language).toBeUndefined();
  });

  it('stops looking once deactivated, and people keep their data', async () => {
    const clock = testClock();
    const { h } = await peopleHarness({ clock });
    await h.services.peopleSync.tick();
    await h.services.peopleSettings.setActive(false, 'admin-1');
    clock.advance(10 * 60_000);
    expect(await h.services.peopleSync.tick()).toBe('idle');
    const status = await h.services.peopleSync.status();
    expect(status).toMatchObject({ active: false, nextRunAt: null });
    expect(status.counts.people).toBeGreaterThan(0);
  });
});
