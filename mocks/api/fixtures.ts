/**
 * Realistic BFF answers for the card: what `POST /api/card`, `/api/card/orders` and `/api/card/order`
 * return for the sandbox's shoppers. Each builder returns a fresh object, so a test can change its
 * copy freely.
 */
import type { FieldKey, FieldValue, Money } from '../../src/shared/fields';
import { defaultFieldMapping, type FieldMapping } from '../../src/shared/mapping';
import type {
  CardResponse,
  CustomerCandidate,
  MatchedCard,
  MatchedIdentifier,
  MissingSetup,
  OrderDetails,
  OrderFlag,
  OrderPage,
  OrderSummary,
} from '../../src/shared/wire';

type Fields = Partial<Record<FieldKey, FieldValue | null>>;

const FETCHED_AT = '2026-11-20T08:30:00.000Z';

/** Page sizes as the BFF uses them: the card open brings ten orders, each "Load more" twenty-five. */
export const FIRST_PAGE_SIZE = 10;
export const NEXT_PAGE_SIZE = 25;

function eur(amount: string): Money {
  return { amount, currencyCode: 'EUR' };
}
function jpy(amount: string): Money {
  return { amount, currencyCode: 'JPY' };
}

/** One order with every field the catalogue knows; the answers keep only the configured ones. */
export type FixtureOrder = { id: string; name: string; fields: Fields; flags: OrderFlag[] };

function order(id: number, name: string, fields: Fields, flags: OrderFlag[] = []): FixtureOrder {
  return { id: `gid://shopify/Order/${id}`, name, fields: { 'order.name': name, ...fields }, flags };
}

function pick(fields: Fields, keys: readonly FieldKey[]): Fields {
  return Object.fromEntries(keys.map((key) => [key, fields[key] ?? null]));
}

export function orderSummary(fixture: FixtureOrder, mapping: FieldMapping = defaultFieldMapping): OrderSummary {
  const createdAt = fixture.fields['order.createdAt'];
  return {
    id: fixture.id,
    name: fixture.name,
    ...(typeof createdAt === 'string' ? { createdAt } : {}),
    fields: pick(fixture.fields, mapping.orderCard),
    flags: [...fixture.flags],
  };
}

export function orderDetails(fixture: FixtureOrder, mapping: FieldMapping = defaultFieldMapping): OrderDetails {
  const number = fixture.id.split('/').pop() ?? '';
  return {
    id: fixture.id,
    name: fixture.name,
    fields: structuredClone(pick(fixture.fields, mapping.orderDetails)),
    adminUrl: `https://admin.shopify.com/store/linden-and-loom/orders/${number}`,
    fetchedAt: FETCHED_AT,
  };
}

const ameliesAddress = ['Amélie Dubois', '12 rue des Lilas', '69003 Lyon', 'France'];

/** Older orders, plain and alike, so that a history runs to its full length. */
function pastOrders(
  count: number,
  first: { id: number; number: number; date: string },
  money: (amount: string) => Money,
  address: string[],
): FixtureOrder[] {
  const start = Date.parse(first.date);
  return Array.from({ length: count }, (_, index) =>
    order(first.id - index, `#${first.number - index}`, {
      'order.createdAt': new Date(start - index * 7 * 86_400_000).toISOString(),
      'order.displayFulfillmentStatus': 'FULFILLED',
      'order.displayFinancialStatus': 'PAID',
      'order.totalPrice': money(`${40 + (index % 9) * 5}.00`),
      'order.lineItems': [
        {
          title: 'Torchon en lin lavé',
          variantTitle: 'Naturel',
          quantity: 1 + (index % 3),
          sku: null,
          imageUrl: null,
          imageAlt: null,
          unitPrice: money('14.00'),
        },
      ],
      'order.tracking': [],
      'order.shippingAddress': address,
    }),
  );
}

/** Amélie Dubois, who writes on WhatsApp from +33 6 12 34 56 78 and pays in euros. Newest first. */
export const amelie = {
  id: 'gid://shopify/Customer/7301',
  displayName: 'Amélie Dubois',
  email: 'amelie.dubois@example.fr',
  phone: '+33612345678',
  numberOfOrders: 12,
  history: (): FixtureOrder[] => [
    order(5101, '#1042', {
      'order.createdAt': '2026-11-18T09:24:00Z',
      'order.displayFulfillmentStatus': 'FULFILLED',
      'order.displayFinancialStatus': 'PAID',
      'order.totalPrice': eur('89.90'),
      'order.lineItems': [
        {
          title: 'Pull en laine mérinos',
          variantTitle: 'Bleu nuit / M',
          quantity: 1,
          sku: 'PULL-MER-BN-M',
          imageUrl: 'https://cdn.shopify.com/s/files/1/0000/0001/products/pull-merinos.jpg',
          imageAlt: 'Pull bleu nuit',
          unitPrice: eur('59.90'),
        },
        {
          title: 'Chaussettes rayées, lot de 3',
          variantTitle: null,
          quantity: 2,
          sku: 'CHAU-RAY-3',
          imageUrl: null,
          imageAlt: null,
          unitPrice: eur('15.00'),
        },
      ],
      'order.tracking': [
        { company: 'Colissimo', number: '6A12345678901', url: 'https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901' },
      ],
      'order.shipments': [
        {
          status: 'IN_TRANSIT',
          estimatedDeliveryAt: '2026-11-21T17:00:00Z',
          deliveredAt: null,
          items: ['1 × Pull en laine mérinos', '2 × Chaussettes rayées, lot de 3'],
          tracking: [
            { company: 'Colissimo', number: '6A12345678901', url: 'https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901' },
          ],
        },
      ],
      'order.transactions': [
        { kind: 'SALE', status: 'SUCCESS', gateway: 'shopify_payments', amount: eur('89.90'), at: '2026-11-18T09:24:00Z' },
      ],
      'order.refunds': [],
      'order.cancellation': null,
      'order.shippingAddress': ameliesAddress,
      'order.tags': ['newsletter'],
      'order.note': 'Merci de laisser le colis chez la gardienne.',
    }),
    order(
      5087,
      '#1037',
      {
        'order.createdAt': '2026-10-29T16:02:00Z',
        'order.displayFulfillmentStatus': 'PARTIALLY_FULFILLED',
        'order.displayFinancialStatus': 'PARTIALLY_REFUNDED',
        'order.totalPrice': eur('1249.00'),
        'order.lineItems': [
          {
            title: "Canapé d'angle convertible en velours côtelé avec coffre de rangement et têtières réglables, coloris terracotta",
            variantTitle: 'Angle gauche',
            quantity: 1,
            sku: 'CAN-ANG-VEL-TER-G',
            imageUrl: null,
            imageAlt: null,
            unitPrice: eur('1199.00'),
          },
          {
            title: 'Coussin déhoussable',
            variantTitle: 'Terracotta',
            quantity: 2,
            sku: null,
            imageUrl: null,
            imageAlt: null,
            unitPrice: eur('25.00'),
          },
        ],
        // A carrier link without TLS: the card shows the number, not a link.
        'order.tracking': [{ company: 'DHL Express', number: '1234567890', url: 'http://www.dhl.com/track?AWB=1234567890' }],
        'order.shipments': [
          {
            status: 'DELIVERED',
            estimatedDeliveryAt: '2026-11-02T17:00:00Z',
            deliveredAt: '2026-11-02T11:40:00Z',
            items: ['2 × Coussin déhoussable'],
            tracking: [{ company: 'DHL Express', number: '1234567890', url: 'http://www.dhl.com/track?AWB=1234567890' }],
          },
        ],
        'order.transactions': [
          { kind: 'AUTHORIZATION', status: 'SUCCESS', gateway: 'shopify_payments', amount: eur('1249.00'), at: '2026-10-29T16:02:00Z' },
          { kind: 'CAPTURE', status: 'SUCCESS', gateway: 'shopify_payments', amount: eur('1249.00'), at: '2026-10-30T08:00:00Z' },
          { kind: 'REFUND', status: 'SUCCESS', gateway: 'shopify_payments', amount: eur('50.00'), at: '2026-11-03T10:15:00Z' },
        ],
        'order.refunds': [{ amount: eur('50.00'), at: '2026-11-03T10:15:00Z', note: 'Coussins arrivés tachés' }],
        'order.cancellation': null,
        'order.shippingAddress': ameliesAddress,
      },
      ['partiallyRefunded'],
    ),
    order(
      5063,
      '#1031',
      {
        'order.createdAt': '2026-10-02T07:45:00Z',
        'order.displayFulfillmentStatus': 'UNFULFILLED',
        'order.displayFinancialStatus': 'PENDING',
        'order.totalPrice': eur('34.50'),
        'order.lineItems': [
          // Shopify data is not trusted: markup in it is text, and an image only loads from https.
          {
            title: 'Bougie parfumée <b>Figuier</b>',
            variantTitle: '200 g',
            quantity: 1,
            sku: null,
            imageUrl: 'javascript:alert(1)',
            imageAlt: null,
            unitPrice: eur('34.50'),
          },
        ],
        'order.tracking': [],
        'order.shippingAddress': null,
        'order.tags': ['<b>vip</b>', 'gift'],
        'order.note': '<img src=x onerror=alert(1)>Deliver after 6 pm',
      },
      ['paymentPending', 'unfulfilledLong'],
    ),
    order(
      5012,
      '#1024',
      {
        'order.createdAt': '2026-09-14T12:10:00Z',
        'order.displayFulfillmentStatus': 'FULFILLED',
        'order.displayFinancialStatus': 'REFUNDED',
        'order.totalPrice': eur('120.00'),
        'order.lineItems': [
          {
            title: 'Écharpe en cachemire',
            variantTitle: 'Gris chiné',
            quantity: 1,
            sku: 'ECH-CACH-GC',
            imageUrl: null,
            imageAlt: null,
            unitPrice: eur('120.00'),
          },
        ],
        // A script URL must never become a link.
        'order.tracking': [{ company: null, number: 'XZ998877', url: 'javascript:alert(document.domain)' }],
        'order.shippingAddress': ameliesAddress,
        'order.cancelledAt': '2026-09-15T08:00:00Z',
        'order.cancellation': { at: '2026-09-15T08:00:00Z', reason: 'CUSTOMER', note: 'Asked by WhatsApp to cancel' },
        'order.shipments': [
          {
            status: 'DELIVERED',
            estimatedDeliveryAt: null,
            deliveredAt: '2026-09-13T10:00:00Z',
            items: ['1 × Écharpe en cachemire'],
            tracking: [{ company: null, number: 'XZ998877', url: 'javascript:alert(document.domain)' }],
          },
        ],
        'order.transactions': [
          { kind: 'SALE', status: 'SUCCESS', gateway: 'shopify_payments', amount: eur('120.00'), at: '2026-09-14T12:10:00Z' },
          { kind: 'REFUND', status: 'SUCCESS', gateway: 'shopify_payments', amount: eur('120.00'), at: '2026-09-15T08:00:00Z' },
        ],
        'order.refunds': [{ amount: eur('120.00'), at: '2026-09-15T08:00:00Z', note: null }],
      },
      ['cancelled'],
    ),
    ...pastOrders(8, { id: 5000, number: 1019, date: '2026-09-01T10:00:00Z' }, eur, ameliesAddress),
  ],
  fields: (): Fields => ({
    'customer.displayName': 'Amélie Dubois',
    'customer.email': 'amelie.dubois@example.fr',
    'customer.phone': '+33612345678',
    'customer.numberOfOrders': 12,
    'customer.amountSpent': eur('2310.40'),
  }),
};

type Shopper = typeof amelie;

/** 山田 花子 (Hanako Yamada), who writes by email and pays in yen. */
export const hanako: Shopper = {
  id: 'gid://shopify/Customer/7302',
  displayName: '山田 花子',
  email: 'hanako.yamada@example.jp',
  phone: '+819012345678',
  numberOfOrders: 2,
  history: () => [
    order(5120, '#1045', {
      'order.createdAt': '2026-11-19T01:30:00Z',
      'order.displayFulfillmentStatus': 'IN_PROGRESS',
      'order.displayFinancialStatus': 'PAID',
      'order.totalPrice': jpy('5400'),
      'order.lineItems': [
        {
          title: '抹茶 (有機栽培)',
          variantTitle: '100 g',
          quantity: 2,
          sku: 'MATCHA-100',
          imageUrl: null,
          imageAlt: null,
          unitPrice: jpy('2700'),
        },
      ],
      'order.tracking': [
        {
          company: 'Yamato Transport',
          number: '4455-6677-8899',
          url: 'https://toi.kuronekoyamato.co.jp/cgi-bin/tneko?number=445566778899',
        },
      ],
      'order.shippingAddress': ['山田 花子', '東京都渋谷区神南1-2-3', '150-0041', 'Japan'],
    }),
    order(4988, '#1002', {
      'order.createdAt': '2026-08-03T03:00:00Z',
      'order.displayFulfillmentStatus': 'FULFILLED',
      'order.displayFinancialStatus': 'PAID',
      'order.totalPrice': jpy('12800'),
      'order.lineItems': [
        { title: '鉄瓶 南部', variantTitle: null, quantity: 1, sku: null, imageUrl: null, imageAlt: null, unitPrice: jpy('12800') },
      ],
      'order.tracking': [],
      'order.shippingAddress': ['山田 花子', '東京都渋谷区神南1-2-3', '150-0041', 'Japan'],
    }),
  ],
  fields: () => ({
    'customer.displayName': '山田 花子',
    'customer.email': 'hanako.yamada@example.jp',
    'customer.phone': '+819012345678',
    'customer.numberOfOrders': 2,
    'customer.amountSpent': jpy('18200'),
  }),
};

const margaretsAddress = ["Margaret O'Brien", '14 Merrion Square', 'Dublin 2', 'D02 XY45', 'Ireland'];

/** Margaret O'Brien, a standing order most weeks: a history long enough to page through. */
export const margaret: Shopper = {
  id: 'gid://shopify/Customer/7308',
  displayName: "Margaret O'Brien",
  email: 'margaret.obrien@example.ie',
  phone: '+353871234567',
  numberOfOrders: 60,
  history: () => pastOrders(60, { id: 9060, number: 2060, date: '2026-11-17T08:00:00Z' }, eur, margaretsAddress),
  fields: () => ({
    'customer.displayName': "Margaret O'Brien",
    'customer.email': 'margaret.obrien@example.ie',
    'customer.phone': '+353871234567',
    'customer.numberOfOrders': 60,
    'customer.amountSpent': eur('3120.00'),
  }),
};

export const shoppers: Shopper[] = [amelie, hanako, margaret];

/** The store the fixtures come from, with the full order history visible. */
export const shop = { domain: 'linden-and-loom.myshopify.com', allOrdersVisible: true };

/** Orders `from` onwards, as one page of the history with its cursor (`cursor-N`: N orders are before it). */
export function orderPage(history: FixtureOrder[], from: number, size: number, mapping: FieldMapping = defaultFieldMapping): OrderPage {
  const nodes = history.slice(from, from + size);
  const end = from + nodes.length;
  return {
    nodes: nodes.map((o) => orderSummary(o, mapping)),
    pageInfo: { hasNextPage: end < history.length, endCursor: nodes.length ? `cursor-${end}` : null },
  };
}

export function matchedCard(
  shopper: Shopper = amelie,
  matchedBy: MatchedIdentifier = { kind: 'phone', value: shopper.phone },
  mapping: FieldMapping = defaultFieldMapping,
): MatchedCard {
  const fields = shopper.fields();
  return {
    state: 'matched',
    matchedBy,
    customer: {
      id: shopper.id,
      displayName: shopper.displayName,
      numberOfOrders: shopper.numberOfOrders,
      fields: pick(fields, mapping.customerDetails),
    },
    orders: orderPage(shopper.history(), 0, FIRST_PAGE_SIZE, mapping),
    mapping: structuredClone(mapping),
    shop: structuredClone(shop),
    fetchedAt: FETCHED_AT,
  };
}

/** Two Smiths share a UK mobile number (a household phone). */
export const sharedPhone = '+447700900123';

export const smiths: CustomerCandidate[] = [
  {
    id: 'gid://shopify/Customer/8801',
    displayName: 'Oliver Smith',
    email: 'oliver.smith@example.co.uk',
    phone: sharedPhone,
    numberOfOrders: 3,
  },
  { id: 'gid://shopify/Customer/8802', displayName: 'Olivia Smith', email: null, phone: sharedPhone, numberOfOrders: 1 },
];

export function multipleCard(phone = sharedPhone): CardResponse {
  return { state: 'multiple', tried: [{ kind: 'phone', value: phone, display: '+44 7700 900123' }], candidates: structuredClone(smiths) };
}

/** The card for one of the Smiths, once the agent has picked them. */
export function pickedSmithCard(candidate: CustomerCandidate): MatchedCard {
  const onHold = order(
    6001,
    '#1040',
    {
      'order.createdAt': '2026-11-12T10:00:00Z',
      'order.displayFulfillmentStatus': 'ON_HOLD',
      'order.totalPrice': { amount: '42.00', currencyCode: 'GBP' },
    },
    ['onHold'],
  );
  return {
    state: 'matched',
    matchedBy: { kind: 'customerId', value: candidate.id },
    customer: { id: candidate.id, displayName: candidate.displayName, numberOfOrders: candidate.numberOfOrders, fields: {} },
    orders: { nodes: [orderSummary(onHold)], pageInfo: { hasNextPage: candidate.numberOfOrders > 1, endCursor: 'cursor-1' } },
    mapping: structuredClone(defaultFieldMapping),
    shop: structuredClone(shop),
    fetchedAt: FETCHED_AT,
  };
}

export function notFoundCard(
  tried: MatchedIdentifier[] = [{ kind: 'phone', value: '+447700900999', display: '+44 7700 900999' }],
): CardResponse {
  return { state: 'not_found', tried };
}

export function configurationPendingCard(
  role: 'agent' | 'admin' = 'agent',
  missing: MissingSetup[] = ['credential', 'mapping'],
): CardResponse {
  return { state: 'configuration_pending', missing: [...missing], viewer: { role } };
}

/** The order with this id or order number (`#1042`, `1042`) in any shopper's history. */
export function findOrder(match: { id?: string; name?: string }): { shopper: Shopper; order: FixtureOrder } | null {
  const name = match.name?.trim().replace(/^#?/, '#').toLowerCase();
  for (const shopper of shoppers) {
    const found = shopper.history().find((o) => o.id === match.id || (name !== undefined && o.name.toLowerCase() === name));
    if (found) return { shopper, order: found };
  }
  return null;
}
