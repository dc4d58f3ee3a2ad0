import type { GraphQLResolveInfo } from 'graphql';
import { paginate, type ConnectionArgs } from './connection';
import { gid, iso, type GraphContext } from './graph-context';
import { lineItemNode } from './graph-line-item';
import { formatAmount, moneyBag, moneyV2 } from './money';
import { allocateRefund, lineRefund, maximumRefundable, refundablePayments, shippingRefund } from './refund-math';
import type { OrderRecord, RefundLineItemRecord, RefundRecord, RestockType, TransactionRecord } from './seed-model';

/**
 * An order's money in the schema's shape: transactions, refunds with their lines, disputes, the
 * shipping line and `suggestedRefund`. Amounts are in the order's presentment currency; each
 * MoneyBag also carries the shop's.
 */

type OrderLink = (context: GraphContext) => unknown;
type Pageable = ConnectionArgs & { reverse?: boolean };

const gatewayNames: Record<string, string> = {
  shopify_payments: 'Shopify Payments',
  bank_deposit: 'Bank Deposit',
  manual: 'Manual',
  paypal: 'PayPal Express Checkout',
};

const formattedGateway = (gateway: string) => gatewayNames[gateway] ?? gateway;

function connectionOf<T extends { id: number }, N>(items: readonly T[], args: Pageable, info: GraphQLResolveInfo, toNode: (item: T) => N) {
  const keyed = items.map((item) => ({ id: item.id, sortValue: item.id, item }));
  if (args.reverse) keyed.reverse();
  return paginate(info.fieldName, keyed, args, (entry) => toNode(entry.item), { descending: args.reverse === true });
}

export function transactionNode(transaction: TransactionRecord, order: OrderRecord, orderOf: OrderLink): Record<string, unknown> {
  const bag = moneyBag(transaction.amount, order.currency);
  const left = refundablePayments(order).find((entry) => entry.payment.id === transaction.id)?.left ?? null;
  const settledLater = order.transactions.some(
    (other) => other.parentId === transaction.id && other.status === 'SUCCESS' && (other.kind === 'CAPTURE' || other.kind === 'VOID'),
  );
  return {
    __typename: 'OrderTransaction',
    id: gid('OrderTransaction', transaction.id),
    kind: transaction.kind,
    status: transaction.status,
    gateway: transaction.gateway,
    formattedGateway: formattedGateway(transaction.gateway),
    amountSet: bag,
    amount: bag.presentmentMoney.amount,
    amountV2: bag.presentmentMoney,
    createdAt: iso(transaction.createdAt),
    processedAt: iso(transaction.createdAt),
    errorCode: transaction.errorCode,
    authorizationExpiresAt: iso(transaction.authorizationExpiresAt),
    accountNumber: transaction.accountNumber,
    paymentId: `${transaction.gateway === 'shopify_payments' ? 'pi' : 'm'}_${transaction.id}`,
    test: false,
    manualPaymentGateway: transaction.gateway !== 'shopify_payments',
    manuallyCapturable: transaction.kind === 'AUTHORIZATION' && transaction.status === 'SUCCESS' && !settledLater,
    multiCapturable: false,
    fees: [],
    maximumRefundableV2: left === null ? null : moneyV2(left, order.currency),
    maximumRefundable: left === null ? null : formatAmount(left, order.currency),
    parentTransaction: () => {
      const parent = order.transactions.find((candidate) => candidate.id === transaction.parentId);
      return parent ? transactionNode(parent, order, orderOf) : null;
    },
    order: (_args: unknown, context: GraphContext) => orderOf(context),
  };
}

function restockedLine(
  order: OrderRecord,
  line: Pick<RefundLineItemRecord, 'lineItemId' | 'quantity' | 'restockType' | 'restocked'> & { id: number | null },
) {
  const item = order.lineItems.find((candidate) => candidate.id === line.lineItemId);
  const money = item ? lineRefund(order, item, line.quantity) : { subtotal: 0, tax: 0 };
  const bag = (minor: number) => moneyBag(minor, order.currency);
  return {
    __typename: 'RefundLineItem',
    id: line.id === null ? null : gid('RefundLineItem', line.id),
    lineItem: item ? lineItemNode(item, order) : null,
    quantity: line.quantity,
    restockType: line.restockType,
    restocked: line.restocked,
    location: null,
    priceSet: bag(item?.unitPrice ?? 0),
    price: formatAmount(item?.unitPrice ?? 0, order.currency),
    subtotalSet: bag(money.subtotal),
    subtotal: formatAmount(money.subtotal, order.currency),
    totalTaxSet: bag(money.tax),
    totalTax: formatAmount(money.tax, order.currency),
  };
}

/** The order's single shipping line, when it charged shipping. */
export function shippingLineNode(order: OrderRecord) {
  if (order.shipping === 0) return null;
  const bag = moneyBag(order.shipping, order.currency);
  return {
    __typename: 'ShippingLine',
    id: gid('ShippingLine', order.id),
    title: 'Standard',
    code: 'standard',
    source: 'shopify',
    custom: false,
    isRemoved: false,
    carrierIdentifier: null,
    deliveryCategory: null,
    phone: null,
    shippingRateHandle: null,
    discountAllocations: [],
    taxLines: [],
    originalPriceSet: bag,
    originalPrice: bag.presentmentMoney,
    discountedPriceSet: bag,
    discountedPrice: bag.presentmentMoney,
    currentDiscountedPriceSet: bag,
    price: bag.presentmentMoney.amount,
  };
}

export function refundNode(refund: RefundRecord, order: OrderRecord, orderOf: OrderLink): Record<string, unknown> {
  const transactions = order.transactions.filter((transaction) => refund.transactionIds.includes(transaction.id));
  const total = transactions.filter((transaction) => transaction.status === 'SUCCESS').reduce((sum, t) => sum + t.amount, 0);
  const totalBag = moneyBag(total, order.currency);
  const shippingLines =
    refund.shipping > 0 ? [{ id: refund.id, shipping: refund.shipping, tax: shippingRefund({ ...order, refunds: [] }).tax }] : [];
  return {
    __typename: 'Refund',
    id: gid('Refund', refund.id),
    legacyResourceId: String(refund.id),
    createdAt: iso(refund.createdAt),
    processedAt: iso(refund.createdAt),
    updatedAt: iso(refund.createdAt),
    note: refund.note,
    totalRefundedSet: totalBag,
    totalRefunded: totalBag.presentmentMoney,
    duties: [],
    return: null,
    staffMember: null,
    order: (_args: unknown, context: GraphContext) => orderOf(context),
    refundLineItems: (args: Pageable, _context: GraphContext, info: GraphQLResolveInfo) =>
      connectionOf(refund.lineItems, args, info, (line) => restockedLine(order, line)),
    transactions: (args: Pageable, _context: GraphContext, info: GraphQLResolveInfo) =>
      connectionOf(transactions, args, info, (transaction) => transactionNode(transaction, order, orderOf)),
    refundShippingLines: (args: Pageable, _context: GraphContext, info: GraphQLResolveInfo) =>
      connectionOf(shippingLines, args, info, (line) => ({
        __typename: 'RefundShippingLine',
        id: gid('RefundShippingLine', line.id),
        shippingLine: shippingLineNode(order),
        subtotalAmountSet: moneyBag(line.shipping, order.currency),
        taxAmountSet: moneyBag(line.tax, order.currency),
      })),
    orderAdjustments: (args: Pageable, _context: GraphContext, info: GraphQLResolveInfo) => connectionOf([], args, info, () => null),
  };
}

export function disputeNode(dispute: OrderRecord['disputes'][number]) {
  return {
    __typename: 'OrderDisputeSummary',
    id: gid('ShopifyPaymentsDispute', dispute.id),
    initiatedAs: dispute.initiatedAs,
    status: dispute.status,
  };
}

export type RefundLineItemArgument = { lineItemId: string; quantity: number; restockType?: RestockType | null; locationId?: string | null };

export type SuggestedRefundArgs = {
  shippingAmount?: string | null;
  refundShipping?: boolean | null;
  refundLineItems?: RefundLineItemArgument[] | null;
  suggestFullRefund?: boolean;
};

/** What Shopify would refund for these lines and shipping: capped at what the order can still give back. */
export function suggestRefund(order: OrderRecord, args: SuggestedRefundArgs, parseAmount: (amount: string) => number) {
  const lines = args.suggestFullRefund
    ? order.lineItems
        .filter((item) => item.currentQuantity > 0)
        .map((item) => ({ item, quantity: item.currentQuantity, restockType: null as RestockType | null }))
    : (args.refundLineItems ?? []).flatMap((wanted) => {
        const item = order.lineItems.find((candidate) => gid('LineItem', candidate.id) === wanted.lineItemId);
        const quantity = Math.max(0, Math.min(wanted.quantity, item?.currentQuantity ?? 0));
        return item ? [{ item, quantity, restockType: wanted.restockType ?? null }] : [];
      });
  const shipping = shippingRefund(order);
  const shippingLeft =
    args.suggestFullRefund || args.refundShipping
      ? shipping.left
      : args.shippingAmount
        ? Math.min(shipping.left, parseAmount(args.shippingAmount))
        : 0;
  const shippingTax =
    shippingLeft === shipping.left ? shipping.tax : Math.round((shipping.tax * shippingLeft) / Math.max(1, shipping.left));
  const money = lines.map((line) => lineRefund(order, line.item, line.quantity));
  const subtotal = money.reduce((sum, line) => sum + line.subtotal, 0);
  const tax = money.reduce((sum, line) => sum + line.tax, 0) + shippingTax;
  const wanted = money.reduce((sum, line) => sum + line.amount, 0) + (order.taxesIncluded ? shippingLeft : shippingLeft + shippingTax);
  const maximum = maximumRefundable(order);
  const amount = Math.min(wanted, maximum);
  return {
    lines,
    subtotal,
    tax,
    shippingLeft,
    shippingTax,
    shippingMaximum: shipping.left,
    amount,
    maximum,
    allocation: allocateRefund(order, amount),
  };
}

export function suggestedRefundNode(order: OrderRecord, suggestion: ReturnType<typeof suggestRefund>, orderOf: OrderLink) {
  const bag = (minor: number) => moneyBag(minor, order.currency);
  const money = (minor: number) => formatAmount(minor, order.currency);
  return {
    __typename: 'SuggestedRefund',
    amountSet: bag(suggestion.amount),
    amount: money(suggestion.amount),
    subtotalSet: bag(suggestion.subtotal),
    subtotal: money(suggestion.subtotal),
    discountedSubtotalSet: bag(suggestion.subtotal),
    totalTaxSet: bag(suggestion.tax),
    totalTaxes: money(suggestion.tax),
    maximumRefundableSet: bag(suggestion.maximum),
    maximumRefundable: money(suggestion.maximum),
    totalCartDiscountAmountSet: bag(0),
    totalDutiesSet: bag(0),
    refundDuties: [],
    suggestedRefundMethods: [],
    refundLineItems: suggestion.lines.map((line) =>
      restockedLine(order, {
        id: null,
        lineItemId: line.item.id,
        quantity: line.quantity,
        restockType: line.restockType ?? 'NO_RESTOCK',
        restocked: false,
      }),
    ),
    shipping: {
      __typename: 'ShippingRefund',
      amountSet: bag(suggestion.shippingLeft),
      amount: money(suggestion.shippingLeft),
      maximumRefundableSet: bag(suggestion.shippingMaximum),
      maximumRefundable: money(suggestion.shippingMaximum),
      taxSet: bag(suggestion.shippingTax),
      tax: money(suggestion.shippingTax),
    },
    suggestedTransactions: suggestion.allocation.map(({ payment, amount, left }) => ({
      __typename: 'SuggestedOrderTransaction',
      kind: 'SUGGESTED_REFUND',
      gateway: payment.gateway,
      formattedGateway: formattedGateway(payment.gateway),
      accountNumber: payment.accountNumber,
      amountSet: bag(amount),
      amount: money(amount),
      maximumRefundableSet: bag(left),
      maximumRefundable: money(left),
      parentTransaction: transactionNode(payment, order, orderOf),
      paymentDetails: null,
    })),
  };
}
