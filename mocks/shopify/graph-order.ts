import type { GraphQLResolveInfo } from 'graphql';
import { formatAddress, formatArea } from './address-format';
import { paginate, type ConnectionArgs } from './connection';
import { countryProfile } from './geography';
import { gid, iso, requireScope, type GraphContext } from './graph-context';
import { lineItemNode } from './graph-line-item';
import {
  disputeNode,
  refundNode,
  shippingLineNode,
  suggestedRefundNode,
  suggestRefund,
  transactionNode,
  type SuggestedRefundArgs,
} from './graph-payment';
import { moneyBag, parseMoney, shopCurrency } from './money';
import { maximumRefundable } from './refund-math';
import type { AddressRecord, FulfillmentRecord, OrderRecord, TransactionRecord } from './seed-model';

/**
 * Schema-shaped objects for orders and what hangs off them. Properties carry the schema's field
 * names; fields with arguments are functions, which graphql-js's default resolver calls with
 * `(args, context, info)`.
 */

export function addressNode(address: AddressRecord | null) {
  if (!address) return null;
  const country = countryProfile(address.countryCode);
  return {
    __typename: 'MailingAddress',
    id: gid('MailingAddress', address.id, `?model_name=${address.modelName}`),
    firstName: address.firstName,
    lastName: address.lastName,
    name: [address.firstName, address.lastName].filter(Boolean).join(' ') || null,
    company: address.company,
    address1: address.address1,
    address2: address.address2,
    city: address.city,
    province: address.province,
    provinceCode: address.provinceCode,
    zip: address.zip,
    country: country.name,
    countryCode: address.countryCode,
    countryCodeV2: address.countryCode,
    phone: address.phone,
    formattedArea: formatArea(address),
    coordinatesValidated: false,
    latitude: null,
    longitude: null,
    formatted: (args: { withName?: boolean; withCompany?: boolean }) =>
      formatAddress(address, { withName: args.withName ?? false, withCompany: args.withCompany ?? true }),
  };
}

function fulfillmentNode(fulfillment: FulfillmentRecord, order: OrderRecord, position: number) {
  return {
    __typename: 'Fulfillment',
    id: gid('Fulfillment', fulfillment.id),
    legacyResourceId: String(fulfillment.id),
    name: `${order.name}-F${position + 1}`,
    status: fulfillment.status,
    displayStatus: fulfillment.displayStatus,
    createdAt: iso(fulfillment.createdAt),
    updatedAt: iso(fulfillment.updatedAt),
    inTransitAt: iso(fulfillment.inTransitAt),
    deliveredAt: iso(fulfillment.deliveredAt),
    estimatedDeliveryAt: iso(fulfillment.estimatedDeliveryAt),
    requiresShipping: true,
    totalQuantity: fulfillment.lineItems.reduce((sum, entry) => sum + entry.quantity, 0),
    trackingInfo: (args: { first?: number | null }) => fulfillment.tracking.slice(0, args.first ?? fulfillment.tracking.length),
    fulfillmentLineItems: (args: ConnectionArgs & { reverse?: boolean }, _context: GraphContext, info: GraphQLResolveInfo) => {
      const entries = fulfillment.lineItems.map((entry) => ({ id: entry.id, sortValue: entry.id, entry }));
      if (args.reverse) entries.reverse();
      return paginate(
        info.fieldName,
        entries,
        args,
        ({ entry }) => {
          const item = order.lineItems.find((candidate) => candidate.id === entry.lineItemId);
          const total = moneyBag((item?.unitPrice ?? 0) * entry.quantity, order.currency);
          return {
            __typename: 'FulfillmentLineItem',
            id: gid('FulfillmentLineItem', entry.id),
            quantity: entry.quantity,
            lineItem: item ? lineItemNode(item, order) : null,
            originalTotalSet: total,
            originalTotal: total.presentmentMoney.amount,
            discountedTotalSet: total,
            discountedTotal: total.presentmentMoney.amount,
          };
        },
        { descending: args.reverse === true },
      );
    },
  };
}

/** An authorization neither captured nor voided: money the shop can still take. */
function openAuthorizations(order: OrderRecord): TransactionRecord[] {
  return order.transactions.filter(
    (transaction) =>
      transaction.kind === 'AUTHORIZATION' &&
      transaction.status === 'SUCCESS' &&
      order.financialStatus !== 'EXPIRED' &&
      !order.transactions.some((other) => other.parentId === transaction.id && other.status === 'SUCCESS'),
  );
}

export type OrderNodeLinks = {
  customer: (id: number, context: GraphContext) => unknown;
};

export function orderNode(order: OrderRecord, links: OrderNodeLinks) {
  const bag = (minor: number) => moneyBag(minor, order.currency);
  const lineItems = () => order.lineItems.map((item) => ({ id: item.id, sortValue: item.id, item }));
  const outstanding = order.cancelledAt ? 0 : Math.max(0, order.total - order.received);
  const self = (context: GraphContext) => orderNodeById(order.id, context, links);
  const capturable = () => openAuthorizations(order).reduce((sum, transaction) => sum + transaction.amount, 0);
  return {
    __typename: 'Order',
    id: gid('Order', order.id),
    legacyResourceId: String(order.id),
    name: order.name,
    number: order.number,
    confirmationNumber: order.statusPageUrl.slice(-10, -4).toUpperCase(),
    createdAt: iso(order.createdAt),
    processedAt: iso(order.processedAt),
    updatedAt: iso(order.updatedAt),
    cancelledAt: iso(order.cancelledAt),
    cancelReason: order.cancelReason,
    closed: order.closedAt !== null,
    closedAt: iso(order.closedAt),
    confirmed: order.confirmed,
    test: false,
    edited: false,
    displayFinancialStatus: order.financialStatus,
    displayFulfillmentStatus: order.fulfillmentStatus,
    fullyPaid: order.received >= order.total,
    unpaid: order.received === 0,
    currencyCode: shopCurrency,
    presentmentCurrencyCode: order.currency,
    taxesIncluded: order.taxesIncluded,
    totalPriceSet: () => bag(order.total),
    originalTotalPriceSet: () => bag(order.total),
    currentTotalPriceSet: () => bag(order.currentTotal),
    subtotalPriceSet: () => bag(order.subtotal),
    currentSubtotalPriceSet: () => bag(order.cancelledAt ? 0 : order.subtotal),
    totalShippingPriceSet: () => bag(order.shipping),
    totalTaxSet: () => bag(order.tax),
    currentTotalTaxSet: () => bag(order.cancelledAt ? 0 : order.tax),
    totalRefundedSet: () => bag(order.refunded),
    totalReceivedSet: () => bag(order.received),
    netPaymentSet: () => bag(order.received - order.refunded),
    totalOutstandingSet: () => bag(outstanding),
    totalDiscountsSet: () => bag(0),
    subtotalLineItemsQuantity: order.lineItems.reduce((sum, item) => sum + item.quantity, 0),
    currentSubtotalLineItemsQuantity: order.lineItems.reduce((sum, item) => sum + item.currentQuantity, 0),
    note: order.note,
    tags: order.tags,
    email: order.email,
    phone: order.phone,
    sourceName: 'web',
    // Computed when asked: a bulk export builds hundreds of thousands of these.
    paymentGatewayNames: () => [...new Set(order.transactions.map((transaction) => transaction.gateway))],
    capturable: () => capturable() > 0,
    totalCapturableSet: () => bag(capturable()),
    refundable: () => maximumRefundable(order) > 0,
    restockable: () => order.lineItems.some((item) => item.currentQuantity > 0),
    totalRefundedShippingSet: () => bag(order.refunds.reduce((sum, refund) => sum + refund.shipping, 0)),
    cancellation: () => (order.cancelledAt === null ? null : { staffNote: order.cancellationNote }),
    shippingLine: () => shippingLineNode(order),
    disputes: () => order.disputes.map(disputeNode),
    transactionsCount: { count: order.transactions.length, precision: 'EXACT' },
    transactions: (args: { first?: number | null; capturable?: boolean | null }) => {
      const open = openAuthorizations(order);
      const chosen = args.capturable ? open : order.transactions;
      return chosen.slice(0, args.first ?? chosen.length).map((transaction) => transactionNode(transaction, order, self));
    },
    refunds: (args: { first?: number | null }) =>
      order.refunds.slice(0, args.first ?? order.refunds.length).map((refund) => refundNode(refund, order, self)),
    suggestedRefund: (args: SuggestedRefundArgs) =>
      suggestedRefundNode(
        order,
        suggestRefund(order, args, (amount) => parseMoney(amount, order.currency) ?? 0),
        self,
      ),
    requiresShipping: order.lineItems.some((item) => item.requiresShipping),
    billingAddressMatchesShippingAddress: order.shippingAddress !== null,
    statusPageUrl: order.statusPageUrl,
    shippingAddress: () => addressNode(order.shippingAddress),
    billingAddress: () => addressNode(order.billingAddress),
    displayAddress: () => addressNode(order.billingAddress),
    customer: (_args: unknown, context: GraphContext) => {
      requireScope(context, 'read_customers', 'customer');
      return order.customerId === null ? null : links.customer(order.customerId, context);
    },
    lineItems: (args: ConnectionArgs & { reverse?: boolean }, _context: GraphContext, info: GraphQLResolveInfo) => {
      const items = lineItems();
      if (args.reverse) items.reverse();
      return paginate(info.fieldName, items, args, (entry) => lineItemNode(entry.item, order), { descending: args.reverse === true });
    },
    fulfillments: (args: { first?: number | null }) =>
      order.fulfillments.slice(0, args.first ?? order.fulfillments.length).map((fulfillment, position) => ({
        ...fulfillmentNode(fulfillment, order, position),
        order: (_a: unknown, context: GraphContext) => self(context),
      })),
  };
}

function orderNodeById(id: number, context: GraphContext, links: OrderNodeLinks) {
  const order = context.index.ordersById.get(id);
  return order ? orderNode(order, links) : null;
}
