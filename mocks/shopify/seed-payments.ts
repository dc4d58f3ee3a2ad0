import { createPrng, type Prng } from './prng';
import { lineRefund } from './refund-math';
import type { IdAllocator } from './seed-orders';
import type { OrderRecord, RefundLineItemRecord, RefundRecord, TransactionRecord } from './seed-model';

/**
 * An order's money as Shopify records it: the transactions behind its financial status (a sale, or
 * an authorization captured when it shipped, a pending bank deposit, a void), its refunds with their
 * lines and REFUND transactions, and disputes. Each order draws from a generator of its own, so the
 * rest of the seed is the same with or without them.
 */

/** Stories a persona's order can tell about its payment, beyond its financial status. */
export type PaymentStory = 'chargedTwice' | 'chargeback' | 'declinedThenPaid';

const SECOND = 1000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const refundNotes = ['Damaged in transit', 'Wrong colour sent', 'Returned unworn', null];

type Recorder = {
  add(
    transaction: Omit<TransactionRecord, 'id' | 'errorCode' | 'authorizationExpiresAt' | 'accountNumber'> & Partial<TransactionRecord>,
  ): TransactionRecord;
};

function recorder(order: OrderRecord, ids: IdAllocator, card: string | null): Recorder {
  return {
    add(transaction) {
      const record: TransactionRecord = {
        id: ids.next('transaction'),
        errorCode: null,
        authorizationExpiresAt: null,
        accountNumber: transaction.gateway === 'shopify_payments' ? card : null,
        ...transaction,
      };
      order.transactions.push(record);
      return record;
    },
  };
}

/** The moment a refund was made: after the order, before its last update. */
function refundTime(order: OrderRecord): number {
  const guess = order.cancelledAt ?? (order.closedAt !== null ? order.closedAt - 2 * DAY : order.updatedAt);
  return Math.min(order.updatedAt, Math.max(order.createdAt + HOUR, guess));
}

function refundOf(order: OrderRecord, ids: IdAllocator, prng: Prng, parent: TransactionRecord, pay: Recorder): RefundRecord {
  const createdAt = refundTime(order);
  const lines: RefundLineItemRecord[] = [];
  const full = order.refunded >= order.received;
  for (const item of order.lineItems) {
    // A cancelled order's lines are all refunded and restocked; a full refund takes every line back;
    // a partial one, the units that came back (if any: otherwise it was a goodwill amount).
    const quantity = full ? item.quantity : item.quantity - item.currentQuantity;
    if (quantity <= 0) continue;
    const money = lineRefund(order, item, quantity);
    lines.push({
      id: ids.next('refundLineItem'),
      lineItemId: item.id,
      quantity,
      restockType: order.cancelledAt !== null ? 'CANCEL' : 'RETURN',
      restocked: true,
      unitPrice: item.unitPrice,
      subtotal: money.subtotal,
      tax: money.tax,
    });
    if (full) item.currentQuantity = 0;
  }
  const refund = pay.add({
    kind: 'REFUND',
    status: 'SUCCESS',
    gateway: parent.gateway,
    amount: order.refunded,
    createdAt,
    parentId: parent.id,
  });
  return {
    id: ids.next('refund'),
    createdAt,
    note: order.cancelledAt !== null ? null : prng.pick(refundNotes),
    lineItems: lines,
    shipping: full ? order.shipping : 0,
    transactionIds: [refund.id],
  };
}

export function seedPayments(order: OrderRecord, story: PaymentStory | undefined, ids: IdAllocator): void {
  const prng = createPrng((order.number * 2_654_435_761) >>> 0);
  const card = `•••• •••• •••• ${prng.chars('0123456789', 4)}`;
  const pay = recorder(order, ids, card);
  const at = order.createdAt + 5 * SECOND;
  const gateway = order.financialStatus === 'PENDING' ? 'bank_deposit' : 'shopify_payments';

  if (order.received === 0) {
    if (order.financialStatus === 'PENDING') {
      pay.add({ kind: 'SALE', status: 'PENDING', gateway, amount: order.total, createdAt: at, parentId: null });
      return;
    }
    if (order.financialStatus === 'AUTHORIZED' || order.financialStatus === 'VOIDED' || order.financialStatus === 'EXPIRED') {
      const hold = pay.add({
        kind: 'AUTHORIZATION',
        status: 'SUCCESS',
        gateway,
        amount: order.total,
        createdAt: at,
        parentId: null,
        authorizationExpiresAt: at + 7 * DAY,
      });
      if (order.financialStatus === 'VOIDED') {
        pay.add({ kind: 'VOID', status: 'SUCCESS', gateway, amount: order.total, createdAt: order.cancelledAt ?? at, parentId: hold.id });
      }
    }
    return;
  }

  if (story === 'declinedThenPaid' || prng.chance(0.04)) {
    pay.add({
      kind: 'SALE',
      status: 'FAILURE',
      gateway,
      amount: order.received,
      createdAt: at - 40 * SECOND,
      parentId: null,
      errorCode: 'CARD_DECLINED',
    });
  }
  let settled: TransactionRecord;
  const shipped = order.fulfillments[0]?.createdAt;
  if (shipped !== undefined && order.received >= order.total && prng.chance(0.4)) {
    // Authorized at checkout, captured when the parcel left.
    const hold = pay.add({
      kind: 'AUTHORIZATION',
      status: 'SUCCESS',
      gateway,
      amount: order.received,
      createdAt: at,
      parentId: null,
      authorizationExpiresAt: at + 7 * DAY,
    });
    settled = pay.add({
      kind: 'CAPTURE',
      status: 'SUCCESS',
      gateway,
      amount: order.received,
      createdAt: Math.max(at, shipped),
      parentId: hold.id,
    });
  } else {
    settled = pay.add({ kind: 'SALE', status: 'SUCCESS', gateway, amount: order.received, createdAt: at, parentId: null });
  }
  if (story === 'chargedTwice') {
    // The shopper's bank retried the payment: the order was charged its total a second time.
    pay.add({ kind: 'SALE', status: 'SUCCESS', gateway, amount: order.total, createdAt: at + 35 * SECOND, parentId: null });
    order.received += order.total;
  }
  if (story === 'chargeback') order.disputes.push({ id: ids.next('dispute'), initiatedAs: 'CHARGEBACK', status: 'NEEDS_RESPONSE' });
  if (order.refunded > 0) order.refunds.push(refundOf(order, ids, prng, settled, pay));
}
