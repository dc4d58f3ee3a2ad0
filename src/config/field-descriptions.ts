import type { FieldKey } from '../shared/fields';

/**
 * How the configuration page presents each field of the catalogue: the group it is listed under and
 * what it means. Only the admin's page needs these; the card shows labels alone. A field without its
 * entry here does not compile.
 */
export const fieldDescriptions: { [K in FieldKey]: { group: string; description: string } } = {
  'order.name': { group: 'Order', description: 'The order number the shopper sees, such as #1042.' },
  'order.createdAt': { group: 'Order', description: 'When the order was placed.' },
  'order.processedAt': { group: 'Order', description: 'When the order was processed (differs from the order date for imported orders).' },
  'order.displayFinancialStatus': { group: 'Status', description: 'Paid, pending, refunded, partially refunded, voided and so on.' },
  'order.displayFulfillmentStatus': { group: 'Status', description: 'Unfulfilled, partially fulfilled, fulfilled, on hold and so on.' },
  'order.cancelledAt': { group: 'Status', description: 'When the order was cancelled; empty when it was not.' },
  'order.cancellation': { group: 'Status', description: 'For a cancelled order: when, why, and the staff note; nothing otherwise.' },
  'order.totalPrice': { group: 'Amounts', description: 'The order total in the currency the shopper paid in.' },
  'order.currentTotalPrice': { group: 'Amounts', description: 'The total after refunds, returns and edits.' },
  'order.subtotalPrice': { group: 'Amounts', description: 'The total of the line items before shipping and taxes.' },
  'order.totalShippingPrice': { group: 'Amounts', description: 'What the shopper paid for shipping.' },
  'order.totalRefunded': { group: 'Amounts', description: 'The amount refunded so far.' },
  'order.transactions': {
    group: 'Amounts',
    description: 'Each payment: kind, gateway, status, amount and when; says when the order was charged more than once.',
  },
  'order.refunds': { group: 'Amounts', description: 'Each refund: amount, when, and its note.' },
  'order.lineItems': { group: 'Items and delivery', description: 'Each product with its image, variant, quantity and price.' },
  'order.tracking': { group: 'Items and delivery', description: 'Carrier, tracking number and tracking link of each shipment.' },
  'order.shipments': {
    group: 'Items and delivery',
    description: 'Each shipment: in transit, out for delivery, delivered…, its expected and delivery dates, its items and tracking.',
  },
  'order.shippingAddress': { group: 'Items and delivery', description: 'Where the order is going.' },
  'order.billingAddress': { group: 'Items and delivery', description: 'The billing address given at checkout.' },
  'order.tags': { group: 'Notes and tags', description: 'Tags the store added to the order.' },
  'order.note': { group: 'Notes and tags', description: 'The note on the order, from the shopper or the staff.' },
  'customer.displayName': { group: 'Contact', description: "The customer's full name." },
  'customer.email': { group: 'Contact', description: "The customer's default email address." },
  'customer.phone': { group: 'Contact', description: "The customer's default phone number." },
  'customer.defaultAddress': { group: 'Contact', description: "The customer's default address." },
  'customer.numberOfOrders': { group: 'History', description: 'How many orders the customer has placed.' },
  'customer.amountSpent': { group: 'History', description: 'What the customer has spent in the store over all orders.' },
  'customer.createdAt': { group: 'History', description: 'When the customer record was created.' },
  'customer.state': { group: 'Account', description: 'Whether the customer has an account: enabled, invited, disabled or declined.' },
  'customer.tags': { group: 'Account', description: 'Tags the store added to the customer.' },
  'customer.note': { group: 'Account', description: 'The note the staff keep on the customer.' },
};
