/**
 * People as the BFF answers them: a few of the sandbox's shoppers with their events, and generated ones so a
 * search runs to more than one page. Each builder returns a fresh object, so a test can change its copy.
 */
import {
  basicPeopleMapping,
  type PeopleSyncState,
  type PersonDetail,
  type PersonEvent,
  type SavedPeopleMapping,
} from '../../src/shared/people';

const SHOP = 'linden-and-loom.myshopify.com';
const SYNCED_AT = '2026-11-20T09:57:00.000Z';

/** The basic mapping as the demo saved it. */
export function savedBasicMapping(change: Partial<SavedPeopleMapping> = {}): SavedPeopleMapping {
  return { version: 1, mapping: structuredClone(basicPeopleMapping), savedBy: 'demo', savedAt: '2026-11-01T08:00:00.000Z', ...change };
}

function person(
  number: number,
  fields: Partial<PersonDetail> & Pick<PersonDetail, 'firstName' | 'lastName'>,
  events: PersonEvent[] = [],
): PersonDetail {
  return {
    id: `person-${number}`,
    shopDomain: SHOP,
    shopifyCustomerId: `gid://shopify/Customer/${number}`,
    emails: [],
    phones: [],
    address: null,
    city: null,
    country: null,
    birthDate: null,
    tags: [],
    externalId: String(number),
    attributes: {},
    fieldVersions: { firstName: 1, lastName: 1, emails: 1, phones: 1, address: 1, city: 1, country: 1, tags: 1, externalId: 1 },
    shopifyAdminUrl: `https://admin.shopify.com/store/linden-and-loom/customers/${number}`,
    shopifyUpdatedAt: '2026-11-19T17:42:00.000Z',
    syncedAt: SYNCED_AT,
    createdAt: '2026-11-01T08:00:05.000Z',
    events,
    ...fields,
  };
}

const eur = (amount: string) => ({ amount, currencyCode: 'EUR' });

/** Amélie: orders placed, fulfilled and refunded, and yesterday's abandoned checkout. */
export function amelieDubois(): PersonDetail {
  return person(
    7346120000001,
    {
      firstName: 'Amélie',
      lastName: 'Dubois',
      emails: ['amelie.dubois@example.fr'],
      phones: ['+33612345678', '+33478000001'],
      address: '12 rue des Lilas',
      city: 'Lyon',
      country: 'FR',
      tags: ['vip', 'newsletter'],
      attributes: {
        shopifyOrdersCount: { value: 14, type: 'integer', mappingVersion: 1 },
        shopifyAmountSpent: { value: '1289.40', type: 'decimal', mappingVersion: 2 },
        shopifyAmountSpentCurrency: { value: 'EUR', type: 'string', mappingVersion: 1 },
        shopifyCustomerSince: { value: '2024-03-02T10:15:00.000Z', type: 'datetime', mappingVersion: 1 },
        shopifyEmailMarketingConsent: { value: true, type: 'boolean', mappingVersion: 1 },
      },
    },
    [
      {
        id: 'event-1',
        kind: 'checkout_abandoned',
        occurredAt: '2026-11-19T18:20:00.000Z',
        sourceId: 'gid://shopify/AbandonedCheckout/901',
        total: eur('134.00'),
        items: ['2 × Linen tea towel', '1 × Stoneware mug'],
        recoveryUrl: 'https://linden-and-loom.myshopify.com/checkouts/recover/901',
      },
      {
        id: 'event-2',
        kind: 'order_refunded',
        occurredAt: '2026-11-12T09:00:00.000Z',
        sourceId: 'gid://shopify/Order/5001',
        orderName: '#1038',
        total: eur('29.00'),
        items: ['1 × Linen napkin'],
        note: 'Arrived torn',
      },
      {
        id: 'event-3',
        kind: 'order_fulfilled',
        occurredAt: '2026-11-08T14:30:00.000Z',
        sourceId: 'gid://shopify/Order/5002',
        orderName: '#1042',
      },
      {
        id: 'event-4',
        kind: 'order_cancelled',
        occurredAt: '2026-11-06T11:00:00.000Z',
        sourceId: 'gid://shopify/Order/5003',
        orderName: '#1040',
        reason: 'CUSTOMER',
      },
      {
        id: 'event-5',
        kind: 'order_placed',
        occurredAt: '2026-11-05T16:45:00.000Z',
        sourceId: 'gid://shopify/Order/5002',
        orderName: '#1042',
        total: eur('89.50'),
      },
    ],
  );
}

export function hiroshiTanaka(): PersonDetail {
  return person(7346120000003, {
    firstName: '浩',
    lastName: '田中',
    emails: ['hiroshi.tanaka@example.jp'],
    phones: ['+819012345678'],
    city: '京都市',
    country: 'JP',
  });
}

/** Grace's phone is only on her address. */
export function graceOkafor(): PersonDetail {
  return person(7346120000012, { firstName: 'Grace', lastName: 'Okafor', phones: ['+447700900456'], city: 'London', country: 'GB' });
}

/** Generated shoppers, named so they sort after the three above. */
function generated(index: number): PersonDetail {
  const number = 7346120100000 + index;
  const padded = String(index).padStart(2, '0');
  return person(number, {
    firstName: `Shopper ${padded}`,
    lastName: 'Zimmermann',
    emails: [`shopper${padded}@example.com`],
    phones: [`+4915100000${padded}`],
  });
}

/** The directory after the demo's first run: 33 people, so the list runs to two pages. */
export function directory(): PersonDetail[] {
  return [amelieDubois(), hiroshiTanaka(), graceOkafor(), ...Array.from({ length: 30 }, (_, i) => generated(i + 1))];
}

/** Nothing set up: what a new admin finds. */
export function neverRunState(): PeopleSyncState {
  return {
    credentialId: null,
    active: false,
    phase: 'never_run',
    running: false,
    progress: null,
    lastRun: null,
    nextRunAt: null,
    intervalSeconds: 180,
    mapping: null,
    counts: { people: 0, events: 0 },
  };
}

/** The demo's set-up: the sandbox credential, the basic mapping, active, up to date. */
export function upToDateState(): PeopleSyncState {
  return {
    credentialId: 'cred-sandbox',
    active: true,
    phase: 'up_to_date',
    running: false,
    progress: null,
    lastRun: {
      kind: 'incremental',
      startedAt: '2026-11-20T09:57:00.000Z',
      finishedAt: '2026-11-20T09:57:02.000Z',
      created: 1,
      updated: 3,
      events: 7,
      errors: 0,
      error: null,
    },
    // Relative to now, as the BFF's is: the block says "in 3 minutes".
    nextRunAt: new Date(Date.now() + 180_000).toISOString(),
    intervalSeconds: 180,
    mapping: savedBasicMapping(),
    counts: { people: 33, events: 5 },
  };
}

/** The first run under way, a quarter through a large store. */
export function firstRunState(): PeopleSyncState {
  return {
    ...upToDateState(),
    phase: 'initial',
    running: true,
    progress: { done: 2340, total: 10000 },
    lastRun: null,
    nextRunAt: null,
    counts: { people: 2340, events: 812 },
  };
}

/** The last run stopped on Shopify's refusal; the next one is due later. */
export function failedRunState(): PeopleSyncState {
  const state = upToDateState();
  return {
    ...state,
    phase: 'incremental',
    lastRun: {
      kind: 'incremental',
      startedAt: '2026-11-20T09:57:00.000Z',
      finishedAt: '2026-11-20T09:57:01.000Z',
      created: 0,
      updated: 2,
      events: 0,
      errors: 1,
      error: 'Shopify refused the request: the app lacks the read_orders scope.',
    },
    nextRunAt: new Date(Date.now() + 180_000).toISOString(),
  };
}
