import { catalogue } from './catalogue';
import { countryProfile } from './geography';
import { localPrice, roundMinor } from './money';
import { personaKeys, type PersonaKey } from './personas';
import { createPrng, type Prng } from './prng';
import type { IdAllocator } from './seed-orders';
import type { AbandonedCheckoutRecord, AddressRecord, CheckoutLineItemRecord, CustomerRecord } from './seed-model';

/**
 * Abandoned checkouts: shoppers who gave their contact details and left before paying. Some
 * personas have one that tells a story (a fresh one, one older than 30 days, one recovered, a new
 * shopper with no order yet), other customers now and then, and one guest who never became a
 * customer. A generator of their own keeps the rest of the seed unchanged.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

type CheckoutStory = { ageDays: number; recoveredAfterHours?: number };

const personaCheckouts: Partial<Record<PersonaKey, CheckoutStory[]>> = {
  amelie: [{ ageDays: 1 }],
  oliver: [{ ageDays: 45 }],
  sofia: [{ ageDays: 10, recoveredAfterHours: 20 }],
  priya: [{ ageDays: 3 }],
  margaret: [{ ageDays: 5 }, { ageDays: 33 }],
};

const CHECKOUT_SEED = 0xc4ec_a0;

export function recoveryUrl(token: string, key: string): string {
  return `https://linden-and-loom.myshopify.com/81234567890/checkouts/ac/${token}/recover?key=${key}`;
}

function checkoutAddress(address: AddressRecord | null, customer: CustomerRecord | null, id: number): AddressRecord | null {
  if (!address) return null;
  return { ...address, id, modelName: 'Address', firstName: customer?.firstName ?? null, lastName: customer?.lastName ?? null };
}

export function buildCheckout(options: {
  id: number;
  customer: CustomerRecord | null;
  email: string | null;
  createdAt: number;
  completedAt: number | null;
  now: number;
  prng: Prng;
  ids: { next(kind: 'checkoutLineItem' | 'orderAddress'): number };
}): AbandonedCheckoutRecord {
  const { customer, prng, ids } = options;
  const currency = customer?.presentmentCurrency ?? 'USD';
  const country = countryProfile(customer?.defaultAddress?.countryCode ?? 'US');
  const products = catalogue.filter((product) => product.requiresShipping);
  const count = prng.int(1, 3);
  const lineItems: CheckoutLineItemRecord[] = [];
  while (lineItems.length < count) {
    const product = prng.pick(products);
    if (lineItems.some((item) => item.productHandle === product.handle)) continue;
    const variantTitle = prng.pick(product.variants);
    lineItems.push({
      id: ids.next('checkoutLineItem'),
      productHandle: product.handle,
      title: product.title,
      variantTitle,
      sku: product.skuPrefix,
      quantity: prng.chance(0.2) ? 2 : 1,
      unitPrice: localPrice(product.priceUsdCents, currency),
      requiresShipping: true,
    });
  }
  const subtotal = lineItems.reduce((sum, item) => sum + item.unitPrice * item.quantity, 0);
  const tax = country.taxesIncluded
    ? roundMinor((subtotal * country.taxRate) / (1 + country.taxRate))
    : roundMinor(subtotal * country.taxRate);
  const age = options.now - options.createdAt;
  const token = prng.chars('0123456789abcdef', 32);
  const key = prng.chars('0123456789abcdef', 32);
  return {
    id: options.id,
    customerId: customer?.id ?? null,
    email: options.email,
    phone: customer?.phone ?? null,
    createdAt: options.createdAt,
    // The shopper's last step, or the recovery.
    updatedAt: options.completedAt ?? Math.min(options.now - MINUTE, options.createdAt + prng.int(2, 25) * MINUTE),
    completedAt: options.completedAt,
    currency,
    taxesIncluded: country.taxesIncluded,
    lineItems,
    subtotal,
    shipping: 0,
    tax,
    total: subtotal + (country.taxesIncluded ? 0 : tax),
    shippingAddress: checkoutAddress(customer?.defaultAddress ?? null, customer, ids.next('orderAddress')),
    billingAddress: checkoutAddress(customer?.defaultAddress ?? null, customer, ids.next('orderAddress')),
    note: '',
    discountCodes: [],
    // Shopify's recovery email goes out some hours after the checkout was left.
    emailState: options.email === null ? 'not_sent' : age < 10 * HOUR && options.completedAt === null ? 'scheduled' : 'sent',
    recoveryUrl: recoveryUrl(token, key),
  };
}

export function seedAbandonedCheckouts(customers: readonly CustomerRecord[], now: number, ids: IdAllocator): AbandonedCheckoutRecord[] {
  const prng = createPrng(CHECKOUT_SEED);
  const checkouts: AbandonedCheckoutRecord[] = [];
  const at = (ageDays: number) => now - ageDays * DAY - prng.int(1, 20) * HOUR - prng.int(0, 59) * MINUTE;
  const add = (customer: CustomerRecord | null, email: string | null, story: CheckoutStory) => {
    const createdAt = at(story.ageDays);
    const completedAt =
      story.recoveredAfterHours === undefined ? null : Math.min(now - MINUTE, createdAt + story.recoveredAfterHours * HOUR);
    checkouts.push(buildCheckout({ id: ids.next('checkout'), customer, email, createdAt, completedAt, now, prng, ids }));
  };
  personaKeys.forEach((key, index) => {
    const customer = customers[index];
    for (const story of personaCheckouts[key] ?? []) if (customer) add(customer, customer.email, story);
  });
  // A guest who gave an email and left: no customer record.
  add(null, 'guest.shopper@example.com', { ageDays: 2 });
  // Now and then another shopper, a third of them recovered later.
  for (const customer of customers.slice(personaKeys.length)) {
    if (!prng.chance(0.15)) continue;
    const ageDays = prng.int(0, 90);
    add(customer, customer.email, prng.chance(0.3) ? { ageDays, recoveredAfterHours: prng.int(1, 48) } : { ageDays });
  }
  return checkouts.sort((a, b) => a.id - b.id);
}
