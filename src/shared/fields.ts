/**
 * The field catalogue: every field an admin can put on the card, as the browser knows it (its entity,
 * label and format). The configuration UI lists these, and the card renders each value with the
 * formatter its `format` names. Typed from this list, each field has an entry in two more places:
 * what Shopify is asked for it and how its answer is read, on the BFF (`server/shopify/shopify-fields.ts`),
 * and its group and description on the configuration page (`config/field-descriptions.ts`).
 */
import type { FieldFormat } from './field-values';

export type {
  Cancellation,
  FieldFormat,
  FieldValue,
  FormatValue,
  LineItem,
  Money,
  PaymentTransaction,
  Refund,
  Shipment,
  TrackingInfo,
} from './field-values';

export type FieldEntity = 'order' | 'customer';

export type FieldDefinition = {
  entity: FieldEntity;
  label: string;
  format: FieldFormat;
  /**
   * Lists of nested objects cost Shopify points per order: on the order card (every order of every
   * page) they would push a card open past Shopify's 1,000-point limit, so they are for details only.
   */
  detailsOnly?: true;
  /** A field that only matters when it has a value (a cancellation, refunds): left out of the details without one. */
  hiddenWhenEmpty?: true;
};

export const fieldCatalogue = {
  'order.name': {
    entity: 'order',
    label: 'Order number',
    format: 'text',
  },
  'order.createdAt': {
    entity: 'order',
    label: 'Order date',
    format: 'date',
  },
  'order.processedAt': {
    entity: 'order',
    label: 'Processed at',
    format: 'date',
  },
  'order.displayFinancialStatus': {
    entity: 'order',
    label: 'Payment status',
    format: 'status',
  },
  'order.displayFulfillmentStatus': {
    entity: 'order',
    label: 'Fulfillment status',
    format: 'status',
  },
  'order.cancelledAt': {
    entity: 'order',
    label: 'Cancelled at',
    format: 'date',
  },
  'order.totalPrice': {
    entity: 'order',
    label: 'Total',
    format: 'money',
  },
  'order.currentTotalPrice': {
    entity: 'order',
    label: 'Current total',
    format: 'money',
  },
  'order.subtotalPrice': {
    entity: 'order',
    label: 'Subtotal',
    format: 'money',
  },
  'order.totalShippingPrice': {
    entity: 'order',
    label: 'Shipping',
    format: 'money',
  },
  'order.totalRefunded': {
    entity: 'order',
    label: 'Refunded',
    format: 'money',
  },
  'order.lineItems': {
    entity: 'order',
    label: 'Line items',
    format: 'lineItems',
    detailsOnly: true,
  },
  'order.tracking': {
    entity: 'order',
    label: 'Tracking',
    format: 'tracking',
    detailsOnly: true,
  },
  'order.shipments': {
    entity: 'order',
    label: 'Shipments',
    format: 'shipments',
    detailsOnly: true,
  },
  'order.transactions': {
    entity: 'order',
    label: 'Payments',
    format: 'transactions',
    detailsOnly: true,
  },
  'order.refunds': {
    entity: 'order',
    label: 'Refunds',
    format: 'refunds',
    detailsOnly: true,
    hiddenWhenEmpty: true,
  },
  'order.cancellation': {
    entity: 'order',
    label: 'Cancellation',
    format: 'cancellation',
    hiddenWhenEmpty: true,
  },
  'order.shippingAddress': {
    entity: 'order',
    label: 'Shipping address',
    format: 'address',
  },
  'order.billingAddress': {
    entity: 'order',
    label: 'Billing address',
    format: 'address',
  },
  'order.tags': {
    entity: 'order',
    label: 'Order tags',
    format: 'tags',
  },
  'order.note': {
    entity: 'order',
    label: 'Order note',
    format: 'text',
  },
  'customer.displayName': {
    entity: 'customer',
    label: 'Name',
    format: 'text',
  },
  'customer.email': {
    entity: 'customer',
    label: 'Email',
    format: 'email',
  },
  'customer.phone': {
    entity: 'customer',
    label: 'Phone',
    format: 'phone',
  },
  'customer.defaultAddress': {
    entity: 'customer',
    label: 'Default address',
    format: 'address',
  },
  'customer.numberOfOrders': {
    entity: 'customer',
    label: 'Orders count',
    format: 'number',
  },
  'customer.amountSpent': {
    entity: 'customer',
    label: 'Amount spent',
    format: 'money',
  },
  'customer.createdAt': {
    entity: 'customer',
    label: 'Customer since',
    format: 'date',
  },
  'customer.state': {
    entity: 'customer',
    label: 'Account state',
    format: 'status',
  },
  'customer.tags': {
    entity: 'customer',
    label: 'Customer tags',
    format: 'tags',
  },
  'customer.note': {
    entity: 'customer',
    label: 'Customer note',
    format: 'text',
  },
} as const satisfies Record<string, FieldDefinition>;

export type FieldKey = keyof typeof fieldCatalogue;
export const fieldKeys = Object.keys(fieldCatalogue) as FieldKey[];

export function isFieldKey(key: string): key is FieldKey {
  return Object.hasOwn(fieldCatalogue, key);
}

export function fieldDefinition(key: FieldKey): FieldDefinition {
  return fieldCatalogue[key];
}

/** The format a field's value has on the wire. */
export type FormatOf<K extends FieldKey> = (typeof fieldCatalogue)[K]['format'];

export function fieldsOf(entity: FieldEntity): FieldKey[] {
  return fieldKeys.filter((key) => fieldCatalogue[key].entity === entity);
}

/** The order fields an order card may show: all but the costly lists, which stay in the details. */
export function orderCardFields(): FieldKey[] {
  return fieldsOf('order').filter((key) => !fieldDefinition(key).detailsOnly);
}
