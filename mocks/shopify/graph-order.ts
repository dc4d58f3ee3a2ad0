import type { GraphQLResolveInfo } from 'graphql';
import { formatAddress, formatArea } from './address-format';
import { catalogue, productImageUrl } from './catalogue';
import { paginate, type ConnectionArgs } from './connection';
import { countryProfile } from './geography';
import { gid, iso, requireScope, type GraphContext } from './graph-context';
import { moneyBag, shopCurrency } from './money';
import type { AddressRecord, FulfillmentRecord, LineItemRecord, OrderRecord } from './seed-model';

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

function lineItemNode(item: LineItemRecord, order: OrderRecord) {
  const product = catalogue.find((candidate) => candidate.handle === item.productHandle);
  const bag = (minor: number) => moneyBag(minor, order.currency);
  const fulfilled = order.fulfillments
    .flatMap((fulfillment) => fulfillment.lineItems)
    .filter((entry) => entry.lineItemId === item.id)
    .reduce((sum, entry) => sum + entry.quantity, 0);
  return {
    __typename: 'LineItem',
    id: gid('LineItem', item.id),
    title: item.title,
    name: item.variantTitle ? `${item.title} - ${item.variantTitle}` : item.title,
    variantTitle: item.variantTitle,
    quantity: item.quantity,
    currentQuantity: item.currentQuantity,
    unfulfilledQuantity: Math.max(0, item.currentQuantity - fulfilled),
    refundableQuantity: item.currentQuantity,
    nonFulfillableQuantity: item.quantity - item.currentQuantity,
    sku: item.sku,
    vendor: 'Linden & Loom',
    requiresShipping: item.requiresShipping,
    isGiftCard: product?.requiresShipping === false,
    taxable: true,
    merchantEditable: order.closedAt === null,
    image: product && {
      id: gid('ProductImage', 30_000_000_000 + catalogue.indexOf(product) + 1),
      url: productImageUrl(product.handle),
      altText: product.title,
      width: 1200,
      height: 1200,
    },
    originalUnitPriceSet: bag(item.unitPrice),
    discountedUnitPriceSet: bag(item.unitPrice),
    discountedUnitPriceAfterAllDiscountsSet: bag(item.unitPrice),
    originalTotalSet: bag(item.unitPrice * item.quantity),
    discountedTotalSet: () => bag(item.unitPrice * item.quantity),
    totalDiscountSet: bag(0),
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
  };
}

export type OrderNodeLinks = {
  customer: (id: number, context: GraphContext) => unknown;
};

export function orderNode(order: OrderRecord, links: OrderNodeLinks) {
  const bag = (minor: number) => moneyBag(minor, order.currency);
  const lineItems = () => order.lineItems.map((item) => ({ id: item.id, sortValue: item.id, item }));
  const outstanding = order.cancelledAt ? 0 : Math.max(0, order.total - order.received);
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
    totalPriceSet: bag(order.total),
    originalTotalPriceSet: bag(order.total),
    currentTotalPriceSet: bag(order.currentTotal),
    subtotalPriceSet: bag(order.subtotal),
    currentSubtotalPriceSet: bag(order.cancelledAt ? 0 : order.subtotal),
    totalShippingPriceSet: bag(order.shipping),
    totalTaxSet: bag(order.tax),
    currentTotalTaxSet: bag(order.cancelledAt ? 0 : order.tax),
    totalRefundedSet: bag(order.refunded),
    totalReceivedSet: bag(order.received),
    netPaymentSet: bag(order.received - order.refunded),
    totalOutstandingSet: bag(outstanding),
    totalDiscountsSet: bag(0),
    subtotalLineItemsQuantity: order.lineItems.reduce((sum, item) => sum + item.quantity, 0),
    currentSubtotalLineItemsQuantity: order.lineItems.reduce((sum, item) => sum + item.currentQuantity, 0),
    note: order.note,
    tags: order.tags,
    email: order.email,
    phone: order.phone,
    sourceName: 'web',
    paymentGatewayNames: order.financialStatus === 'PENDING' ? ['bank_deposit'] : ['shopify_payments'],
    requiresShipping: order.lineItems.some((item) => item.requiresShipping),
    billingAddressMatchesShippingAddress: order.shippingAddress !== null,
    statusPageUrl: order.statusPageUrl,
    shippingAddress: addressNode(order.shippingAddress),
    billingAddress: addressNode(order.billingAddress),
    displayAddress: addressNode(order.billingAddress),
    customer: (_args: unknown, context: GraphContext) => {
      requireScope(context, 'read_customers', 'customer');
      return order.customerId === null ? null : links.customer(order.customerId, context);
    },
    lineItems: (args: ConnectionArgs & { reverse?: boolean }, _context: GraphContext, info: GraphQLResolveInfo) => {
      const items = lineItems();
      if (args.reverse) items.reverse();
      return paginate(info.fieldName, items, args, (entry) => lineItemNode(entry.item, order));
    },
    fulfillments: (args: { first?: number | null }) =>
      order.fulfillments.slice(0, args.first ?? order.fulfillments.length).map((fulfillment, position) => ({
        ...fulfillmentNode(fulfillment, order, position),
        order: (_a: unknown, context: GraphContext) => orderNodeById(order.id, context, links),
      })),
  };
}

function orderNodeById(id: number, context: GraphContext, links: OrderNodeLinks) {
  const order = context.index.ordersById.get(id);
  return order ? orderNode(order, links) : null;
}
