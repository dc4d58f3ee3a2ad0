import type { GraphQLResolveInfo } from 'graphql';
import { catalogue, productImageUrl } from './catalogue';
import { paginate, type ConnectionArgs } from './connection';
import { gid, iso, listConnection, requireScope, type GraphContext, type ListArgs } from './graph-context';
import { addressNode } from './graph-order';
import { moneyBag, toShopMinor } from './money';
import { dateMatches, freeTextMatches, numberMatches, textMatches } from './search-filters';
import type { SearchFilters } from './search-query';
import type { AbandonedCheckoutRecord, CustomerRecord } from './seed-model';

/**
 * `abandonedCheckouts(first, after, sortKey, reverse, query)`: checkouts left after the shopper
 * gave contact details, recovered ones included. Shopify has no UPDATED_AT sort key here: People's
 * incremental reads filter on `updated_at` and sort by `CREATED_AT` or `ID`.
 */

type CheckoutSearchRecord = { id: number; checkout: AbandonedCheckoutRecord; customer: CustomerRecord | null };

function checkoutFilters(now: number): SearchFilters<CheckoutSearchRecord> {
  return {
    fields: {
      id: ({ checkout }, term) => numberMatches(checkout.id, term),
      created_at: ({ checkout }, term) => dateMatches(checkout.createdAt, term, now),
      updated_at: ({ checkout }, term) => dateMatches(checkout.updatedAt, term, now),
      email_state: ({ checkout }, term) => textMatches(checkout.emailState, term),
      recovery_state: ({ checkout }, term) => textMatches(checkout.completedAt === null ? 'not_recovered' : 'recovered', term),
      status: ({ checkout }, term) => textMatches(checkout.completedAt === null ? 'open' : 'closed', term),
    },
    text: ({ checkout, customer }, term) =>
      freeTextMatches([checkout.email, checkout.phone, customer?.firstName ?? null, customer?.lastName ?? null, `#${checkout.id}`], term),
  };
}

function sortValue({ checkout, customer }: CheckoutSearchRecord, sortKey: string): string | number {
  switch (sortKey) {
    case 'CREATED_AT':
      return checkout.createdAt;
    case 'TOTAL_PRICE':
      return toShopMinor(checkout.total, checkout.currency);
    case 'CUSTOMER_NAME':
      return `${customer?.firstName ?? ''} ${customer?.lastName ?? ''}`.toLocaleLowerCase('en');
    default:
      // ID, CHECKOUT_ID and RELEVANCE (without a free-text term) keep the id order.
      return checkout.id;
  }
}

function lineItemNode(item: AbandonedCheckoutRecord['lineItems'][number], checkout: AbandonedCheckoutRecord) {
  const product = catalogue.find((candidate) => candidate.handle === item.productHandle);
  const bag = (minor: number) => moneyBag(minor, checkout.currency);
  return {
    __typename: 'AbandonedCheckoutLineItem',
    id: gid('AbandonedCheckoutLineItem', item.id),
    title: item.title,
    variantTitle: item.variantTitle,
    sku: item.sku,
    quantity: item.quantity,
    customAttributes: [],
    components: null,
    parentRelationship: null,
    product: null,
    variant: null,
    image: product && {
      id: gid('ProductImage', 30_000_000_000 + catalogue.indexOf(product) + 1),
      url: productImageUrl(product.handle),
      altText: product.title,
      width: 1200,
      height: 1200,
    },
    originalUnitPriceSet: bag(item.unitPrice),
    discountedUnitPriceSet: bag(item.unitPrice),
    discountedUnitPriceWithCodeDiscount: bag(item.unitPrice),
    originalTotalPriceSet: bag(item.unitPrice * item.quantity),
    discountedTotalPriceSet: bag(item.unitPrice * item.quantity),
    discountedTotalPriceWithCodeDiscount: bag(item.unitPrice * item.quantity),
  };
}

export type CheckoutLinks = { customer: (id: number, context: GraphContext) => unknown };

export function abandonedCheckoutNode(checkout: AbandonedCheckoutRecord, links: CheckoutLinks) {
  const bag = (minor: number) => moneyBag(minor, checkout.currency);
  return {
    __typename: 'AbandonedCheckout',
    id: gid('AbandonedCheckout', checkout.id),
    name: `#${checkout.id}`,
    abandonedCheckoutUrl: checkout.recoveryUrl,
    createdAt: iso(checkout.createdAt),
    updatedAt: iso(checkout.updatedAt),
    completedAt: iso(checkout.completedAt),
    note: checkout.note,
    discountCodes: checkout.discountCodes,
    customAttributes: [],
    taxesIncluded: checkout.taxesIncluded,
    taxLines: [],
    lineItemsQuantity: checkout.lineItems.reduce((sum, item) => sum + item.quantity, 0),
    subtotalPriceSet: bag(checkout.subtotal),
    totalLineItemsPriceSet: bag(checkout.subtotal),
    totalDiscountSet: bag(0),
    totalDutiesSet: null,
    totalTaxSet: bag(checkout.tax),
    totalPriceSet: bag(checkout.total),
    shippingAddress: addressNode(checkout.shippingAddress),
    billingAddress: addressNode(checkout.billingAddress),
    defaultCursor: Buffer.from(JSON.stringify({ last_id: checkout.id, last_value: checkout.id })).toString('base64'),
    customer: (_args: unknown, context: GraphContext) => {
      requireScope(context, 'read_customers', 'customer');
      return checkout.customerId === null ? null : links.customer(checkout.customerId, context);
    },
    lineItems: (args: ConnectionArgs & { reverse?: boolean }, _context: GraphContext, info: GraphQLResolveInfo) => {
      const items = checkout.lineItems.map((item) => ({ id: item.id, sortValue: item.id, item }));
      if (args.reverse) items.reverse();
      return paginate(info.fieldName, items, args, (entry) => lineItemNode(entry.item, checkout), { descending: args.reverse === true });
    },
  };
}

export function abandonedCheckoutsConnection(args: ListArgs, context: GraphContext, info: GraphQLResolveInfo, links: CheckoutLinks) {
  requireScope(context, 'read_orders', 'abandonedCheckouts');
  const { customersById } = context.index;
  return listConnection({
    items: () =>
      context.index.seed.abandonedCheckouts.map((checkout) => ({
        id: checkout.id,
        checkout,
        customer: checkout.customerId === null ? null : (customersById.get(checkout.customerId) ?? null),
      })),
    args,
    context,
    info,
    filters: checkoutFilters(context.index.nowMs),
    sortValue,
    toNode: (record) => abandonedCheckoutNode(record.checkout, links),
  });
}
