import type { SeedIndex } from './graph-context';
import { formatAmount } from './money';
import { allocateRefund, lineRefund, maximumRefundable, shippingRefund } from './refund-math';
import type { CancelReason, OrderRecord, RefundLineItemRecord, RefundRecord, RestockType, TransactionRecord } from './seed-model';

/**
 * What an order action does to the store's data, once its input has been checked: refund, cancel,
 * tag, note. `refundCreate`, `orderCancel`, `tagsAdd`, `orderUpdate` and the sandbox's own change
 * endpoint all go through here, so the order always ends up the way Shopify would show it:
 * financial status PAID → PARTIALLY_REFUNDED → REFUNDED, `updatedAt` moved, the customer's too
 * (their amount spent changed).
 */

export type UserError = { field: string[] | null; message: string };

/** Shopify's wording for refused order actions, kept in one place. Where Shopify's exact text is not documented, a plausible one. */
export const orderActionMessages = {
  orderMissing: 'Order does not exist',
  lineItemMissing: 'Line item does not exist on this order',
  quantityPositive: 'Quantity must be greater than 0',
  quantityTooLarge: (left: number) => `Quantity cannot refund more items than were purchased (${left} left to refund)`,
  transactionKind: 'Transaction kind must be refund',
  transactionOrder: 'Transaction order does not match the refund order',
  parentMissing: 'Parent transaction does not exist or cannot be refunded',
  gatewayMismatch: 'Gateway must be the same as the parent transaction gateway',
  amountInvalid: 'Amount must be a positive decimal amount',
  amountTooLarge: (maximum: string, currency: string) => `Refund amount exceeds the refundable amount of ${maximum} ${currency}`,
  currencyMismatch: (currency: string) => `Currency must be the order's presentment currency (${currency})`,
  nothingToRefund: 'Refund must include line items, shipping or transactions',
  alreadyCancelled: 'Order has already been cancelled',
  fulfilledNoCancel: 'Cannot cancel an order that has fulfillments. Cancel its fulfillments first.',
  tagTooLong: 'Tags cannot be longer than 255 characters',
} as const;

/** Moves a record's `updatedAt` to the store's clock (never backwards). */
export function touch(index: SeedIndex, record: { updatedAt: number }): number {
  record.updatedAt = Math.max(index.clock(), record.updatedAt);
  return record.updatedAt;
}

/** Touches an order and its customer, whose order figures change with it. */
export function touchOrder(index: SeedIndex, order: OrderRecord): void {
  const now = touch(index, order);
  const customer = order.customerId === null ? undefined : index.customersById.get(order.customerId);
  if (customer) customer.updatedAt = Math.max(customer.updatedAt, now);
}

function financialStatusAfterRefund(order: OrderRecord): OrderRecord['financialStatus'] {
  if (order.refunded <= 0) return order.financialStatus;
  return maximumRefundable(order) <= 0 ? 'REFUNDED' : 'PARTIALLY_REFUNDED';
}

export type RefundLine = { lineItemId: number; quantity: number; restockType: RestockType };
export type RefundPayment = { parentId: number; amount: number; gateway: string };

export type RefundPlan = {
  lines: RefundLine[];
  /** Shipping to refund (before tax where prices exclude it). */
  shipping: number;
  payments: RefundPayment[];
  note: string | null;
};

/** Records a refund that has been checked: its lines, its shipping, and the money sent back. */
export function applyRefund(index: SeedIndex, order: OrderRecord, plan: RefundPlan): RefundRecord {
  const now = index.clock();
  const lines: RefundLineItemRecord[] = plan.lines.map((line) => {
    const item = order.lineItems.find((candidate) => candidate.id === line.lineItemId);
    if (!item) throw new Error(`Line item ${line.lineItemId} is not on order ${order.name}`);
    const money = lineRefund(order, item, line.quantity);
    item.currentQuantity -= line.quantity;
    return {
      id: index.nextId(),
      lineItemId: item.id,
      quantity: line.quantity,
      restockType: line.restockType,
      // Restocking puts the units back into the inventory of the location they came from.
      restocked: line.restockType !== 'NO_RESTOCK',
      unitPrice: item.unitPrice,
      subtotal: money.subtotal,
      tax: money.tax,
    };
  });
  const transactions: TransactionRecord[] = plan.payments.map((payment) => ({
    id: index.nextId(),
    kind: 'REFUND',
    status: 'SUCCESS',
    gateway: payment.gateway,
    amount: payment.amount,
    createdAt: now,
    parentId: payment.parentId,
    errorCode: null,
    authorizationExpiresAt: null,
    accountNumber: order.transactions.find((candidate) => candidate.id === payment.parentId)?.accountNumber ?? null,
  }));
  order.transactions.push(...transactions);
  const refund: RefundRecord = {
    id: index.nextId(),
    createdAt: now,
    note: plan.note,
    lineItems: lines,
    shipping: plan.shipping,
    transactionIds: transactions.map((transaction) => transaction.id),
  };
  order.refunds.push(refund);
  const money = transactions.reduce((sum, transaction) => sum + transaction.amount, 0);
  order.refunded += money;
  order.currentTotal = order.cancelledAt ? 0 : Math.max(0, order.currentTotal - money);
  order.financialStatus = financialStatusAfterRefund(order);
  touchOrder(index, order);
  return refund;
}

/** A refund of everything still refundable: every remaining unit, the shipping, all the money. */
export function fullRefundPlan(order: OrderRecord, restockType: RestockType, note: string | null): RefundPlan {
  const lines = order.lineItems
    .filter((item) => item.currentQuantity > 0)
    .map((item) => ({ lineItemId: item.id, quantity: item.currentQuantity, restockType }));
  const payments = allocateRefund(order, maximumRefundable(order)).map(({ payment, amount }) => ({
    parentId: payment.id,
    amount,
    gateway: payment.gateway,
  }));
  return { lines, shipping: shippingRefund(order).left, payments, note };
}

export type CancelOptions = { reason: CancelReason; restock: boolean; refund: boolean; staffNote: string | null };

/** Why the order cannot be cancelled, or null when it can. */
export function cancelProblem(order: OrderRecord): string | null {
  if (order.cancelledAt !== null) return orderActionMessages.alreadyCancelled;
  if (order.fulfillments.some((fulfillment) => fulfillment.status === 'SUCCESS')) return orderActionMessages.fulfilledNoCancel;
  return null;
}

/**
 * Cancels an order Shopify allows to be cancelled: open authorizations are released (voided)
 * whatever is asked, the rest refunded when asked, the lines restocked when asked.
 */
export function applyCancel(index: SeedIndex, order: OrderRecord, options: CancelOptions): void {
  const now = index.clock();
  for (const hold of order.transactions.filter((transaction) => transaction.kind === 'AUTHORIZATION' && transaction.status === 'SUCCESS')) {
    if (order.transactions.some((other) => other.parentId === hold.id && other.status === 'SUCCESS')) continue;
    order.transactions.push({
      ...hold,
      id: index.nextId(),
      kind: 'VOID',
      createdAt: now,
      parentId: hold.id,
      authorizationExpiresAt: null,
    });
    if (order.received === 0) order.financialStatus = 'VOIDED';
  }
  const restockType: RestockType = options.restock ? 'CANCEL' : 'NO_RESTOCK';
  if (options.refund && maximumRefundable(order) > 0) applyRefund(index, order, fullRefundPlan(order, restockType, null));
  for (const item of order.lineItems) item.currentQuantity = 0;
  order.cancelledAt = now;
  order.closedAt = now;
  order.cancelReason = options.reason;
  order.cancellationNote = options.staffNote;
  order.currentTotal = 0;
  if (options.restock) order.fulfillmentStatus = 'RESTOCKED';
  touchOrder(index, order);
}

/** Splits Shopify's tag input (a list, any item of which may hold comma-separated tags). */
export function parseTags(input: readonly string[]): string[] {
  return input
    .flatMap((entry) => entry.split(','))
    .map((tag) => tag.trim())
    .filter(Boolean);
}

/** Tags compare without regard to case, as Shopify's do. */
export function addTags(existing: readonly string[], added: readonly string[]): string[] {
  const result = [...existing];
  for (const tag of added) if (!result.some((kept) => kept.toLowerCase() === tag.toLowerCase())) result.push(tag);
  return result;
}

export function removeTags(existing: readonly string[], removed: readonly string[]): string[] {
  const gone = new Set(removed.map((tag) => tag.toLowerCase()));
  return existing.filter((tag) => !gone.has(tag.toLowerCase()));
}

export function tagProblems(tags: readonly string[]): UserError[] {
  return tags.some((tag) => tag.length > 255) ? [{ field: ['tags'], message: orderActionMessages.tagTooLong }] : [];
}

/** The refundable amount, formatted, for messages. */
export function refundableText(order: OrderRecord): string {
  return formatAmount(maximumRefundable(order), order.currency);
}
