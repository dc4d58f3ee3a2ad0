import type { GraphQLResolveInfo } from 'graphql';
import { catalogue } from './catalogue';
import { paginate, type ConnectionArgs } from './connection';
import { gid, iso, requireScope, type GraphContext } from './graph-context';
import { addressNode } from './graph-order';
import { moneyBag, moneyV2, shopCurrency } from './money';
import type { DraftOrderRecord } from './seed-model';

/** A draft order in the schema's shape: made from an order (a replacement or a re-order), with its invoice link. */

export type DraftOrderLinks = { customer: (id: number, context: GraphContext) => unknown };

function draftLineItemNode(item: DraftOrderRecord['lineItems'][number], draft: DraftOrderRecord) {
  const bag = (minor: number) => moneyBag(minor, draft.currency);
  const product = catalogue.find((candidate) => candidate.handle === item.productHandle);
  return {
    __typename: 'DraftOrderLineItem',
    id: gid('DraftOrderLineItem', item.id),
    uuid: `${item.id}`,
    title: item.title,
    name: item.variantTitle ? `${item.title} - ${item.variantTitle}` : item.title,
    variantTitle: item.variantTitle,
    sku: item.sku,
    vendor: 'Linden & Loom',
    quantity: item.quantity,
    custom: false,
    isGiftCard: product?.requiresShipping === false,
    requiresShipping: item.requiresShipping,
    taxable: true,
    taxLines: [],
    customAttributes: [],
    customAttributesV2: [],
    components: [],
    bundleComponents: [],
    appliedDiscount: null,
    product: null,
    variant: null,
    image: null,
    weight: null,
    originalUnitPriceSet: bag(item.unitPrice),
    originalUnitPriceWithCurrency: moneyV2(item.unitPrice, draft.currency),
    approximateDiscountedUnitPriceSet: bag(item.unitPrice),
    discountedUnitPriceSet: bag(item.unitPrice),
    originalTotalSet: bag(item.unitPrice * item.quantity),
    discountedTotalSet: bag(item.unitPrice * item.quantity),
    totalDiscountSet: bag(0),
  };
}

export function draftOrderNode(draft: DraftOrderRecord, links: DraftOrderLinks) {
  const bag = (minor: number) => moneyBag(minor, draft.currency);
  return {
    __typename: 'DraftOrder',
    id: gid('DraftOrder', draft.id),
    legacyResourceId: String(draft.id),
    name: `#D${draft.number}`,
    status: 'OPEN',
    ready: true,
    invoiceUrl: draft.invoiceUrl,
    invoiceSentAt: null,
    completedAt: null,
    createdAt: iso(draft.createdAt),
    updatedAt: iso(draft.updatedAt),
    email: draft.email,
    phone: draft.phone,
    note2: draft.note,
    tags: draft.tags,
    taxExempt: false,
    taxesIncluded: draft.taxesIncluded,
    taxLines: [],
    visibleToCustomer: true,
    currencyCode: shopCurrency,
    presentmentCurrencyCode: draft.currency,
    customAttributes: [],
    discountCodes: [],
    platformDiscounts: [],
    warnings: [],
    appliedDiscount: null,
    acceptAutomaticDiscounts: true,
    allowDiscountCodesInCheckout: true,
    allVariantPricesOverridden: false,
    anyVariantPricesOverridden: false,
    billingAddressMatchesShippingAddress: true,
    hasTimelineComment: false,
    invoiceEmailTemplateSubject: `Complete your purchase`,
    totalQuantityOfLineItems: draft.lineItems.reduce((sum, item) => sum + item.quantity, 0),
    totalWeight: '0',
    subtotalPriceSet: bag(draft.subtotal),
    lineItemsSubtotalPrice: bag(draft.subtotal),
    totalLineItemsPriceSet: bag(draft.subtotal),
    totalShippingPriceSet: bag(draft.shipping),
    totalTaxSet: bag(draft.tax),
    totalDiscountsSet: bag(0),
    totalPriceSet: bag(draft.total),
    shippingAddress: addressNode(draft.shippingAddress),
    billingAddress: addressNode(draft.billingAddress),
    defaultCursor: Buffer.from(JSON.stringify({ last_id: draft.id, last_value: draft.id })).toString('base64'),
    customer: (_args: unknown, context: GraphContext) => {
      requireScope(context, 'read_customers', 'customer');
      return draft.customerId === null ? null : links.customer(draft.customerId, context);
    },
    // The order the draft becomes once it is completed; a fresh draft has none.
    order: null,
    lineItems: (args: ConnectionArgs & { reverse?: boolean }, _context: GraphContext, info: GraphQLResolveInfo) => {
      const items = draft.lineItems.map((item) => ({ id: item.id, sortValue: item.id, item }));
      if (args.reverse) items.reverse();
      return paginate(info.fieldName, items, args, (entry) => draftLineItemNode(entry.item, draft), { descending: args.reverse === true });
    },
  };
}
