import { afterEach, describe, expect, it } from 'vitest';
import { basicPeopleMapping, type PeoplePage, type PeopleSyncState, type PersonDetail } from '../../../shared/people';
import { callApi, problemOf } from '../../test/config-api';
import { startHarness, type Harness } from '../../test/harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const shop = 'context-card-sandbox.myshopify.com';

async function seedPeople(harness: Harness, count: number) {
  await harness.services.people.upsert(
    shop,
    Array.from({ length: count }, (_, i) => ({
      shopifyCustomerId: `gid://shopify/Customer/${1000 + i}`,
      shopifyUpdatedAt: '2026-11-01T00:00:00Z',
      mappingVersion: 1,
      fields: { firstName: `Ana${i}`, lastName: `Lopez${String(i).padStart(2, '0')}` },
      emails: [`ana${i}@example.com`],
      phones: [`+3461234${String(5000 + i)}`],
      attributes: {},
    })),
  );
}

describe('the People API', () => {
  it('is for admins only', async () => {
    h = await startHarness();
    for (const [method, path] of [
      ['GET', '/api/people'],
      ['GET', '/api/people/sync'],
      ['POST', '/api/people/sync/run'],
    ] as const) {
      const response = await callApi(h, method, path, undefined, 'agent');
      expect(response.status).toBe(403);
      expect((await problemOf(response)).code).toBe('FORBIDDEN');
    }
  });

  it('says the sync never ran until it is set up', async () => {
    h = await startHarness();
    const state = (await (await callApi(h, 'GET', '/api/people/sync')).json()) as PeopleSyncState;
    expect(state).toMatchObject({
      credentialId: null,
      active: false,
      phase: 'never_run',
      lastRun: null,
      mapping: null,
      intervalSeconds: 180,
    });
    expect(state.counts).toEqual({ people: 0, events: 0 });
  });

  it('refuses to activate before a credential and a mapping are chosen, naming what is missing', async () => {
    h = await startHarness();
    const response = await callApi(h, 'PUT', '/api/people/sync/activation', { active: true });
    expect(response.status).toBe(400);
    expect((await problemOf(response)).detail).toBe(
      'Before activating, choose a credential (Set Credentials) and a saved mapping (Configure).',
    );
    const unknown = await callApi(h, 'PUT', '/api/people/sync/credential', { credentialId: 'nope' });
    expect(unknown.status).toBe(404);
  });

  it('saves a mapping that keeps the rules, refuses one that breaks them with the reason, and refuses a stale version', async () => {
    h = await startHarness();
    const broken = {
      rows: [
        { source: 'firstName', target: { kind: 'standard', field: 'firstName' } },
        { source: 'displayName', target: { kind: 'standard', field: 'firstName' } },
      ],
      attributes: [],
    };
    const refused = await callApi(h, 'PUT', '/api/people/mapping', { mapping: broken, version: 0 });
    expect(refused.status).toBe(400);
    const problem = await problemOf(refused);
    expect(problem.errors).toEqual([
      { path: 'rows.1.target', message: 'First name and Display name both go into First name: a People field takes one Shopify field' },
    ]);
    const saved = await callApi(h, 'PUT', '/api/people/mapping', { mapping: basicPeopleMapping, version: 0 });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ version: 1, savedBy: 'admin-1' });
    const stale = await callApi(h, 'PUT', '/api/people/mapping', { mapping: basicPeopleMapping, version: 0 });
    expect(stale.status).toBe(409);
    expect((await problemOf(stale)).code).toBe('CONFIG_CONFLICT');
  });

  it('pages the directory, searches it, shows a person with events and deletes them', async () => {
    h = await startHarness();
    await seedPeople(h, 30);
    const first = (await (await callApi(h, 'GET', '/api/people')).json()) as PeoplePage;
    expect(first.people).toHaveLength(25);
    expect(first.people[0]).toMatchObject({ firstName: 'Ana0', lastName: 'Lopez00', emails: ['ana0@example.com'] });
    expect(first.people[0]?.shopifyAdminUrl).toBe('https://admin.shopify.com/store/context-card-sandbox/customers/1000');
    const second = (await (await callApi(h, 'GET', `/api/people?cursor=${first.nextCursor}`)).json()) as PeoplePage;
    expect(second.people).toHaveLength(5);
    expect(second.nextCursor).toBeNull();
    const found = (await (await callApi(h, 'GET', '/api/people?query=ana17%40')).json()) as PeoplePage;
    expect(found.people.map((p) => p.firstName)).toEqual(['Ana17']);
    const badCursor = await callApi(h, 'GET', '/api/people?cursor=not-ours');
    expect(badCursor.status).toBe(400);

    const id = first.people[0]?.id ?? '';
    await h.services.people.recordEvents(shop, [
      {
        shopifyCustomerId: 'gid://shopify/Customer/1000',
        kind: 'order_placed',
        sourceId: 'gid://shopify/Order/1',
        occurredAt: '2026-11-02T00:00:00Z',
        data: { orderName: '#1001' },
      },
    ]);
    const person = (await (await callApi(h, 'GET', `/api/people/${id}`)).json()) as PersonDetail;
    expect(person.events).toEqual([expect.objectContaining({ kind: 'order_placed', orderName: '#1001' })]);
    expect((await callApi(h, 'DELETE', `/api/people/${id}`)).status).toBe(204);
    expect((await callApi(h, 'GET', `/api/people/${id}`)).status).toBe(404);
    expect((await callApi(h, 'DELETE', `/api/people/${id}`)).status).toBe(404);
  });
});
