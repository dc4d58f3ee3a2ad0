import { catalogue } from './catalogue';
import { countryProfile } from './geography';
import type { SeedIndex } from './graph-context';
import { localPrice, roundMinor } from './money';
import { touch } from './order-actions';
import { createPrng } from './prng';
import { buildCheckout } from './seed-checkouts';
import type { AbandonedCheckoutRecord } from './seed-model';
import { SandboxChangeError } from './store-changes';

/** Checkouts that change while the store runs: a shopper leaves one, comes back to it, completes it. */

const MINUTE = 60_000;

export function abandonCheckout(index: SeedIndex, options: { customerId?: number; email?: string }): AbandonedCheckoutRecord {
  const customer = options.customerId === undefined ? null : (index.customersById.get(options.customerId) ?? null);
  if (options.customerId !== undefined && !customer) throw new SandboxChangeError(`No customer ${options.customerId}`);
  const email = options.email ?? customer?.email ?? null;
  if (!customer && !email) throw new SandboxChangeError('An abandoned checkout needs a customer or an email');
  const now = index.clock();
  const checkout = buildCheckout({
    id: index.nextId(),
    customer,
    email,
    createdAt: now,
    completedAt: null,
    now: now + MINUTE,
    prng: createPrng(index.seed.abandonedCheckouts.length + 1),
    ids: { next: () => index.nextId() },
  });
  checkout.updatedAt = now;
  index.seed.abandonedCheckouts.push(checkout);
  index.checkoutsById.set(checkout.id, checkout);
  return checkout;
}

/** The shopper came back to the checkout: another item in the cart, or the checkout completed (recovered). */
export function updateCheckout(
  index: SeedIndex,
  id: number,
  change: { addProduct?: string; recovered?: boolean },
): AbandonedCheckoutRecord {
  const checkout = index.checkoutsById.get(id);
  if (!checkout) throw new SandboxChangeError(`No abandoned checkout ${id}`);
  if (checkout.completedAt !== null) throw new SandboxChangeError('The checkout was already completed');
  if (change.addProduct !== undefined) {
    const product = catalogue.find((candidate) => candidate.handle === change.addProduct);
    if (!product) throw new SandboxChangeError(`No product ${change.addProduct}`);
    const unitPrice = localPrice(product.priceUsdCents, checkout.currency);
    checkout.lineItems.push({
      id: index.nextId(),
      productHandle: product.handle,
      title: product.title,
      variantTitle: product.variants[0] ?? null,
      sku: product.skuPrefix,
      quantity: 1,
      unitPrice,
      requiresShipping: product.requiresShipping,
    });
    const rate = countryProfile(checkout.shippingAddress?.countryCode ?? 'US').taxRate;
    checkout.subtotal += unitPrice;
    checkout.tax = checkout.taxesIncluded ? roundMinor((checkout.subtotal * rate) / (1 + rate)) : roundMinor(checkout.subtotal * rate);
    checkout.total = checkout.subtotal + (checkout.taxesIncluded ? 0 : checkout.tax) + checkout.shipping;
  }
  const now = touch(index, checkout);
  if (change.recovered) {
    checkout.completedAt = now;
    checkout.emailState = 'sent';
  }
  return checkout;
}
