import type { FieldKey, FormatOf, FormatValue, Money } from '../../shared/fields';

/**
 * What the BFF asks Shopify for each field of the catalogue, and how it reads the answer into the
 * field's wire value. Typed from the catalogue: a field without an entry here, or a reader that
 * returns another format's value, does not compile.
 */
type Node = Record<string, unknown>;

export type ShopifyField<V> = {
  /** The GraphQL selection on the entity's type (Order or Customer) that this field needs. */
  selection: string;
  /** Turns the entity node Shopify returned into the wire value, or null when Shopify has none. */
  read: (node: Node) => V | null;
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

/** A string field at `path` (the selection's own name unless given). */
function scalar(selection: string, ...path: string[]): ShopifyField<string> {
  const where = path.length > 0 ? path : [selection];
  return { selection, read: (node) => str(at(node, ...where)) };
}
function moneyBag(field: string): ShopifyField<Money> {
  return { selection: `${field} ${BAG}`, read: (node) => money(at(node, field, 'presentmentMoney')) };
}
function address(field: string): ShopifyField<string[]> {
  return { selection: `${field} { formatted(withName: true) }`, read: (node) => strings(at(node, field, 'formatted')) };
}
function stringList(field: string): ShopifyField<string[]> {
  return { selection: field, read: (node) => strings(node[field]) };
}

export const shopifyFields: { [K in FieldKey]: ShopifyField<FormatValue[FormatOf<K>]> } = {
  'order.name': scalar('name'),
  'order.createdAt': scalar('createdAt'),
  'order.processedAt': scalar('processedAt'),
  'order.displayFinancialStatus': scalar('displayFinancialStatus'),
  'order.displayFulfillmentStatus': scalar('displayFulfillmentStatus'),
  'order.cancelledAt': scalar('cancelledAt'),
  'order.totalPrice': moneyBag('totalPriceSet'),
  'order.currentTotalPrice': moneyBag('currentTotalPriceSet'),
  'order.subtotalPrice': moneyBag('subtotalPriceSet'),
  'order.totalShippingPrice': moneyBag('totalShippingPriceSet'),
  'order.totalRefunded': moneyBag('totalRefundedSet'),
  'order.lineItems': {
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
    selection: 'fulfillments(first: 10) { trackingInfo(first: 5) { company number url } }',
    read: (node) =>
      nodes(node.fulfillments).flatMap((fulfillment) =>
        nodes(fulfillment.trackingInfo).map((info) => ({ company: str(info.company), number: str(info.number), url: str(info.url) })),
      ),
  },
  'order.shipments': {
    selection: `shipments: fulfillments(first: 5) { displayStatus estimatedDeliveryAt deliveredAt trackingInfo(first: 3) { company number url } fulfillmentLineItems(first: 10) { nodes { quantity lineItem { title } } } }`,
    read: (node) =>
      nodes(node.shipments).map((fulfillment) => ({
        status: str(fulfillment.displayStatus),
        estimatedDeliveryAt: str(fulfillment.estimatedDeliveryAt),
        deliveredAt: str(fulfillment.deliveredAt),
        items: nodes(fulfillment.fulfillmentLineItems).flatMap((entry) => {
          const title = str(at(entry, 'lineItem', 'title'));
          return title ? [`${typeof entry.quantity === 'number' ? entry.quantity : 1} × ${title}`] : [];
        }),
        tracking: nodes(fulfillment.trackingInfo).map((info) => ({
          company: str(info.company),
          number: str(info.number),
          url: str(info.url),
        })),
      })),
  },
  'order.transactions': {
    selection: `transactions(first: 20) { kind status gateway createdAt processedAt amountSet ${BAG} }`,
    read: (node) =>
      nodes(node.transactions).flatMap((transaction) => {
        const kind = str(transaction.kind);
        const status = str(transaction.status);
        if (!kind || !status) return [];
        return [
          {
            kind,
            status,
            gateway: str(transaction.gateway),
            amount: money(at(transaction, 'amountSet', 'presentmentMoney')),
            at: str(transaction.processedAt) ?? str(transaction.createdAt),
          },
        ];
      }),
  },
  'order.refunds': {
    selection: `refunds(first: 10) { createdAt note totalRefundedSet ${BAG} }`,
    read: (node) =>
      nodes(node.refunds).map((refund) => ({
        amount: money(at(refund, 'totalRefundedSet', 'presentmentMoney')),
        at: str(refund.createdAt),
        note: str(refund.note),
      })),
  },
  'order.cancellation': {
    selection: 'cancelledAt cancelReason cancellation { staffNote }',
    read: (node) => {
      const cancelledAt = str(node.cancelledAt);
      return cancelledAt ? { at: cancelledAt, reason: str(node.cancelReason), note: str(at(node, 'cancellation', 'staffNote')) } : null;
    },
  },
  'order.shippingAddress': address('shippingAddress'),
  'order.billingAddress': address('billingAddress'),
  'order.tags': stringList('tags'),
  'order.note': scalar('note'),
  'customer.displayName': scalar('displayName'),
  'customer.email': scalar('defaultEmailAddress { emailAddress }', 'defaultEmailAddress', 'emailAddress'),
  'customer.phone': scalar('defaultPhoneNumber { phoneNumber }', 'defaultPhoneNumber', 'phoneNumber'),
  'customer.defaultAddress': address('defaultAddress'),
  'customer.numberOfOrders': {
    selection: 'numberOfOrders',
    read: (node) => {
      const count = Number(node.numberOfOrders);
      return Number.isFinite(count) && node.numberOfOrders !== null ? count : null;
    },
  },
  'customer.amountSpent': { selection: `amountSpent ${MONEY}`, read: (node) => money(node.amountSpent) },
  'customer.createdAt': scalar('createdAt'),
  'customer.state': scalar('state'),
  'customer.tags': stringList('tags'),
  'customer.note': scalar('note'),
};
