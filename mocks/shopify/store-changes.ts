import { trackingFor } from './catalogue';
import { countryProfile, countries, type CountryCode } from './geography';
import type { SeedIndex } from './graph-context';
import { applyCancel, applyRefund, cancelProblem, fullRefundPlan, touch, touchOrder, type CancelOptions } from './order-actions';
import { createPrng } from './prng';
import type { AddressRecord, CustomerRecord, DraftOrderRecord, OrderRecord } from './seed-model';
import { buildOrder } from './seed-orders';
import { seedPayments } from './seed-payments';

/**
 * Data that changes while the store runs, the way a live shop's does: customers created, edited
 * and deleted, orders placed, fulfilled, cancelled and refunded, checkouts abandoned and recovered.
 * Every change moves the record's `updatedAt` to the store's clock (and the customer's, when an
 * order's figures change), so it shows up in `updated_at:>=` searches (checkouts: checkout-changes.ts). Tests call these functions;
 * the demo and the end-to-end tests reach them over HTTP (`sandbox-control.ts`).
 */

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** A change the store refuses (unknown record, taken email…): the control endpoint answers 422. */
export class SandboxChangeError extends Error {}

export type AddressInput = {
  address1: string;
  address2?: string;
  city: string;
  zip?: string;
  countryCode: string;
  provinceCode?: string;
  phone?: string;
};

export type CustomerInput = {
  firstName?: string | null;
  lastName?: string | null;
  email?: string | null;
  phone?: string | null;
  tags?: string[];
  note?: string | null;
  locale?: string;
  address?: AddressInput | null;
};

function customerOf(index: SeedIndex, id: number): CustomerRecord {
  const customer = index.customersById.get(id);
  if (!customer) throw new SandboxChangeError(`No customer ${id}`);
  return customer;
}

function orderOf(index: SeedIndex, id: number): OrderRecord {
  const order = index.ordersById.get(id);
  if (!order) throw new SandboxChangeError(`No order ${id}`);
  return order;
}

/** Shopify keeps emails and phones unique among customers. */
function checkContacts(index: SeedIndex, input: CustomerInput, self: number | null): void {
  if (input.phone != null && !/^\+[1-9]\d{6,14}$/.test(input.phone)) throw new SandboxChangeError('Phone is invalid');
  for (const other of index.seed.customers) {
    if (other.id === self) continue;
    if (input.email != null && other.email?.toLowerCase() === input.email.toLowerCase())
      throw new SandboxChangeError('Email has already been taken');
    if (input.phone != null && other.phone === input.phone) throw new SandboxChangeError('Phone has already been taken');
  }
}

function addressFrom(
  index: SeedIndex,
  input: AddressInput,
  customer: Pick<CustomerRecord, 'firstName' | 'lastName' | 'phone'>,
): AddressRecord {
  if (!Object.hasOwn(countries, input.countryCode)) throw new SandboxChangeError(`Unknown country ${input.countryCode}`);
  return {
    id: index.nextId(),
    modelName: 'CustomerAddress',
    firstName: customer.firstName,
    lastName: customer.lastName,
    company: null,
    address1: input.address1,
    address2: input.address2 ?? null,
    city: input.city,
    province: null,
    provinceCode: input.provinceCode ?? null,
    zip: input.zip ?? null,
    countryCode: input.countryCode as CountryCode,
    phone: input.phone ?? customer.phone,
  };
}

export function createCustomer(index: SeedIndex, input: CustomerInput): CustomerRecord {
  if (!input.email && !input.phone && !input.firstName && !input.lastName) {
    throw new SandboxChangeError('A customer needs a name, an email or a phone');
  }
  checkContacts(index, input, null);
  const now = index.clock();
  const base = { firstName: input.firstName ?? null, lastName: input.lastName ?? null, phone: input.phone ?? null };
  const address = input.address ? addressFrom(index, input.address, base) : null;
  const customer: CustomerRecord = {
    id: index.nextId(),
    ...base,
    email: input.email ?? null,
    emailMarketingState: 'NOT_SUBSCRIBED',
    smsMarketingState: 'NOT_SUBSCRIBED',
    state: input.email ? 'ENABLED' : 'DISABLED',
    tags: input.tags ?? [],
    note: input.note ?? null,
    verifiedEmail: false,
    locale: input.locale ?? 'en',
    createdAt: now,
    updatedAt: now,
    addresses: address ? [address] : [],
    defaultAddress: address,
    presentmentCurrency: countryProfile(address?.countryCode ?? 'US').currency,
    orderIds: [],
  };
  index.seed.customers.push(customer);
  index.customersById.set(customer.id, customer);
  return customer;
}

export function updateCustomer(index: SeedIndex, id: number, input: CustomerInput): CustomerRecord {
  const customer = customerOf(index, id);
  checkContacts(index, input, id);
  if (input.firstName !== undefined) customer.firstName = input.firstName;
  if (input.lastName !== undefined) customer.lastName = input.lastName;
  if (input.email !== undefined) customer.email = input.email;
  if (input.phone !== undefined) customer.phone = input.phone;
  if (input.tags !== undefined) customer.tags = [...input.tags];
  if (input.note !== undefined) customer.note = input.note;
  if (input.locale !== undefined) customer.locale = input.locale;
  if (input.address) {
    const address = addressFrom(index, input.address, customer);
    customer.addresses = [address, ...customer.addresses.filter((other) => other.id !== customer.defaultAddress?.id)];
    customer.defaultAddress = address;
  }
  touch(index, customer);
  return customer;
}

/**
 * Deletes a customer, as a data-erasure request would: their orders stay, without a customer.
 * (Shopify's own `customerDelete` refuses customers with orders; this is the store's control.)
 */
export function deleteCustomer(index: SeedIndex, id: number): void {
  customerOf(index, id);
  index.customersById.delete(id);
  index.seed.customers.splice(
    index.seed.customers.findIndex((customer) => customer.id === id),
    1,
  );
}

/** A new order for a customer: paid (default), awaiting a bank deposit, or authorized; unfulfilled. */
export function placeOrder(
  index: SeedIndex,
  customerId: number,
  options: { payment?: 'paid' | 'pending' | 'authorized' } = {},
): OrderRecord {
  const customer = customerOf(index, customerId);
  const now = index.clock();
  const number = index.seed.orders.reduce((highest, order) => Math.max(highest, order.number), 1000) + 1;
  const ids = { next: () => index.nextId() };
  const scenario = options.payment === 'pending' ? 'pendingPayment' : options.payment === 'authorized' ? 'authorized' : 'unfulfilled';
  const order = buildOrder({ customer, createdAt: now, scenario }, number, now + MINUTE, createPrng(number), ids);
  seedPayments(order, undefined, ids);
  index.seed.orders.push(order);
  index.ordersById.set(order.id, order);
  customer.orderIds.push(order.id);
  touchOrder(index, order);
  return order;
}

/** Ships what is left to ship (in transit), or marks the shipments delivered. */
export function fulfilOrder(index: SeedIndex, id: number, options: { delivered?: boolean } = {}): OrderRecord {
  const order = orderOf(index, id);
  if (order.cancelledAt !== null) throw new SandboxChangeError('A cancelled order cannot be fulfilled');
  const now = index.clock();
  const shipped = (lineItemId: number) =>
    order.fulfillments
      .flatMap((fulfillment) => fulfillment.lineItems)
      .filter((entry) => entry.lineItemId === lineItemId)
      .reduce((sum, entry) => sum + entry.quantity, 0);
  const open = order.lineItems.filter((item) => item.requiresShipping && item.currentQuantity - shipped(item.id) > 0);
  if (open.length > 0) {
    const prng = createPrng(order.number + order.fulfillments.length);
    const country = countryProfile(order.shippingAddress?.countryCode ?? 'US');
    order.fulfillments.push({
      id: index.nextId(),
      status: 'SUCCESS',
      displayStatus: options.delivered ? 'DELIVERED' : 'IN_TRANSIT',
      createdAt: now,
      updatedAt: now,
      inTransitAt: now,
      deliveredAt: options.delivered ? now : null,
      estimatedDeliveryAt: options.delivered ? null : now + 3 * DAY,
      tracking: [trackingFor(prng.pick(country.carriers), prng)],
      lineItems: open.map((item) => ({ id: index.nextId(), lineItemId: item.id, quantity: item.currentQuantity - shipped(item.id) })),
    });
  } else if (options.delivered) {
    for (const fulfillment of order.fulfillments.filter((candidate) => candidate.deliveredAt === null)) {
      Object.assign(fulfillment, { displayStatus: 'DELIVERED', deliveredAt: now, estimatedDeliveryAt: null, updatedAt: now });
    }
  } else {
    throw new SandboxChangeError(`Order ${order.name} has nothing left to fulfil`);
  }
  order.fulfillmentStatus = 'FULFILLED';
  touchOrder(index, order);
  return order;
}

export function cancelOrder(index: SeedIndex, id: number, options: CancelOptions): OrderRecord {
  const order = orderOf(index, id);
  const problem = cancelProblem(order);
  if (problem) throw new SandboxChangeError(problem);
  applyCancel(index, order, options);
  return order;
}

/** Refunds everything still refundable (lines restocked), as a merchant's "Refund all" would. */
export function refundOrder(index: SeedIndex, id: number, options: { note?: string | null; restock?: boolean } = {}): OrderRecord {
  const order = orderOf(index, id);
  const plan = fullRefundPlan(order, options.restock === false ? 'NO_RESTOCK' : 'RETURN', options.note ?? null);
  if (plan.payments.length === 0 && plan.lines.length === 0) throw new SandboxChangeError(`Order ${order.name} has nothing left to refund`);
  applyRefund(index, order, plan);
  return order;
}

/** A draft order copying an order's lines, customer and addresses, with its invoice link. */
export function draftOrderFrom(index: SeedIndex, order: OrderRecord): DraftOrderRecord {
  const now = index.clock();
  const id = index.nextId();
  const number = index.seed.draftOrders.length + 1;
  const token = createPrng(id % 4_294_967_296).chars('0123456789abcdef', 32);
  const draft: DraftOrderRecord = {
    id,
    number,
    createdAt: now,
    updatedAt: now,
    customerId: order.customerId,
    email: order.email,
    phone: order.phone,
    currency: order.currency,
    taxesIncluded: order.taxesIncluded,
    lineItems: order.lineItems.map(({ currentQuantity: _current, ...item }) => ({ ...item, id: index.nextId() })),
    subtotal: order.subtotal,
    shipping: order.shipping,
    tax: order.tax,
    total: order.total,
    shippingAddress: order.shippingAddress && { ...order.shippingAddress, id: index.nextId() },
    billingAddress: order.billingAddress && { ...order.billingAddress, id: index.nextId() },
    note: null,
    tags: [],
    invoiceUrl: `https://linden-and-loom.myshopify.com/81234567890/invoices/${token}`,
    sourceOrderId: order.id,
  };
  index.seed.draftOrders.push(draft);
  index.draftOrdersById.set(draft.id, draft);
  return draft;
}
