import { afterEach, describe, expect, it } from 'vitest';
import { basicPeopleMapping } from '../../shared/people';
import type { CardResponse } from '../../shared/wire';
import { startHarness, testClock, type Harness } from '../test/harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** The card over the sandbox store, with People synced once (or set up and left inactive). */
async function withPeople(active = true) {
  h = await startHarness({ clock: testClock(), sandbox: { bulk: { startDelayMs: 0, pageDelayMs: 0 } } });
  const credential = (await h.services.credentials.list())[0];
  if (!credential) throw new Error('no credential');
  await h.services.peopleSettings.setCredential(credential.id, 'admin-1');
  await h.services.peopleSettings.saveMapping(basicPeopleMapping, 0, 'admin-1');
  await h.services.peopleSettings.setActive(true, 'admin-1');
  await h.services.peopleSync.tick();
  if (!active) await h.services.peopleSettings.setActive(false, 'admin-1');
  return h;
}

async function open(harness: Harness, body: unknown) {
  const before = harness.sandbox.store.stats.graphqlRequests;
  const response = await harness.openCard(body);
  const card = (await response.json()) as CardResponse;
  return { card, requests: harness.sandbox.store.stats.graphqlRequests - before };
}

describe('the card and the People directory', () => {
  it('finds a shopper by a phone that is only on their address through People, in one Shopify request', async () => {
    const harness = await withPeople();
    const { card, requests } = await open(harness, { phone: '+1 206 555 0199' });
    expect(card).toMatchObject({ state: 'matched', customer: { displayName: 'Grace Kim' } });
    expect(card.state === 'matched' && card.matchedBy).toEqual({
      kind: 'phone',
      value: '+12065550199',
      display: '+1 206 555 0199',
      via: 'people',
    });
    expect(requests).toBe(1);
  });

  it('finds a shopper by email through People, in one Shopify request', async () => {
    const harness = await withPeople();
    const { card, requests } = await open(harness, { email: 'Amelie.Dubois@example.fr' });
    expect(card.state === 'matched' && card.matchedBy.via).toBe('people');
    expect(requests).toBe(1);
  });

  it('searches Shopify as before when the sync is not active', async () => {
    const harness = await withPeople(false);
    const { card, requests } = await open(harness, { phone: '+12065550199' });
    expect(card.state === 'matched' && card.matchedBy.via).toBe('address');
    expect(requests).toBeGreaterThan(1);
  });

  it('tries the phone when the email of an Email conversation finds nobody', async () => {
    const harness = await withPeople(false);
    const { card } = await open(harness, { email: 'someone.else@example.com', phone: '+33612345678' });
    expect(card).toMatchObject({ state: 'matched', customer: { displayName: 'Amélie Dubois' }, matchedBy: { kind: 'phone' } });
    const nobody = await open(harness, { email: 'someone.else@example.com', phone: '+33699999999' });
    expect(nobody.card).toEqual({
      state: 'not_found',
      tried: [
        { kind: 'email', value: 'someone.else@example.com' },
        { kind: 'phone', value: '+33699999999', display: '+33 6 99 99 99 99' },
      ],
    });
  });

  it('shows the shopper’s abandoned checkout of the last 30 days, with a link to finish it', async () => {
    const harness = await withPeople();
    const { card } = await open(harness, { email: 'amelie.dubois@example.fr' });
    expect(card.state === 'matched' && card.abandonedCheckout).toMatchObject({
      abandonedAt: expect.any(String),
      total: { amount: '149.89', currencyCode: expect.any(String) },
      items: ['1 × Merino Wool Throw'],
      recoveryUrl: expect.stringMatching(/^https:\/\//),
    });
    const oliver = await open(harness, { email: 'oliver.bennett@example.co.uk' });
    // Oliver's checkout is older than 30 days.
    expect(oliver.card.state === 'matched' && oliver.card.abandonedCheckout).toBeUndefined();
  });

  it('falls back to Shopify when the customer People names was deleted in Shopify since', async () => {
    const harness = await withPeople();
    const amelieId = [...harness.sandbox.store.index.customersById.keys()][0] ?? 0;
    harness.sandbox.store.changes.deleteCustomer(amelieId);
    const { card } = await open(harness, { email: 'amelie.dubois@example.fr' });
    expect(card.state).toBe('not_found');
  });
});
