/**
 * The field catalogue: every field an admin can put on the card. The configuration UI lists these,
 * the BFF builds its Shopify query from the configured keys alone, and the card renders each value
 * with the formatter its `format` names. Adding a field is one entry here.
 */

export type FieldEntity = 'order' | 'customer';

export type Money = { amount: string; currencyCode: string };
export type LineItem = {
  title: string;
  variantTitle: string | null;
  quantity: number;
  sku: string | null;
  imageUrl: string | null;
  imageAlt: string | null;
  unitPrice: Money;
};
export type TrackingInfo = { company: string | null; number: string | null; url: string | null };

/** The value each format carries on the wire. */
export type FormatValue = {
  text: string;
  email: string;
  phone: string;
  number: number;
  money: Money;
  date: string;
  status: string;
  address: string[];
  tags: string[];
  lineItems: LineItem[];
  tracking: TrackingInfo[];
};
export type FieldFormat = keyof FormatValue;
export type FieldValue = FormatValue[FieldFormat];

type Node = Record<string, unknown>;

export type FieldDefinition<F extends FieldFormat = FieldFormat> = {
  entity: FieldEntity;
  group: string;
  label: string;
  description: string;
  format: F;
  /** The GraphQL selection on the entity's type (Order or Customer) that this field needs. */
  selection: string;
  /** Turns the entity node Shopify returned into the wire value, or null when Shopify has none. */
  read: (node: Node) => FormatValue[F] | null;
  /**
   * Lists of nested objects cost Shopify points per order: on the order card (every order of every
   * page) they would push a card open past Shopify's 1,000-point limit, so they are for details only.
   */
  detailsOnly?: true;
};

const MONEY = '{ amount currencyCode }';
const BAG = `{ presentmentMoney ${MONEY} }`;

function obj(value: unknown): Node | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Node) : null;
}
function str(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}
function at(node: Node | null, ...path: string[]): unknown {
  let current: unknown = node;
  for (const key of path) current = obj(current)?.[key];
  return current;
}
function money(value: unknown): Money | null {
  const amount = str(at(obj(value), 'amount'));
  const currencyCode = str(at(obj(value), 'currencyCode'));
  return amount && currencyCode ? { amount, currencyCode } : null;
}
function strings(value: unknown): string[] | null {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : null;
}
function nodes(value: unknown): Node[] {
  const list = Array.isArray(value) ? value : at(obj(value), 'nodes');
  return Array.isArray(list) ? list.map(obj).filter((n): n is Node => n !== null) : [];
}

function scalar<F extends 'text' | 'date' | 'status' | 'email' | 'phone'>(
  format: F,
  ...path: string[]
): Pick<FieldDefinition<F>, 'format' | 'read'> {
  return { format, read: (node) => str(at(node, ...path)) as FormatValue[F] | null };
}
function moneyBag(field: string): Pick<FieldDefinition<'money'>, 'format' | 'selection' | 'read'> {
  return {
    format: 'money',
    selection: `${field} ${BAG}`,
    read: (node) => money(at(node, field, 'presentmentMoney')),
  };
}
function address(field: string): Pick<FieldDefinition<'address'>, 'format' | 'selection' | 'read'> {
  return {
    format: 'address',
    selection: `${field} { formatted(withName: true) }`,
    read: (node) => strings(at(node, field, 'formatted')),
  };
}

export const fieldCatalogue = {
  'order.name': {
    entity: 'order',
    group: 'Order',
    label: 'Order number',
    description: 'The order number the shopper sees, such as #1042.',
    selection: 'name',
    ...scalar('text', 'name'),
  },
  'order.createdAt': {
    entity: 'order',
    group: 'Order',
    label: 'Order date',
    description: 'When the order was placed.',
    selection: 'createdAt',
    ...scalar('date', 'createdAt'),
  },
  'order.processedAt': {
    entity: 'order',
    group: 'Order',
    label: 'Processed at',
    description: 'When the order was processed (differs from the order date for imported orders).',
    selection: 'processedAt',
    ...scalar('date', 'processedAt'),
  },
  'order.displayFinancialStatus': {
    entity: 'order',
    group: 'Status',
    label: 'Payment status',
    description: 'Paid, pending, refunded, partially refunded, voided and so on.',
    selection: 'displayFinancialStatus',
    ...scalar('status', 'displayFinancialStatus'),
  },
  'order.displayFulfillmentStatus': {
    entity: 'order',
    group: 'Status',
    label: 'Fulfillment status',
    description: 'Unfulfilled, partially fulfilled, fulfilled, on hold and so on.',
    selection: 'displayFulfillmentStatus',
    ...scalar('status', 'displayFulfillmentStatus'),
  },
  'order.cancelledAt': {
    entity: 'order',
    group: 'Status',
    label: 'Cancelled at',
    description: 'When the order was cancelled; empty when it was not.',
    selection: 'cancelledAt',
    ...scalar('date', 'cancelledAt'),
  },
  'order.totalPrice': {
    entity: 'order',
    group: 'Amounts',
    label: 'Total',
    description: 'The order total in the currency the shopper paid in.',
    ...moneyBag('totalPriceSet'),
  },
  'order.currentTotalPrice': {
    entity: 'order',
    group: 'Amounts',
    label: 'Current total',
    description: 'The total after refunds, returns and edits.',
    ...moneyBag('currentTotalPriceSet'),
  },
  'order.subtotalPrice': {
    entity: 'order',
    group: 'Amounts',
    label: 'Subtotal',
    description: 'The total of the line items before shipping and taxes.',
    ...moneyBag('subtotalPriceSet'),
  },
  'order.totalShippingPrice': {
    entity: 'order',
    group: 'Amounts',
    label: 'Shipping',
    description: 'What the shopper paid for shipping.',
    ...moneyBag('totalShippingPriceSet'),
  },
  'order.totalRefunded': {
    entity: 'order',
    group: 'Amounts',
    label: 'Refunded',
    description: 'The amount refunded so far.',
    ...moneyBag('totalRefundedSet'),
  },
  'order.lineItems': {
    entity: 'order',
    group: 'Items and delivery',
    label: 'Line items',
    description: 'Each product with its image, variant, quantity and price.',
    format: 'lineItems',
    detailsOnly: true,
    selection: `lineItems(first: 20) { nodes { title variantTitle quantity sku image { url altText } originalUnitPriceSet ${BAG} } }`,
    read: (node) =>
      nodes(node.lineItems).flatMap((item) => {
        const unitPrice = money(at(item, 'originalUnitPriceSet', 'presentmentMoney'));
        const title = str(item.title);
        if (!unitPrice || !title) return [];
        return [
          {
            title,
            variantTitle: str(item.variantTitle),
            quantity: typeof item.quantity === 'number' ? item.quantity : 0,
            sku: str(item.sku),
            imageUrl: str(at(item, 'image', 'url')),
            imageAlt: str(at(item, 'image', 'altText')),
            unitPrice,
          },
        ];
      }),
  },
  'order.tracking': {
    entity: 'order',
    group: 'Items and delivery',
    label: 'Tracking',
    description: 'Carrier, tracking number and tracking link of each shipment.',
    format: 'tracking',
    detailsOnly: true,
    selection: 'fulfillments(first: 10) { trackingInfo(first: 5) { company number url } }',
    read: (node) =>
      nodes(node.fulfillments).flatMap((fulfillment) =>
        nodes(fulfillment.trackingInfo).map((info) => ({
          company: str(info.company),
          number: str(info.number),
          url: str(info.url),
        })),
      ),
  },
  'order.shippingAddress': {
    entity: 'order',
    group: 'Items and delivery',
    label: 'Shipping address',
    description: 'Where the order is going.',
    ...address('shippingAddress'),
  },
  'order.billingAddress': {
    entity: 'order',
    group: 'Items and delivery',
    label: 'Billing address',
    description: 'The billing address given at checkout.',
    ...address('billingAddress'),
  },
  'order.tags': {
    entity: 'order',
    group: 'Notes and tags',
    label: 'Order tags',
    description: 'Tags the store added to the order.',
    format: 'tags',
    selection: 'tags',
    read: (node) => strings(node.tags),
  },
  'order.note': {
    entity: 'order',
    group: 'Notes and tags',
    label: 'Order note',
    description: 'The note on the order, from the shopper or the staff.',
    selection: 'note',
    ...scalar('text', 'note'),
  },
  'customer.displayName': {
    entity: 'customer',
    group: 'Contact',
    label: 'Name',
    description: "The customer's full name.",
    selection: 'displayName',
    ...scalar('text', 'displayName'),
  },
  'customer.email': {
    entity: 'customer',
    group: 'Contact',
    label: 'Email',
    description: "The customer's default email address.",
    selection: 'defaultEmailAddress { emailAddress }',
    ...scalar('email', 'defaultEmailAddress', 'emailAddress'),
  },
  'customer.phone': {
    entity: 'customer',
    group: 'Contact',
    label: 'Phone',
    description: "The customer's default phone number.",
    selection: 'defaultPhoneNumber { phoneNumber }',
    ...scalar('phone', 'defaultPhoneNumber', 'phoneNumber'),
  },
  'customer.defaultAddress': {
    entity: 'customer',
    group: 'Contact',
    label: 'Default address',
    description: "The customer's default address.",
    ...address('defaultAddress'),
  },
  'customer.numberOfOrders': {
    entity: 'customer',
    group: 'History',
    label: 'Orders count',
    description: 'How many orders the customer has placed.',
    format: 'number',
    selection: 'numberOfOrders',
    read: (node) => {
      const count = Number(node.numberOfOrders);
      return Number.isFinite(count) && node.numberOfOrders !== null ? count : null;
    },
  },
  'customer.amountSpent': {
    entity: 'customer',
    group: 'History',
    label: 'Amount spent',
    description: 'What the customer has spent in the store over all orders.',
    format: 'money',
    selection: `amountSpent ${MONEY}`,
    read: (node) => money(node.amountSpent),
  },
  'customer.createdAt': {
    entity: 'customer',
    group: 'History',
    label: 'Customer since',
    description: 'When the customer record was created.',
    selection: 'createdAt',
    ...scalar('date', 'createdAt'),
  },
  'customer.state': {
    entity: 'customer',
    group: 'Account',
    label: 'Account state',
    description: 'Whether the customer has an account: enabled, invited, disabled or declined.',
    selection: 'state',
    ...scalar('status', 'state'),
  },
  'customer.tags': {
    entity: 'customer',
    group: 'Account',
    label: 'Customer tags',
    description: 'Tags the store added to the customer.',
    format: 'tags',
    selection: 'tags',
    read: (node) => strings(node.tags),
  },
  'customer.note': {
    entity: 'customer',
    group: 'Account',
    label: 'Customer note',
    description: 'The note the staff keep on the customer.',
    selection: 'note',
    ...scalar('text', 'note'),
  },
} as const satisfies Record<string, FieldDefinition>;

export type FieldKey = keyof typeof fieldCatalogue;
export const fieldKeys = Object.keys(fieldCatalogue) as FieldKey[];

export function isFieldKey(key: string): key is FieldKey {
  return Object.hasOwn(fieldCatalogue, key);
}

export function fieldDefinition(key: FieldKey): FieldDefinition {
  return fieldCatalogue[key] as FieldDefinition;
}

export function fieldsOf(entity: FieldEntity): FieldKey[] {
  return fieldKeys.filter((key) => fieldCatalogue[key].entity === entity);
}

/** The order fields an order card may show: all but the costly lists, which stay in the details. */
export function orderCardFields(): FieldKey[] {
  return fieldsOf('order').filter((key) => !fieldDefinition(key).detailsOnly);
}
