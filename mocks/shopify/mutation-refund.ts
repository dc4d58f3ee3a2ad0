import type { GraphQLResolveInfo } from 'graphql';
import { gid, isOrderVisible, parseGid, requireScope, type GraphContext } from './graph-context';
import { idempotencyKeyOf, fingerprintOf, runIdempotently } from './idempotency';
import { formatAmount, parseMoney } from './money';
import { applyRefund, orderActionMessages as messages, type RefundPlan, type UserError } from './order-actions';
import { refundablePayments, shippingRefund } from './refund-math';
import type { OrderRecord, RestockType } from './seed-model';

/**
 * `refundCreate(input: RefundInput!)`: lines (with or without restocking), shipping and the money
 * in `transactions`. A refund that lists lines but no transactions records the lines and sends no
 * money back, as on Shopify. With `@idempotent(key:)` the same key and input return the first
 * outcome (the same refund, or the same userErrors) and refund nothing again.
 */

export type RefundInput = {
  orderId: string;
  note?: string | null;
  notify?: boolean | null;
  currency?: string | null;
  shipping?: { amount?: string | null; fullRefund?: boolean | null } | null;
  refundLineItems?: { lineItemId: string; quantity: number; restockType?: RestockType | null; locationId?: string | null }[] | null;
  transactions?: { amount: string; gateway: string; kind: string; orderId: string; parentId?: string | null }[] | null;
  allowOverRefunding?: boolean | null;
};

type RefundOutcome = { orderId: number | null; refundId: number | null; userErrors: UserError[] };

function orderOf(context: GraphContext, orderId: string): OrderRecord | null {
  const { type, id } = parseGid(orderId);
  const order = type === 'Order' ? context.index.ordersById.get(id) : undefined;
  return order && isOrderVisible(order, context) ? order : null;
}

/** Checks the input against the order; a plan to apply, or Shopify's userErrors. */
export function planRefund(order: OrderRecord, input: RefundInput): RefundPlan | UserError[] {
  const errors: UserError[] = [];
  if (input.currency && input.currency !== order.currency)
    errors.push({ field: ['currency'], message: messages.currencyMismatch(order.currency) });

  const lines: RefundPlan['lines'] = [];
  (input.refundLineItems ?? []).forEach((line, position) => {
    const at = (name: string) => ['refundLineItems', String(position), name];
    const item = order.lineItems.find((candidate) => gid('LineItem', candidate.id) === line.lineItemId);
    if (!item) return errors.push({ field: at('lineItemId'), message: messages.lineItemMissing });
    const already = lines.filter((earlier) => earlier.lineItemId === item.id).reduce((sum, earlier) => sum + earlier.quantity, 0);
    if (line.quantity <= 0) return errors.push({ field: at('quantity'), message: messages.quantityPositive });
    if (line.quantity + already > item.currentQuantity) {
      return errors.push({ field: at('quantity'), message: messages.quantityTooLarge(item.currentQuantity - already) });
    }
    lines.push({ lineItemId: item.id, quantity: line.quantity, restockType: line.restockType ?? 'NO_RESTOCK' });
  });

  const shippingLeft = shippingRefund(order).left;
  let shipping = 0;
  if (input.shipping?.fullRefund) shipping = shippingLeft;
  else if (input.shipping?.amount != null) {
    const amount = parseMoney(input.shipping.amount, order.currency);
    if (amount === null || amount < 0) errors.push({ field: ['shipping', 'amount'], message: messages.amountInvalid });
    else if (amount > shippingLeft) {
      errors.push({
        field: ['shipping', 'amount'],
        message: messages.amountTooLarge(formatAmount(shippingLeft, order.currency), order.currency),
      });
    } else shipping = amount;
  }

  const payable = new Map(refundablePayments(order).map((entry) => [gid('OrderTransaction', entry.payment.id), entry]));
  const payments: RefundPlan['payments'] = [];
  (input.transactions ?? []).forEach((transaction, position) => {
    const at = (name: string) => ['transactions', String(position), name];
    if (transaction.kind !== 'REFUND') return errors.push({ field: at('kind'), message: messages.transactionKind });
    if (transaction.orderId !== gid('Order', order.id)) return errors.push({ field: at('orderId'), message: messages.transactionOrder });
    const parent = transaction.parentId ? payable.get(transaction.parentId) : undefined;
    if (!parent) return errors.push({ field: at('parentId'), message: messages.parentMissing });
    if (transaction.gateway !== parent.payment.gateway) return errors.push({ field: at('gateway'), message: messages.gatewayMismatch });
    const amount = parseMoney(transaction.amount, order.currency);
    if (amount === null || amount <= 0) return errors.push({ field: at('amount'), message: messages.amountInvalid });
    const taken = payments.filter((earlier) => earlier.parentId === parent.payment.id).reduce((sum, earlier) => sum + earlier.amount, 0);
    if (amount + taken > parent.left && !input.allowOverRefunding) {
      return errors.push({
        field: at('amount'),
        message: messages.amountTooLarge(formatAmount(parent.left - taken, order.currency), order.currency),
      });
    }
    payments.push({ parentId: parent.payment.id, amount, gateway: parent.payment.gateway });
  });

  if (errors.length === 0 && lines.length === 0 && shipping === 0 && payments.length === 0) {
    errors.push({ field: null, message: messages.nothingToRefund });
  }
  return errors.length > 0 ? errors : { lines, shipping, payments, note: input.note ?? null };
}

function perform(context: GraphContext, input: RefundInput): RefundOutcome {
  const order = orderOf(context, input.orderId);
  if (!order) return { orderId: null, refundId: null, userErrors: [{ field: ['orderId'], message: messages.orderMissing }] };
  const plan = planRefund(order, input);
  if (Array.isArray(plan)) return { orderId: order.id, refundId: null, userErrors: plan };
  return { orderId: order.id, refundId: applyRefund(context.index, order, plan).id, userErrors: [] };
}

export function refundCreate(
  args: { input: RefundInput },
  context: GraphContext,
  info: GraphQLResolveInfo,
  nodes: {
    order: (id: number, context: GraphContext) => unknown;
    refund: (orderId: number, refundId: number, context: GraphContext) => unknown;
  },
) {
  requireScope(context, 'write_orders', 'refundCreate');
  const key = idempotencyKeyOf(info.schema, info.fieldNodes[0] as NonNullable<GraphQLResolveInfo['fieldNodes'][0]>, info.variableValues);
  const outcome =
    key === null
      ? perform(context, args.input)
      : runIdempotently(
          context.index.idempotency,
          { key, field: 'refundCreate', fingerprint: fingerprintOf(args.input), now: context.index.clock() },
          () => perform(context, args.input),
        ).outcome;
  return {
    order: outcome.orderId === null ? null : nodes.order(outcome.orderId, context),
    refund: outcome.orderId === null || outcome.refundId === null ? null : nodes.refund(outcome.orderId, outcome.refundId, context),
    userErrors: outcome.userErrors,
  };
}
