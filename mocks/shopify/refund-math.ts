import { countryProfile } from './geography';
import { roundMinor } from './money';
import type { LineItemRecord, OrderRecord, TransactionRecord } from './seed-model';

/**
 * The arithmetic of refunds, shared by the seed, `Order.suggestedRefund` and `refundCreate`:
 * taxes per line at the order's rate, what each payment can still give back, and what is left to
 * refund. Amounts are minor units of the order's presentment currency.
 */

function taxRateOf(order: OrderRecord): number {
  const country = order.billingAddress?.countryCode ?? order.shippingAddress?.countryCode ?? 'US';
  return countryProfile(country).taxRate;
}

/** The tax in (or on top of) an amount: included in VAT countries' prices, added elsewhere. */
export function taxOn(order: OrderRecord, amount: number): number {
  const rate = taxRateOf(order);
  return order.taxesIncluded ? roundMinor((amount * rate) / (1 + rate)) : roundMinor(amount * rate);
}

/** What refunding `quantity` of a line gives back: its price, its tax, and the money (tax added where not included). */
export function lineRefund(order: OrderRecord, item: LineItemRecord, quantity: number) {
  const subtotal = item.unitPrice * quantity;
  const tax = taxOn(order, subtotal);
  return { subtotal, tax, amount: order.taxesIncluded ? subtotal : subtotal + tax };
}

/** Units of a line not yet refunded or removed. */
export function refundableQuantity(item: LineItemRecord): number {
  return item.currentQuantity;
}

/** Shipping not yet refunded, and what refunding it gives back (with its tax where not included). */
export function shippingRefund(order: OrderRecord) {
  const refunded = order.refunds.reduce((sum, refund) => sum + refund.shipping, 0);
  const left = Math.max(0, order.shipping - refunded);
  const tax = taxOn(order, left);
  return { left, tax, amount: order.taxesIncluded ? left : left + tax };
}

const settles = (transaction: TransactionRecord) =>
  transaction.status === 'SUCCESS' && (transaction.kind === 'SALE' || transaction.kind === 'CAPTURE');

/** Payments that took money, each with what is left to refund against it. */
export function refundablePayments(order: OrderRecord): { payment: TransactionRecord; left: number }[] {
  return order.transactions.filter(settles).map((payment) => {
    const refunded = order.transactions
      .filter((other) => other.kind === 'REFUND' && other.status === 'SUCCESS' && other.parentId === payment.id)
      .reduce((sum, other) => sum + other.amount, 0);
    return { payment, left: Math.max(0, payment.amount - refunded) };
  });
}

/** The most that can still be refunded: what was received, less what went back. */
export function maximumRefundable(order: OrderRecord): number {
  return refundablePayments(order).reduce((sum, entry) => sum + entry.left, 0);
}

/** Splits an amount over the payments, newest first, as Shopify suggests refunding to the original methods. */
export function allocateRefund(order: OrderRecord, amount: number): { payment: TransactionRecord; amount: number; left: number }[] {
  let remaining = amount;
  const allocation: { payment: TransactionRecord; amount: number; left: number }[] = [];
  for (const entry of [...refundablePayments(order)].reverse()) {
    if (remaining <= 0) break;
    const share = Math.min(entry.left, remaining);
    if (share <= 0) continue;
    allocation.push({ payment: entry.payment, amount: share, left: entry.left });
    remaining -= share;
  }
  return allocation;
}
