/**
 * Realistic BFF answers for the card: what `POST /api/card` returns for the sandbox's shoppers.
 * Each builder returns a fresh object, so a test can change its copy freely.
 */
import type { FieldKey, FieldValue } from '../../src/shared/fields';
import { defaultFieldMapping, type FieldMapping } from '../../src/shared/mapping';
import type { CardResponse, CustomerCandidate, MatchedCard, MatchedIdentifier, MissingSetup, OrderSummary } from '../../src/shared/wire';

type Fields = Partial<Record<FieldKey, FieldValue | null>>;

const FETCHED_AT = '2026-11-20T08:30:00.000Z';

function eur(amount: string) {
  return { amount, currencyCode: 'EUR' };
}
function jpy(amount: string) {
  return { amount, currencyCode: 'JPY' };
}

function order(id: number, name: string, fields: Fields): OrderSummary {
  return { id: `gid://shopify/Order/${id}`, name, fields: { 'order.name': name, ...fields } };
}

const ameliesAddress = ['Amélie Dubois', '12 rue des Lilas', '69003 Lyon', 'France'];

/** Amélie Dubois, who writes on WhatsApp from +33 6 12 34 56 78 and pays in euros. Newest first. */
export const amelie = {
  id: 'gid://shopify/Customer/7301',
  displayName: 'Amélie Dubois',
  email: 'amelie.dubois@example.fr',
  phone: '+33612345678',
  numberOfOrders: 12,
  orders: (): OrderSummary[] => [
    order(5101, '#1042', {
      'order.createdAt': '2026-11-18T09:24:00Z',
      'order.displayFulfillmentStatus': 'FULFILLED',
      'order.displayFinancialStatus': 'PAID',
      'order.totalPrice': eur('89.90'),
      'order.lineItems': [
        { title: 'Pull en laine mérinos', variantTitle: 'Bleu nuit / M', quantity: 1, sku: 'PULL-MER-BN-M', imageUrl: null, imageAlt: null, unitPrice: eur('59.90') },
        { title: 'Chaussettes rayées, lot de 3', variantTitle: null, quantity: 2, sku: 'CHAU-RAY-3', imageUrl: null, imageAlt: null, unitPrice: eur('15.00') },
      ],
      'order.tracking': [
        { company: 'Colissimo', number: '6A12345678901', url: 'https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901' },
      ],
      'order.shippingAddress': ameliesAddress,
    }),
    order(5087, '#1037', {
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
        { title: 'Coussin déhoussable', variantTitle: 'Terracotta', quantity: 2, sku: null, imageUrl: null, imageAlt: null, unitPrice: eur('25.00') },
      ],
      // A carrier link without TLS: the card shows the number, not a link.
      'order.tracking': [{ company: 'DHL Express', number: '1234567890', url: 'http://www.dhl.com/track?AWB=1234567890' }],
      'order.shippingAddress': ameliesAddress,
    }),
    order(5063, '#1031', {
      'order.createdAt': '2026-10-02T07:45:00Z',
      'order.displayFulfillmentStatus': 'UNFULFILLED',
      'order.displayFinancialStatus': 'PENDING',
      'order.totalPrice': eur('34.50'),
      'order.lineItems': [
        { title: 'Bougie parfumée <b>Figuier</b>', variantTitle: '200 g', quantity: 1, sku: null, imageUrl: null, imageAlt: null, unitPrice: eur('34.50') },
      ],
      'order.tracking': [],
      'order.shippingAddress': null,
    }),
    order(5012, '#1024', {
      'order.createdAt': '2026-09-14T12:10:00Z',
      'order.displayFulfillmentStatus': 'FULFILLED',
      'order.displayFinancialStatus': 'REFUNDED',
      'order.totalPrice': eur('120.00'),
      'order.lineItems': [
        { title: 'Écharpe en cachemire', variantTitle: 'Gris chiné', quantity: 1, sku: 'ECH-CACH-GC', imageUrl: null, imageAlt: null, unitPrice: eur('120.00') },
      ],
      // Shopify data is not trusted: a script URL must never become a link.
      'order.tracking': [{ company: null, number: 'XZ998877', url: 'javascript:alert(document.domain)' }],
      'order.shippingAddress': ameliesAddress,
    }),
  ],
  fields: (): Fields => ({
    'customer.displayName': 'Amélie Dubois',
    'customer.email': 'amelie.dubois@example.fr',
    'customer.phone': '+33612345678',
    'customer.numberOfOrders': 12,
    'customer.amountSpent': eur('2310.40'),
  }),
};

/** 山田 花子 (Hanako Yamada), who writes by email and pays in yen. */
export const hanako = {
  id: 'gid://shopify/Customer/7302',
  displayName: '山田 花子',
  email: 'hanako.yamada@example.jp',
  phone: '+819012345678',
  numberOfOrders: 2,
  orders: (): OrderSummary[] => [
    order(5120, '#1045', {
      'order.createdAt': '2026-11-19T01:30:00Z',
      'order.displayFulfillmentStatus': 'IN_PROGRESS',
      'order.displayFinancialStatus': 'PAID',
      'order.totalPrice': jpy('5400'),
      'order.lineItems': [
        { title: '抹茶 (有機栽培)', variantTitle: '100 g', quantity: 2, sku: 'MATCHA-100', imageUrl: null, imageAlt: null, unitPrice: jpy('2700') },
      ],
      'order.tracking': [{ company: 'Yamato Transport', number: '4455-6677-8899', url: 'https://toi.kuronekoyamato.co.jp/cgi-bin/tneko?number=445566778899' }],
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
  fields: (): Fields => ({
    'customer.displayName': '山田 花子',
    'customer.email': 'hanako.yamada@example.jp',
    'customer.phone': '+819012345678',
    'customer.numberOfOrders': 2,
    'customer.amountSpent': jpy('18200'),
  }),
};

type Shopper = typeof amelie;

/** The store the fixtures come from, with the full order history visible. */
export const shop = { domain: 'linden-and-loom.myshopify.com', allOrdersVisible: true };

export function matchedCard(
  shopper: Shopper = amelie,
  matchedBy: MatchedIdentifier = { kind: 'phone', value: shopper.phone },
  mapping: FieldMapping = defaultFieldMapping,
): MatchedCard {
  const orders = shopper.orders();
  return {
    state: 'matched',
    matchedBy,
    customer: {
      id: shopper.id,
      displayName: shopper.displayName,
      numberOfOrders: shopper.numberOfOrders,
      fields: shopper.fields(),
    },
    orders: { nodes: orders, pageInfo: { hasNextPage: shopper.numberOfOrders > orders.length, endCursor: orders.length ? `cursor-${orders.length}` : null } },
    mapping: structuredClone(mapping),
    shop: structuredClone(shop),
    fetchedAt: FETCHED_AT,
  };
}

/** Two Smiths share a UK mobile number (a household phone). */
export const sharedPhone = '+447700900123';

export const smiths: CustomerCandidate[] = [
  { id: 'gid://shopify/Customer/8801', displayName: 'Oliver Smith', email: 'oliver.smith@example.co.uk', phone: sharedPhone, numberOfOrders: 3 },
  { id: 'gid://shopify/Customer/8802', displayName: 'Olivia Smith', email: null, phone: sharedPhone, numberOfOrders: 1 },
];

export function multipleCard(phone = sharedPhone): CardResponse {
  return { state: 'multiple', tried: [{ kind: 'phone', value: phone }], candidates: structuredClone(smiths) };
}

/** The card for one of the Smiths, once the agent has picked them. */
export function pickedSmithCard(candidate: CustomerCandidate): MatchedCard {
  return {
    state: 'matched',
    matchedBy: { kind: 'customerId', value: candidate.id },
    customer: { id: candidate.id, displayName: candidate.displayName, numberOfOrders: candidate.numberOfOrders, fields: {} },
    orders: {
      nodes: [
        order(6001, '#1040', {
          'order.createdAt': '2026-11-12T10:00:00Z',
          'order.displayFulfillmentStatus': 'ON_HOLD',
          'order.totalPrice': { amount: '42.00', currencyCode: 'GBP' },
        }),
      ],
      pageInfo: { hasNextPage: candidate.numberOfOrders > 1, endCursor: 'cursor-1' },
    },
    mapping: structuredClone(defaultFieldMapping),
    shop: structuredClone(shop),
    fetchedAt: FETCHED_AT,
  };
}

export function notFoundCard(tried: MatchedIdentifier[] = [{ kind: 'phone', value: '+447700900999' }]): CardResponse {
  return { state: 'not_found', tried };
}

export function configurationPendingCard(
  role: 'agent' | 'admin' = 'agent',
  missing: MissingSetup[] = ['credential', 'mapping'],
): CardResponse {
  return { state: 'configuration_pending', missing: [...missing], viewer: { role } };
}
