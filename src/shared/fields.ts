/**
 * The field catalogue: every field an admin can put on the card, as the browser knows it (its
 * entity, group, label, description and format). The configuration UI lists these, and the card
 * renders each value with the formatter its `format` names. What Shopify is asked for each field and
 * how its answer is read belong to the BFF (`server/shopify/shopify-fields.ts`), typed from this list:
 * adding a field is one entry here and one there.
 */
import type { FieldFormat } from './field-values';

export type { FieldFormat, FieldValue, FormatValue, LineItem, Money, TrackingInfo } from './field-values';

export type FieldEntity = 'order' | 'customer';

export type FieldDefinition = {
  entity: FieldEntity;
  group: string;
  label: string;
  description: string;
  format: FieldFormat;
  /**
   * Lists of nested objects cost Shopify points per order: on the order card (every order of every
   * page) they would push a card open past Shopify's 1,000-point limit, so they are for details only.
   */
  detailsOnly?: true;
};

export const fieldCatalogue = {
  'order.name': {
    entity: 'order',
    group: 'Order',
    label: 'Order number',
    description: 'The order number the shopper sees, such as #1042.',
    format: 'text',
  },
  'order.createdAt': {
    entity: 'order',
    group: 'Order',
    label: 'Order date',
    description: 'When the order was placed.',
    format: 'date',
  },
  'order.processedAt': {
    entity: 'order',
    group: 'Order',
    label: 'Processed at',
    description: 'When the order was processed (differs from the order date for imported orders).',
    format: 'date',
  },
  'order.displayFinancialStatus': {
    entity: 'order',
    group: 'Status',
    label: 'Payment status',
    description: 'Paid, pending, refunded, partially refunded, voided and so on.',
    format: 'status',
  },
  'order.displayFulfillmentStatus': {
    entity: 'order',
    group: 'Status',
    label: 'Fulfillment status',
    description: 'Unfulfilled, partially fulfilled, fulfilled, on hold and so on.',
    format: 'status',
  },
  'order.cancelledAt': {
    entity: 'order',
    group: 'Status',
    label: 'Cancelled at',
    description: 'When the order was cancelled; empty when it was not.',
    format: 'date',
  },
  'order.totalPrice': {
    entity: 'order',
    group: 'Amounts',
    label: 'Total',
    description: 'The order total in the currency the shopper paid in.',
    format: 'money',
  },
  'order.currentTotalPrice': {
    entity: 'order',
    group: 'Amounts',
    label: 'Current total',
    description: 'The total after refunds, returns and edits.',
    format: 'money',
  },
  'order.subtotalPrice': {
    entity: 'order',
    group: 'Amounts',
    label: 'Subtotal',
    description: 'The total of the line items before shipping and taxes.',
    format: 'money',
  },
  'order.totalShippingPrice': {
    entity: 'order',
    group: 'Amounts',
    label: 'Shipping',
    description: 'What the shopper paid for shipping.',
    format: 'money',
  },
  'order.totalRefunded': {
    entity: 'order',
    group: 'Amounts',
    label: 'Refunded',
    description: 'The amount refunded so far.',
    format: 'money',
  },
  'order.lineItems': {
    entity: 'order',
    group: 'Items and delivery',
    label: 'Line items',
    description: 'Each product with its image, variant, quantity and price.',
    format: 'lineItems',
    detailsOnly: true,
  },
  'order.tracking': {
    entity: 'order',
    group: 'Items and delivery',
    label: 'Tracking',
    description: 'Carrier, tracking number and tracking link of each shipment.',
    format: 'tracking',
    detailsOnly: true,
  },
  'order.shippingAddress': {
    entity: 'order',
    group: 'Items and delivery',
    label: 'Shipping address',
    description: 'Where the order is going.',
    format: 'address',
  },
  'order.billingAddress': {
    entity: 'order',
    group: 'Items and delivery',
    label: 'Billing address',
    description: 'The billing address given at checkout.',
    format: 'address',
  },
  'order.tags': {
    entity: 'order',
    group: 'Notes and tags',
    label: 'Order tags',
    description: 'Tags the store added to the order.',
    format: 'tags',
  },
  'order.note': {
    entity: 'order',
    group: 'Notes and tags',
    label: 'Order note',
    description: 'The note on the order, from the shopper or the staff.',
    format: 'text',
  },
  'customer.displayName': {
    entity: 'customer',
    group: 'Contact',
    label: 'Name',
    description: "The customer's full name.",
    format: 'text',
  },
  'customer.email': {
    entity: 'customer',
    group: 'Contact',
    label: 'Email',
    description: "The customer's default email address.",
    format: 'email',
  },
  'customer.phone': {
    entity: 'customer',
    group: 'Contact',
    label: 'Phone',
    description: "The customer's default phone number.",
    format: 'phone',
  },
  'customer.defaultAddress': {
    entity: 'customer',
    group: 'Contact',
    label: 'Default address',
    description: "The customer's default address.",
    format: 'address',
  },
  'customer.numberOfOrders': {
    entity: 'customer',
    group: 'History',
    label: 'Orders count',
    description: 'How many orders the customer has placed.',
    format: 'number',
  },
  'customer.amountSpent': {
    entity: 'customer',
    group: 'History',
    label: 'Amount spent',
    description: 'What the customer has spent in the store over all orders.',
    format: 'money',
  },
  'customer.createdAt': {
    entity: 'customer',
    group: 'History',
    label: 'Customer since',
    description: 'When the customer record was created.',
    format: 'date',
  },
  'customer.state': {
    entity: 'customer',
    group: 'Account',
    label: 'Account state',
    description: 'Whether the customer has an account: enabled, invited, disabled or declined.',
    format: 'status',
  },
  'customer.tags': {
    entity: 'customer',
    group: 'Account',
    label: 'Customer tags',
    description: 'Tags the store added to the customer.',
    format: 'tags',
  },
  'customer.note': {
    entity: 'customer',
    group: 'Account',
    label: 'Customer note',
    description: 'The note the staff keep on the customer.',
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
