import { afterEach, describe, expect, it } from 'vitest';
import { testEngines } from '../test/engines';
import type { Sql } from '../storage/sql';
import { createPeopleStore, type PersonWrite } from './people-store';

const shop = 'acme.myshopify.com';
const gid = (n: number) => `gid://shopify/Customer/${n}`;

function customer(n: number, change: Partial<PersonWrite> = {}): PersonWrite {
  return {
    shopifyCustomerId: gid(n),
    shopifyUpdatedAt: '2026-11-01T10:00:00Z',
    mappingVersion: 1,
    fields: { firstName: `First${n}`, lastName: `Last${n}` },
    emails: [`Person${n}@Example.com`],
    phones: [`+4477009001${String(n).padStart(2, '0')}`],
    tags: ['vip'],
    attributes: { shopifyOrdersCount: { value: n, type: 'integer', mappingVersion: 1 } },
    ...change,
  };
}

for (const engine of await testEngines()) {
  describe.skipIf(!engine.available)(`People store on ${engine.name}`, () => {
    let sql: Sql | undefined;
    afterEach(async () => {
      await sql?.close();
      sql = undefined;
    });
    async function store() {
      sql = await engine.open();
      let clock = Date.parse('2026-11-01T12:00:00Z');
      return { people: createPeopleStore(sql, () => (clock += 1000)), sql };
    }

    it('creates people once per Shopify customer, however often a batch is written', async () => {
      const { people } = await store();
      expect(await people.upsert(shop, [customer(1), customer(2)])).toEqual({ created: 2, updated: 0, skipped: 0 });
      expect(await people.upsert(shop, [customer(1), customer(2)])).toEqual({ created: 0, updated: 2, skipped: 0 });
      expect(await people.counts()).toEqual({ people: 2, events: 0 });
      const [found] = await people.findByContact(shop, 'email', 'PERSON1@example.com');
      expect(found).toMatchObject({ shopifyCustomerId: gid(1), emails: ['person1@example.com'], phones: ['+447700900101'], tags: ['vip'] });
      expect(found?.fields).toMatchObject({ firstName: 'First1', lastName: 'Last1', city: null });
    });

    it('finds a person by any of their phones, address phones included', async () => {
      const { people } = await store();
      await people.upsert(shop, [customer(1, { phones: ['+447700900101', '+33612345678'] })]);
      expect((await people.findByContact(shop, 'phone', '+33612345678')).map((p) => p.shopifyCustomerId)).toEqual([gid(1)]);
      expect(await people.findByContact(shop, 'phone', '+33600000000')).toEqual([]);
      expect(await people.findByContact('other.myshopify.com', 'phone', '+33612345678')).toEqual([]);
    });

    it('keeps what a newer mapping no longer writes, and says which version wrote each value', async () => {
      const { people } = await store();
      await people.upsert(shop, [customer(1, { fields: { firstName: 'Ana', city: 'Lyon' } })]);
      await people.upsert(shop, [
        customer(1, {
          mappingVersion: 2,
          fields: { firstName: 'Anna' },
          emails: undefined,
          attributes: { vip: { value: true, type: 'boolean', mappingVersion: 2 } },
        }),
      ]);
      const [person] = await people.findByContact(shop, 'email', 'person1@example.com');
      expect(person?.fields).toMatchObject({ firstName: 'Anna', city: 'Lyon' });
      expect(person?.fieldVersions).toMatchObject({ firstName: 2, city: 1, emails: 1 });
      expect(person?.attributes).toEqual({
        shopifyOrdersCount: { value: 1, type: 'integer', mappingVersion: 1 },
        vip: { value: true, type: 'boolean', mappingVersion: 2 },
      });
    });

    it('stores each event once, and drops events of customers it does not know', async () => {
      const { people } = await store();
      await people.upsert(shop, [customer(1)]);
      const placed = {
        shopifyCustomerId: gid(1),
        kind: 'order_placed' as const,
        sourceId: 'gid://shopify/Order/9',
        occurredAt: '2026-11-02T09:00:00Z',
        data: { orderName: '#1009', total: { amount: '10.00', currencyCode: 'EUR' } },
      };
      const stranger = { ...placed, shopifyCustomerId: gid(99), sourceId: 'gid://shopify/Order/10' };
      expect(await people.recordEvents(shop, [placed, stranger])).toBe(1);
      expect(await people.recordEvents(shop, [placed])).toBe(0);
      const [person] = await people.findByContact(shop, 'email', 'person1@example.com');
      expect(await people.events(person?.id ?? '')).toEqual([
        expect.objectContaining({ kind: 'order_placed', sourceId: 'gid://shopify/Order/9', orderName: '#1009' }),
      ]);
    });

    it('pages the directory in name order and searches names, emails and phone digits', async () => {
      const { people } = await store();
      await people.upsert(
        shop,
        Array.from({ length: 25 }, (_, i) => customer(i + 1)),
      );
      const seen: string[] = [];
      let after = null;
      do {
        const page: Awaited<ReturnType<typeof people.list>> = await people.list({ after, limit: 10 });
        seen.push(...page.people.map((p) => p.shopifyCustomerId));
        after = page.next;
      } while (after);
      expect(new Set(seen).size).toBe(25);
      expect((await people.list({ query: 'last7', limit: 10 })).people.map((p) => p.fields.lastName)).toEqual(['Last7']);
      expect((await people.list({ query: 'PERSON12@', limit: 10 })).people).toHaveLength(1);
      expect((await people.list({ query: '900103', limit: 10 })).people.map((p) => p.fields.firstName)).toEqual(['First3']);
      expect((await people.list({ query: '%', limit: 10 })).people).toEqual([]);
    });

    it('deletes a person with their events, and keeps them deleted until Shopify changes the customer', async () => {
      const { people } = await store();
      await people.upsert(shop, [customer(1)]);
      const [person] = await people.findByContact(shop, 'email', 'person1@example.com');
      await people.recordEvents(shop, [
        { shopifyCustomerId: gid(1), kind: 'order_placed', sourceId: 'o1', occurredAt: '2026-11-02T00:00:00Z', data: {} },
      ]);
      expect(await people.remove(person?.id ?? '', 'admin-a')).toBe(true);
      expect(await people.counts()).toEqual({ people: 0, events: 0 });
      expect(await people.upsert(shop, [customer(1)])).toEqual({ created: 0, updated: 0, skipped: 1 });
      expect(await people.upsert(shop, [customer(1, { shopifyUpdatedAt: '2026-11-03T00:00:00Z' })])).toEqual({
        created: 1,
        updated: 0,
        skipped: 0,
      });
    });
  });
}
