import type { GraphQLResolveInfo } from 'graphql';
import { bulkOperationNode, bulkQueries } from './graph-bulk';
import { abandonedCheckoutNode, abandonedCheckoutsConnection } from './graph-checkout';
import { customerNode, customerNodeById, ordersConnection, toOrderNode } from './graph-customer';
import {
  customerSortValue,
  gid,
  isOrderVisible,
  listConnection,
  parseGid,
  requireScope,
  type GraphContext,
  type ListArgs,
} from './graph-context';
import { draftOrderNode } from './graph-draft-order';
import { customerByIdentifier } from './graph-customer-by-identifier';
import { addressNode } from './graph-order';
import { refundNode, transactionNode } from './graph-payment';
import { customerFilters, type CustomerSearchRecord } from './search-filters';

/** The query root over the seed: what `QueryRoot` answers in the sandbox store. */

export function orderById(id: number, context: GraphContext) {
  const order = context.index.ordersById.get(id);
  return order && isOrderVisible(order, context) ? toOrderNode(order) : null;
}

const customerLink = { customer: customerNodeById };

export function draftOrderById(id: number, context: GraphContext) {
  const draft = context.index.draftOrdersById.get(id);
  return draft ? draftOrderNode(draft, customerLink) : null;
}

export function refundById(orderId: number, refundId: number, context: GraphContext) {
  const order = context.index.ordersById.get(orderId);
  const refund = order?.refunds.find((candidate) => candidate.id === refundId);
  return order && refund ? refundNode(refund, order, (inner) => orderById(order.id, inner)) : null;
}

/** Refunds and transactions are found through their order. */
function orderPart(type: 'Refund' | 'OrderTransaction', id: number, context: GraphContext) {
  requireScope(context, 'read_orders', 'node');
  for (const order of context.index.seed.orders) {
    if (!isOrderVisible(order, context)) continue;
    const self = (inner: GraphContext) => orderById(order.id, inner);
    if (type === 'Refund') {
      const refund = order.refunds.find((candidate) => candidate.id === id);
      if (refund) return refundNode(refund, order, self);
    } else {
      const transaction = order.transactions.find((candidate) => candidate.id === id);
      if (transaction) return transactionNode(transaction, order, self);
    }
  }
  return null;
}

/** `node(id:)` for the types the sandbox holds; anything else is simply not found. */
function nodeByGid(value: string, context: GraphContext): unknown {
  const { type, id } = parseGid(value);
  switch (type) {
    case 'Customer':
      requireScope(context, 'read_customers', 'node');
      return customerNodeById(id, context);
    case 'Order':
      requireScope(context, 'read_orders', 'node');
      return orderById(id, context);
    case 'MailingAddress': {
      const address = context.index.seed.customers.flatMap((customer) => customer.addresses).find((a) => a.id === id);
      return address ? addressNode(address) : null;
    }
    case 'AbandonedCheckout': {
      requireScope(context, 'read_orders', 'node');
      const checkout = context.index.checkoutsById.get(id);
      return checkout ? abandonedCheckoutNode(checkout, customerLink) : null;
    }
    case 'DraftOrder':
      requireScope(context, 'read_draft_orders', 'node');
      return draftOrderById(id, context);
    case 'BulkOperation': {
      const operation = context.index.bulkOperations.find((candidate) => candidate.id === id);
      return operation ? bulkOperationNode(operation, context) : null;
    }
    case 'Refund':
    case 'OrderTransaction':
      return orderPart(type, id, context);
    case 'LineItem':
    case 'Fulfillment': {
      for (const order of context.index.seed.orders) {
        const holds =
          type === 'LineItem'
            ? order.lineItems.some((item) => item.id === id)
            : order.fulfillments.some((fulfillment) => fulfillment.id === id);
        if (!holds) continue;
        const node = orderById(order.id, context);
        if (!node) return null;
        if (type === 'LineItem') {
          const items = node.lineItems({ first: 250 }, context, { fieldName: 'lineItems' } as GraphQLResolveInfo);
          return items.nodes.find((item) => item.id === value) ?? null;
        }
        return node.fulfillments({}).find((fulfillment) => fulfillment.id === value) ?? null;
      }
      return null;
    }
    default:
      return null;
  }
}

export const queryRoot = {
  shop: (_args: unknown, context: GraphContext) => {
    const shop = context.index.seed.shop;
    const url = `https://${shop.primaryDomainHost}`;
    return {
      __typename: 'Shop',
      id: gid('Shop', shop.id),
      name: shop.name,
      email: shop.email,
      contactEmail: shop.email,
      myshopifyDomain: shop.myshopifyDomain,
      url,
      currencyCode: shop.currencyCode,
      enabledPresentmentCurrencies: ['USD', 'EUR', 'GBP', 'JPY', 'CAD'],
      ianaTimezone: shop.ianaTimezone,
      taxesIncluded: false,
      orderNumberFormatPrefix: '#',
      orderNumberFormatSuffix: '',
      weightUnit: 'KILOGRAMS',
      unitSystem: 'METRIC_SYSTEM',
      primaryDomain: { __typename: 'Domain', id: gid('Domain', 90_000_000_001), host: shop.primaryDomainHost, url, sslEnabled: true },
      plan: { displayName: shop.planDisplayName, publicDisplayName: shop.planDisplayName, partnerDevelopment: false, shopifyPlus: false },
    };
  },
  currentAppInstallation: (_args: unknown, context: GraphContext) => ({
    __typename: 'AppInstallation',
    id: gid('AppInstallation', 70_000_000_001),
    accessScopes: context.grantedScopes.map((handle) => ({ handle, description: handle.replaceAll('_', ' ') })),
  }),
  customers: (args: ListArgs, context: GraphContext, info: GraphQLResolveInfo) => {
    requireScope(context, 'read_customers', 'customers');
    const items = (): CustomerSearchRecord[] =>
      context.index.seed.customers.map((customer) => ({ id: customer.id, customer, ordersCount: customer.orderIds.length }));
    return listConnection({
      items,
      args,
      context,
      info,
      filters: customerFilters(context.index.nowMs),
      sortValue: (record, sortKey) => customerSortValue(record.customer, sortKey),
      toNode: (record) => customerNode(record.customer),
    });
  },
  customer: (args: { id: string }, context: GraphContext) => {
    requireScope(context, 'read_customers', 'customer');
    const { type, id } = parseGid(args.id);
    return type === 'Customer' ? customerNodeById(id, context) : null;
  },
  customerByIdentifier,
  orders: (args: ListArgs, context: GraphContext, info: GraphQLResolveInfo) => {
    requireScope(context, 'read_orders', 'orders');
    return ordersConnection(context.index.seed.orders, { ...args, sortKey: args.sortKey ?? 'PROCESSED_AT' }, context, info);
  },
  order: (args: { id: string }, context: GraphContext) => {
    requireScope(context, 'read_orders', 'order');
    const { type, id } = parseGid(args.id);
    return type === 'Order' ? orderById(id, context) : null;
  },
  abandonedCheckouts: (args: ListArgs, context: GraphContext, info: GraphQLResolveInfo) =>
    abandonedCheckoutsConnection(args, context, info, customerLink),
  draftOrder: (args: { id: string }, context: GraphContext) => {
    requireScope(context, 'read_draft_orders', 'draftOrder');
    const { type, id } = parseGid(args.id);
    return type === 'DraftOrder' ? draftOrderById(id, context) : null;
  },
  /** The sandbox finishes a job's work before answering, so every job it has handed out is done. */
  job: (args: { id: string }) => {
    const { type } = parseGid(args.id);
    return type === 'Job' ? { __typename: 'Job', id: args.id, done: true, query: null } : null;
  },
  ...bulkQueries,
  node: (args: { id: string }, context: GraphContext) => nodeByGid(args.id, context),
  nodes: (args: { ids: string[] }, context: GraphContext) => args.ids.map((id) => nodeByGid(id, context)),
};
