import { catalogue, trackingFor, type CatalogueProduct } from './catalogue';
import { countryProfile } from './geography';
import { localPrice, roundMinor, type CurrencyCode } from './money';
import { scenario, type ScenarioName } from './order-scenarios';
import type { Prng } from './prng';
import type { PaymentStory } from './seed-payments';
import type { AddressRecord, CustomerRecord, FulfillmentRecord, LineItemRecord, OrderRecord } from './seed-model';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Numbers in Shopify's ranges: order ids never look like order numbers or customer ids. */
export const idBases = {
  order: 5_901_230_000_000,
  lineItem: 14_210_000_000_000,
  fulfillment: 4_410_000_000_000,
  fulfillmentLineItem: 10_120_000_000_000,
  orderAddress: 9_030_000_000_000,
  transaction: 6_730_000_000_000,
  refund: 1_020_000_000_000,
  refundLineItem: 1_030_000_000_000,
  dispute: 2_210_000_000_000,
  checkout: 3_350_000_000_000,
  checkoutLineItem: 3_360_000_000_000,
} as const;

export type IdAllocator = { next(kind: keyof typeof idBases): number };

export function createIdAllocator(): IdAllocator {
  const counters = Object.fromEntries(Object.keys(idBases).map((kind) => [kind, 0])) as Record<keyof typeof idBases, number>;
  return { next: (kind) => idBases[kind] + ++counters[kind] };
}

export type OrderPlan = {
  customer: CustomerRecord;
  createdAt: number;
  scenario: ScenarioName;
  note?: string;
  tags?: readonly string[];
  trackingUrl?: string;
  payment?: PaymentStory;
};

const freeShippingFrom: Record<CurrencyCode, number> = { USD: 15000, EUR: 15000, GBP: 12000, JPY: 20000, CAD: 20000 };
const flatShipping: Record<CurrencyCode, number> = { USD: 990, EUR: 890, GBP: 695, JPY: 1200, CAD: 1290 };
const orderNotes = [
  'Please leave the parcel with the concierge.',
  'Gift: no prices on the packing slip, please.',
  'Bitte beim Nachbarn in Nr. 14 abgeben.',
  'Merci de sonner deux fois.',
  'Call on arrival, the buzzer is broken.',
];
const orderTags = ['gift', 'priority', 'repeat-customer', 'instagram', 'wholesale'];

function variantCode(variant: string | null): string {
  if (!variant) return 'STD';
  return variant
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((word) => word.slice(0, 2).toUpperCase())
    .join('');
}

function pickLineItems(prng: Prng, ids: IdAllocator, currency: CurrencyCode, atLeast: number): LineItemRecord[] {
  const count = Math.max(
    atLeast,
    prng.weighted([
      [1, 50],
      [2, 35],
      [3, 15],
    ] as const),
  );
  const shippable = catalogue.filter((product) => product.requiresShipping);
  const chosen: CatalogueProduct[] = [];
  while (chosen.length < count) {
    const pool = prng.chance(0.05) && chosen.length > 0 ? catalogue : shippable;
    const product = prng.pick(pool);
    if (!chosen.includes(product)) chosen.push(product);
  }
  return chosen.map((product) => {
    const variantTitle = prng.pick(product.variants);
    const quantity = product.requiresShipping && prng.chance(0.2) ? 2 : 1;
    return {
      id: ids.next('lineItem'),
      productHandle: product.handle,
      title: product.title,
      variantTitle,
      sku: product.skuPrefix ? `${product.skuPrefix}-${variantCode(variantTitle)}` : null,
      quantity,
      currentQuantity: quantity,
      unitPrice: localPrice(product.priceUsdCents, currency),
      requiresShipping: product.requiresShipping,
    };
  });
}

function orderAddress(address: AddressRecord | null, customer: CustomerRecord, ids: IdAllocator): AddressRecord | null {
  if (!address) return null;
  return {
    ...address,
    id: ids.next('orderAddress'),
    modelName: 'Address',
    firstName: customer.firstName,
    lastName: customer.lastName,
    phone: address.phone ?? customer.phone,
  };
}

/** Builds one order from its plan. `now` bounds every timestamp: nothing happens in the future. */
export function buildOrder(plan: OrderPlan, number: number, now: number, prng: Prng, ids: IdAllocator): OrderRecord {
  const story = scenario(plan.scenario);
  const { customer, createdAt } = plan;
  const address = customer.defaultAddress;
  const country = countryProfile(address?.countryCode ?? 'US');
  const currency = customer.presentmentCurrency;
  const past = (time: number) => Math.min(Math.round(time / 1000) * 1000, now - MINUTE);

  const lineItems = pickLineItems(prng, ids, currency, story.shipment === 'partial' ? 2 : 1);
  const subtotal = lineItems.reduce((sum, item) => sum + item.unitPrice * item.quantity, 0);
  const ships = lineItems.some((item) => item.requiresShipping);
  const shipping = !ships || subtotal >= freeShippingFrom[currency] ? 0 : flatShipping[currency];
  const taxable = subtotal + shipping;
  const tax = country.taxesIncluded
    ? roundMinor((taxable * country.taxRate) / (1 + country.taxRate))
    : roundMinor(taxable * country.taxRate);
  const total = taxable + (country.taxesIncluded ? 0 : tax);
  const received = story.paid === 'full' ? total : story.paid === 'half' ? roundMinor(total / 2) : 0;

  const times: number[] = [createdAt];
  const fulfillments: FulfillmentRecord[] = [];
  let deliveredAt: number | null = null;
  if (story.shipment) {
    const shipped = past(Math.min(createdAt + prng.int(18, 48) * HOUR, createdAt + (now - createdAt) / 2));
    const arrives = shipped + prng.int(1, 5) * DAY + prng.int(0, 8) * HOUR;
    const delivered = story.shipment !== 'inTransit' && arrives < now - HOUR ? past(arrives) : null;
    deliveredAt = delivered;
    const carrier = prng.pick(country.carriers);
    const tracking = trackingFor(carrier, prng);
    const shippedItems = story.shipment === 'partial' ? lineItems.slice(0, 1) : lineItems.filter((item) => item.requiresShipping);
    fulfillments.push({
      id: ids.next('fulfillment'),
      status: 'SUCCESS',
      displayStatus: delivered ? 'DELIVERED' : 'IN_TRANSIT',
      createdAt: shipped,
      updatedAt: delivered ?? shipped,
      inTransitAt: past(shipped + 6 * HOUR),
      deliveredAt: delivered,
      estimatedDeliveryAt: delivered ? null : Math.max(arrives, now + prng.int(1, 3) * DAY),
      tracking: [{ ...tracking, url: plan.trackingUrl ?? tracking.url }],
      lineItems: shippedItems.map((item) => ({ id: ids.next('fulfillmentLineItem'), lineItemId: item.id, quantity: item.quantity })),
    });
    times.push(shipped, delivered ?? shipped);
  }

  let refunded = 0;
  if (story.refund === 'full') refunded = received;
  if (story.refund === 'partial') {
    const units = lineItems.reduce((sum, item) => sum + item.quantity, 0);
    const cheapest = lineItems.reduce((low, item) => (item.unitPrice < low.unitPrice ? item : low));
    if (units > 1) {
      // One unit came back damaged and was refunded.
      cheapest.currentQuantity -= 1;
      refunded = country.taxesIncluded ? cheapest.unitPrice : roundMinor(cheapest.unitPrice * (1 + country.taxRate));
    } else {
      // A single-item order: a goodwill refund of part of the price, the item kept.
      refunded = roundMinor(total * 0.2);
    }
  }
  const refundedAt = story.refund ? past((deliveredAt ?? createdAt) + prng.int(1, 10) * DAY) : null;
  if (refundedAt) times.push(refundedAt);

  const cancelledAt = story.cancelReason ? past(createdAt + prng.int(2, 30) * HOUR) : null;
  if (cancelledAt) {
    for (const item of lineItems) item.currentQuantity = 0;
    times.push(cancelledAt);
  }
  const settled = story.fulfillment === 'FULFILLED' && (story.financial === 'PAID' || story.refund !== undefined);
  const closedAt =
    cancelledAt ?? (settled && deliveredAt && now - deliveredAt > 14 * DAY ? past(Math.max(deliveredAt, refundedAt ?? 0) + 2 * DAY) : null);
  if (closedAt) times.push(closedAt);

  const token = prng.chars('0123456789abcdef', 32);
  const key = prng.chars('0123456789abcdef', 32);
  return {
    id: ids.next('order'),
    number,
    name: `#${number}`,
    customerId: customer.id,
    email: customer.email,
    phone: customer.phone ?? address?.phone ?? null,
    createdAt,
    processedAt: createdAt,
    updatedAt: Math.max(...times),
    cancelledAt,
    cancelReason: story.cancelReason ?? null,
    closedAt,
    confirmed: true,
    financialStatus: story.financial,
    fulfillmentStatus: story.fulfillment,
    currency,
    subtotal,
    shipping,
    tax,
    taxesIncluded: country.taxesIncluded,
    total,
    refunded,
    currentTotal: cancelledAt ? 0 : total - refunded,
    received,
    note: plan.note ?? (prng.chance(0.12) ? prng.pick(orderNotes) : null),
    tags: plan.tags ? [...plan.tags] : prng.chance(0.2) ? [prng.pick(orderTags)] : [],
    shippingAddress: ships ? orderAddress(address, customer, ids) : null,
    billingAddress: orderAddress(address, customer, ids),
    lineItems,
    fulfillments,
    statusPageUrl: `https://linden-and-loom.myshopify.com/81234567890/orders/${token}/authenticate?key=${key}`,
    // Payments are added afterwards (seed-payments.ts), from a generator of their own.
    transactions: [],
    refunds: [],
    disputes: [],
    cancellationNote: null,
  };
}
