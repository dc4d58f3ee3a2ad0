import { describe, expect, it } from 'vitest';
import { personaKeys, personaProfiles, personas, sandboxShop } from './personas';
import { createSandboxSeed, startOfUtcDay } from './seed';
import { extraPeople } from './seed-extra';
import { createTestStore, graphql, testNow } from './test-support';

const seed = createSandboxSeed({ now: testNow });
const customerOf = (key: keyof typeof personas) => {
  const customer = seed.customers.find((candidate) => `gid://shopify/Customer/${candidate.id}` === personas[key].id);
  if (!customer) throw new Error(`no customer for ${key}`);
  return customer;
};
const ordersOf = (key: keyof typeof personas) => seed.orders.filter((order) => order.customerId === customerOf(key).id);

describe('the seed', () => {
  it('is identical for the same anchor date', async () => {
    expect(createSandboxSeed({ now: testNow })).toEqual(seed);
    const query =
      '{ orders(first: 50, reverse: true) { nodes { id name createdAt totalPriceSet { shopMoney { amount } } lineItems(first: 5) { nodes { sku } } } } }';
    const [a, b] = await Promise.all([graphql(createTestStore(), query), graphql(createTestStore(), query)]);
    expect(a.body.data).toEqual(b.body.data);
  });

  it('moves with the anchor date: the same store, shifted in time', () => {
    const later = createSandboxSeed({ now: new Date(testNow.getTime() + 10 * 86_400_000) });
    expect(later.orders.map((order) => order.name)).toEqual(seed.orders.map((order) => order.name));
    expect(later.orders.map((order) => order.createdAt - seed.orders[order.number - 1001]!.createdAt)).toEqual(
      seed.orders.map(() => 10 * 86_400_000),
    );
  });

  it('anchors to the start of the current UTC day by default', () => {
    expect(startOfUtcDay(new Date('2026-03-04T17:45:00Z')).toISOString()).toBe('2026-03-04T00:00:00.000Z');
  });

  it('holds the personas with their exact contact details and order counts', () => {
    for (const key of personaKeys) {
      const customer = customerOf(key);
      expect(customer.email).toBe(personas[key].email);
      expect(customer.phone).toBe(personas[key].phone);
      expect(customer.orderIds).toHaveLength(personaProfiles[key].orderCount);
    }
    expect(personas.hiroshi.displayName).toBe('田中 博');
    expect(personas.margaret).toEqual({
      id: expect.stringMatching(/^gid:\/\/shopify\/Customer\/\d+$/),
      displayName: "Margaret O'Brien",
      email: 'margaret.obrien@example.ie',
      phone: '+353871234567',
    });
    expect(personas.noah.email).toBeNull();
    expect(customerOf('jack').defaultAddress?.phone).toBe(customerOf('emily').defaultAddress?.phone);
    expect(personas.emily.phone).toBeNull();
    expect(customerOf('grace').phone).toBeNull();
    expect(customerOf('grace').defaultAddress?.phone).toBe('+12065550199');
    expect(sandboxShop.accessToken).not.toMatch(/^shp/);
  });

  it('shows each persona’s orders in their own currency', () => {
    const currencies = {
      amelie: 'EUR',
      oliver: 'GBP',
      hiroshi: 'JPY',
      lukasz: 'EUR',
      sofia: 'USD',
      chloe: 'USD',
      mateus: 'USD',
      margaret: 'EUR',
      noah: 'USD',
      jack: 'USD',
      emily: 'USD',
      grace: 'USD',
    } as const;
    for (const [key, currency] of Object.entries(currencies)) {
      expect(new Set(ordersOf(key as keyof typeof currencies).map((order) => order.currency))).toEqual(new Set([currency]));
    }
  });

  it('gives Margaret exactly 250 orders over two years', () => {
    const times = ordersOf('margaret').map((order) => order.createdAt);
    expect(times).toHaveLength(250);
    expect(testNow.getTime() - Math.min(...times)).toBeGreaterThan(700 * 86_400_000);
    expect(testNow.getTime() - Math.min(...times)).toBeLessThan(731 * 86_400_000);
  });

  it('numbers orders from #1001 in creation order, unique store-wide', () => {
    expect(seed.orders[0]?.name).toBe('#1001');
    expect(new Set(seed.orders.map((order) => order.name)).size).toBe(seed.orders.length);
    seed.orders.forEach((order, index) => {
      expect(order.number).toBe(1001 + index);
      if (index > 0) expect(order.createdAt).toBeGreaterThanOrEqual(seed.orders[index - 1]!.createdAt);
    });
  });

  it('covers every financial and fulfillment status', () => {
    expect(new Set(seed.orders.map((order) => order.financialStatus))).toEqual(
      new Set(['PENDING', 'AUTHORIZED', 'PARTIALLY_PAID', 'PARTIALLY_REFUNDED', 'VOIDED', 'PAID', 'REFUNDED', 'EXPIRED']),
    );
    expect(new Set(seed.orders.map((order) => order.fulfillmentStatus))).toEqual(
      new Set([
        'UNFULFILLED',
        'PARTIALLY_FULFILLED',
        'FULFILLED',
        'RESTOCKED',
        'PENDING_FULFILLMENT',
        'OPEN',
        'IN_PROGRESS',
        'ON_HOLD',
        'SCHEDULED',
        'REQUEST_DECLINED',
      ]),
    );
    expect(new Set(seed.orders.map((order) => order.currency))).toEqual(new Set(['USD', 'EUR', 'GBP', 'JPY', 'CAD']));
  });

  it('keeps statuses coherent with cancellations, shipments and refunds', () => {
    const now = testNow.getTime();
    for (const order of seed.orders) {
      expect(order.cancelledAt === null).toBe(order.cancelReason === null);
      if (order.cancelledAt !== null) expect(order.closedAt).not.toBeNull();
      if (order.fulfillmentStatus === 'FULFILLED' || order.fulfillmentStatus === 'PARTIALLY_FULFILLED') {
        expect(order.fulfillments.length).toBeGreaterThan(0);
        expect(order.fulfillments.every((f) => f.tracking.length > 0)).toBe(true);
      } else {
        expect(order.fulfillments).toEqual([]);
      }
      if (order.fulfillmentStatus === 'RESTOCKED') expect(order.cancelledAt).not.toBeNull();
      if (order.financialStatus === 'REFUNDED') expect(order.refunded).toBe(order.received);
      if (order.financialStatus === 'PARTIALLY_REFUNDED') expect(order.refunded).toBeLessThan(order.received);
      expect(order.currentTotal).toBeLessThanOrEqual(order.total);
      for (const time of [order.createdAt, order.updatedAt, order.closedAt, order.cancelledAt]) {
        if (time !== null) expect(time).toBeLessThan(now);
      }
      for (const fulfillment of order.fulfillments) {
        if (fulfillment.deliveredAt !== null) expect(fulfillment.deliveredAt).toBeLessThan(now);
      }
    }
  });

  it('has line items with catalogue images and carriers’ https tracking links', () => {
    const items = seed.orders.flatMap((order) => order.lineItems);
    expect(new Set(items.map((item) => item.productHandle)).size).toBeGreaterThan(8);
    const companies = new Set(seed.orders.flatMap((order) => order.fulfillments.flatMap((f) => f.tracking.map((t) => t.company))));
    expect([...companies]).toEqual(expect.arrayContaining(['UPS', 'DHL Express', 'Royal Mail', 'Japan Post']));
  });

  it('includes the hostile values the safety tests look for', () => {
    const notes = seed.orders.map((order) => order.note);
    const urls = seed.orders.flatMap((order) => order.fulfillments.flatMap((f) => f.tracking.map((t) => t.url ?? '')));
    expect(notes).toContain('<img src=x onerror=alert(1)>');
    expect(seed.orders.some((order) => order.tags.includes('<b>vip</b>'))).toBe(true);
    expect(customerOf('chloe').tags).toContain('<b>vip</b>');
    expect(urls).toContain('javascript:alert(1)');
    expect(urls.filter((url) => url.startsWith('http://'))).toHaveLength(1);
  });

  it('has about 30 more customers, named in many scripts, with phones from many countries', () => {
    const others = seed.customers.slice(personaKeys.length);
    expect(others.length).toBeGreaterThanOrEqual(30);
    const names = others.map((customer) => `${customer.firstName} ${customer.lastName}`).join(' ');
    expect(names).toMatch(/\p{Script=Arabic}/u);
    expect(names).toMatch(/\p{Script=Cyrillic}/u);
    const phones = seed.customers.map((customer) => customer.phone).filter((phone): phone is string => phone !== null);
    expect(phones.every((phone) => /^\+[1-9]\d{6,14}$/.test(phone))).toBe(true);
    const callingCodes = new Set(phones.map((phone) => phone.slice(0, 3)));
    expect(callingCodes.size).toBeGreaterThanOrEqual(8);
    expect(others.some((customer) => customer.tags.length > 0)).toBe(true);
    expect(others.some((customer) => customer.note !== null)).toBe(true);
  });

  it('adds generated shoppers on request, leaving the store’s own data as it was', async () => {
    const grown = createSandboxSeed({ now: testNow, extraCustomers: 120 });
    expect(grown.customers.slice(0, seed.customers.length)).toEqual(
      seed.customers.map((customer) => ({ ...customer, orderIds: expect.any(Array) })),
    );
    expect(grown.orders.slice(0, seed.orders.length)).toEqual(seed.orders);
    expect(createSandboxSeed({ now: testNow, extraCustomers: 120 })).toEqual(grown);

    const extra = grown.customers.slice(seed.customers.length);
    expect(extra).toHaveLength(120);
    // Each generated shopper's phone and email lead to that shopper alone.
    const ownersOf = (value: string | null) =>
      grown.customers.filter(
        (customer) =>
          value !== null && (customer.email === value || customer.phone === value || customer.addresses.some((a) => a.phone === value)),
      );
    for (const customer of extra) {
      expect(ownersOf(customer.phone)).toEqual([customer]);
      if (customer.email !== null) expect(ownersOf(customer.email)).toEqual([customer]);
    }
    // Some have no orders yet, as in any store; the orders the others have are theirs.
    expect(extra.filter((customer) => customer.orderIds.length > 0).length).toBeGreaterThan(60);
    for (const customer of extra) {
      expect(customer.orderIds.every((id) => grown.orders.some((order) => order.id === id && order.customerId === customer.id))).toBe(true);
    }
    const names = grown.orders.map((order) => order.name);
    expect(new Set(names).size).toBe(names.length);

    const last = extra.at(-1);
    const found = await graphql(
      createTestStore({ extraCustomers: 120 }),
      'query($q: String!) { customers(first: 2, query: $q) { nodes { id } } }',
      { q: `phone:${last?.phone}` },
    );
    expect(found.body.data).toEqual({ customers: { nodes: [{ id: `gid://shopify/Customer/${last?.id}` }] } });
  });

  it('grows to a hundred thousand shoppers from the regulators’ fiction ranges, each phone and email unique', () => {
    const extra = extraPeople(100_000, new Set());
    expect(extra).toHaveLength(100_000);
    expect(new Set(extra.map((person) => person.phone)).size).toBe(100_000);
    expect(new Set(extra.map((person) => person.email)).size).toBe(100_000);
    // British shoppers first (as before), then French, German and Australian ones with their own fiction numbers.
    expect(extra[0]?.phone).toMatch(/^\+447700900/);
    expect(new Set(extra.map((person) => person.country))).toEqual(new Set(['GB', 'FR', 'DE', 'AU']));
    const french = extra.find((person) => person.country === 'FR');
    expect(french).toMatchObject({ phone: expect.stringMatching(/^\+33(19900|26191|35301|46571|53649|63998)\d{4}$/), locale: 'fr' });
    expect(extra.every((person) => /^\+[1-9]\d{6,14}$/.test(person.phone ?? ''))).toBe(true);
    // Past the British ranges, a seed still builds: every shopper with one address, in their own currency.
    const { customers } = createSandboxSeed({ now: testNow, extraCustomers: 14_000 });
    const beyond = customers.slice(-1000);
    expect(new Set(beyond.map((customer) => customer.defaultAddress?.countryCode))).toEqual(new Set(['FR']));
    expect(beyond.every((customer) => customer.presentmentCurrency === 'EUR' && customer.addresses.length === 1)).toBe(true);
  });
});
