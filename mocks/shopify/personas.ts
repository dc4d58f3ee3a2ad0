import type { CountryCode } from './geography';
import type { CustomerState } from './seed-model';
import type { ScenarioName } from './order-scenarios';
import type { PaymentStory } from './seed-payments';

/**
 * The sandbox shop and its fixed customers. Other suites rely on these exact values (names,
 * phones, emails, order counts), so change them only together with those suites. Importing this
 * module is cheap: no schema, no seed.
 */

export const sandboxShop = {
  domain: 'linden-and-loom.myshopify.com',
  name: 'Linden & Loom',
  clientId: 'sandbox-client-id-linden-and-loom',
  clientSecret: 'sandbox-client-secret-linden-and-loom',
  /** A legacy Admin API access token: deliberately not shaped like a real one. */
  accessToken: 'sandbox-legacy-admin-token',
  apiKey: 'sandbox-api-key-linden-and-loom',
} as const;

/** Numeric ids in Shopify's range, far from order numbers, so the two are never confused. */
export const customerIdBase = 7_346_120_000_000;

export function customerGid(id: number): string {
  return `gid://shopify/Customer/${id}`;
}

/** Shopify writes East Asian names family name first. */
export function displayNameOf(firstName: string | null, lastName: string | null, locale: string): string {
  const familyFirst = /^(ja|ko|zh)\b/.test(locale);
  const parts = familyFirst ? [lastName, firstName] : [firstName, lastName];
  return parts.filter((part): part is string => !!part).join(' ');
}

/** One of a persona's newest orders, set by hand so that each tells a story on the card. */
export type PersonaOrder = {
  scenario: ScenarioName;
  ageDays: number;
  note?: string;
  tags?: string[];
  trackingUrl?: string;
  /** What happened to the payment, beyond the financial status (see seed-payments.ts). */
  payment?: PaymentStory;
};

export type PersonaProfile = {
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  locale: string;
  country: CountryCode;
  address: { address1: string; address2?: string; city: string; province?: string; provinceCode?: string; zip: string; phone?: string };
  state: CustomerState;
  tags: string[];
  note: string | null;
  customerSinceDays: number;
  orderCount: number;
  /** The newest orders, newest first; the rest spread over the two years before them. */
  recentOrders: PersonaOrder[];
};

/**
 * The Taylors' home: the household phone is on both their addresses and is neither's own phone, so a
 * call from it matches two customers for the agent to pick from.
 */
const householdAddress = {
  address1: '8 Arthur Street',
  city: 'Surry Hills',
  province: 'New South Wales',
  provinceCode: 'NSW',
  zip: '2010',
  phone: '+61491570156',
};

export const personaProfiles = {
  amelie: {
    firstName: 'Amélie',
    lastName: 'Dubois',
    email: 'amelie.dubois@example.fr',
    phone: '+33612345678',
    locale: 'fr',
    country: 'FR',
    address: { address1: '12 Rue des Martyrs', address2: 'Bâtiment B', city: 'Paris', zip: '75009' },
    state: 'ENABLED',
    tags: ['newsletter', 'returning'],
    note: 'Prefers WhatsApp for delivery updates.',
    customerSinceDays: 760,
    orderCount: 12,
    recentOrders: [
      { scenario: 'inTransit', ageDays: 2 },
      { scenario: 'partiallyFulfilled', ageDays: 6 },
      { scenario: 'delivered', ageDays: 20 },
      { scenario: 'partiallyRefunded', ageDays: 45, note: 'Une serviette reçue abîmée : remboursée.' },
    ],
  },
  oliver: {
    firstName: 'Oliver',
    lastName: 'Bennett',
    email: 'oliver.bennett@example.co.uk',
    phone: '+447700900123',
    locale: 'en-GB',
    country: 'GB',
    address: { address1: '27 Clerkenwell Road', city: 'London', zip: 'EC1M 5RN' },
    state: 'ENABLED',
    tags: ['trade'],
    note: null,
    customerSinceDays: 700,
    orderCount: 8,
    recentOrders: [
      { scenario: 'authorized', ageDays: 1 },
      { scenario: 'delivered', ageDays: 15, payment: 'chargedTwice' },
      { scenario: 'returnedRefunded', ageDays: 50 },
    ],
  },
  hiroshi: {
    firstName: '博',
    lastName: '田中',
    email: 'hiroshi.tanaka@example.jp',
    phone: '+81312345678',
    locale: 'ja',
    country: 'JP',
    address: { address1: '神宮前1-2-3', city: '渋谷区', province: 'Tokyo', provinceCode: 'JP-13', zip: '150-0001' },
    state: 'ENABLED',
    tags: [],
    note: null,
    customerSinceDays: 540,
    orderCount: 6,
    recentOrders: [
      { scenario: 'onHold', ageDays: 3, note: '配達は平日の午前中を希望します。' },
      { scenario: 'delivered', ageDays: 25, payment: 'declinedThenPaid' },
    ],
  },
  lukasz: {
    firstName: 'Łukasz',
    lastName: 'Wiśniewski',
    email: 'lukasz.wisniewski@example.pl',
    phone: '+48601234567',
    locale: 'pl',
    country: 'PL',
    address: { address1: 'ul. Marszałkowska 84', address2: 'lok. 12', city: 'Warszawa', zip: '00-514' },
    state: 'ENABLED',
    tags: [],
    note: null,
    customerSinceDays: 480,
    orderCount: 5,
    recentOrders: [
      { scenario: 'inProgress', ageDays: 4 },
      { scenario: 'cancelledVoided', ageDays: 40 },
    ],
  },
  sofia: {
    firstName: 'Sofía',
    lastName: 'Hernández',
    email: 'sofia.hernandez@example.mx',
    phone: '+5215512345678',
    locale: 'es',
    country: 'MX',
    address: {
      address1: 'Av. Álvaro Obregón 120',
      address2: 'Roma Norte',
      city: 'Ciudad de México',
      province: 'Ciudad de México',
      provinceCode: 'CMX',
      zip: '06700',
    },
    state: 'ENABLED',
    tags: ['newsletter'],
    note: null,
    customerSinceDays: 610,
    orderCount: 7,
    recentOrders: [
      { scenario: 'pendingFulfillment', ageDays: 1 },
      { scenario: 'pendingPayment', ageDays: 9 },
      { scenario: 'expired', ageDays: 55 },
    ],
  },
  chloe: {
    firstName: 'Chloé',
    lastName: 'Martin',
    email: 'chloe.martin@example.com',
    phone: '+14155550142',
    locale: 'en',
    country: 'US',
    address: { address1: '742 Valencia Street', city: 'San Francisco', province: 'California', provinceCode: 'CA', zip: '94110' },
    // Hostile values live on Chloé, for the safety tests: HTML in a tag, a note and tracking links.
    state: 'ENABLED',
    tags: ['<b>vip</b>', 'wholesale'],
    note: 'Ask for the <script>alert(1)</script> discount code.',
    customerSinceDays: 400,
    orderCount: 4,
    recentOrders: [
      { scenario: 'unfulfilled', ageDays: 0, note: '<img src=x onerror=alert(1)>', tags: ['<b>vip</b>'] },
      { scenario: 'inTransit', ageDays: 5, trackingUrl: 'http://tracking.example.com/track?n=1Z999AA10123456784' },
      { scenario: 'delivered', ageDays: 10, trackingUrl: 'javascript:alert(1)' },
    ],
  },
  mateus: {
    firstName: 'Mateus',
    lastName: 'Araújo',
    email: 'mateus.araujo@example.com.br',
    phone: '+5511987654321',
    locale: 'pt-BR',
    country: 'BR',
    address: {
      address1: 'Rua Oscar Freire, 900',
      address2: 'Apto 52',
      city: 'São Paulo',
      province: 'São Paulo',
      provinceCode: 'SP',
      zip: '01426-001',
    },
    state: 'ENABLED',
    tags: [],
    note: null,
    customerSinceDays: 300,
    orderCount: 3,
    recentOrders: [
      { scenario: 'scheduled', ageDays: 5, tags: ['subscription'] },
      { scenario: 'requestDeclined', ageDays: 12 },
    ],
  },
  margaret: {
    firstName: 'Margaret',
    lastName: "O'Brien",
    email: 'margaret.obrien@example.ie',
    phone: '+353871234567',
    locale: 'en',
    country: 'IE',
    address: { address1: '14 Merrion Square', city: 'Dublin 2', province: 'Dublin', provinceCode: 'D', zip: 'D02 XY45' },
    state: 'ENABLED',
    tags: ['vip', 'subscription'],
    note: 'Long-standing customer: a standing order ships most weeks.',
    customerSinceDays: 735,
    orderCount: 250,
    recentOrders: [
      { scenario: 'openAtWarehouse', ageDays: 3 },
      { scenario: 'delivered', ageDays: 8 },
    ],
  },
  noah: {
    firstName: 'Noah',
    lastName: 'Williams',
    email: null,
    phone: '+14155550123',
    locale: 'en',
    country: 'US',
    address: { address1: '1200 Fillmore Street', city: 'San Francisco', province: 'California', provinceCode: 'CA', zip: '94115' },
    state: 'DISABLED',
    tags: [],
    note: 'Orders by phone; no email on file.',
    customerSinceDays: 420,
    orderCount: 3,
    recentOrders: [
      { scenario: 'cancelledRestocked', ageDays: 8 },
      { scenario: 'delivered', ageDays: 35 },
    ],
  },
  jack: {
    firstName: 'Jack',
    lastName: 'Taylor',
    email: 'jack.taylor@example.com.au',
    phone: '+61412345678',
    locale: 'en',
    country: 'AU',
    address: householdAddress,
    state: 'ENABLED',
    tags: [],
    note: null,
    customerSinceDays: 500,
    orderCount: 2,
    recentOrders: [{ scenario: 'delivered', ageDays: 9, payment: 'chargeback' }],
  },
  emily: {
    firstName: 'Emily',
    lastName: 'Taylor',
    email: 'emily.taylor@example.com.au',
    // Shopify keeps a phone to one customer: Emily has none of her own, only the household's.
    phone: null,
    locale: 'en',
    country: 'AU',
    address: householdAddress,
    state: 'ENABLED',
    tags: [],
    note: 'Shares a household phone with Jack Taylor.',
    customerSinceDays: 300,
    orderCount: 2,
    recentOrders: [{ scenario: 'partiallyPaid', ageDays: 14 }],
  },
  priya: {
    firstName: 'Priya',
    lastName: 'Raman',
    email: 'priya.raman@example.in',
    phone: '+919876543210',
    locale: 'en',
    country: 'IN',
    address: { address1: '42 MG Road', city: 'Bengaluru', province: 'Karnataka', provinceCode: 'KA', zip: '560001' },
    state: 'INVITED',
    tags: [],
    note: null,
    customerSinceDays: 12,
    orderCount: 0,
    recentOrders: [],
  },
  grace: {
    firstName: 'Grace',
    lastName: 'Kim',
    email: 'grace.kim@example.com',
    phone: null,
    locale: 'en',
    country: 'US',
    // No default phone on the customer: only her address carries one.
    address: {
      address1: '1501 Pike Place',
      city: 'Seattle',
      province: 'Washington',
      provinceCode: 'WA',
      zip: '98101',
      phone: '+12065550199',
    },
    state: 'ENABLED',
    tags: [],
    note: null,
    customerSinceDays: 200,
    orderCount: 2,
    recentOrders: [{ scenario: 'delivered', ageDays: 7 }],
  },
} satisfies Record<string, PersonaProfile>;

export type PersonaKey = keyof typeof personaProfiles;
export type Persona = { id: string; displayName: string; email: string | null; phone: string | null };

/** Persona keys in id order: the first customers of the store. */
export const personaKeys = Object.keys(personaProfiles) as PersonaKey[];

export const personas = Object.fromEntries(
  personaKeys.map((key, index) => {
    const profile: PersonaProfile = personaProfiles[key];
    const persona: Persona = {
      id: customerGid(customerIdBase + index + 1),
      displayName: displayNameOf(profile.firstName, profile.lastName, profile.locale),
      email: profile.email,
      phone: profile.phone,
    };
    return [key, persona];
  }),
) as Record<PersonaKey, Persona>;
