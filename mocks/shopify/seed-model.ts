import type { CountryCode } from './geography';
import type { CurrencyCode } from './money';

/**
 * The sandbox store's records, in Shopify's words but not yet in GraphQL's shape: the resolvers
 * turn them into schema objects. Times are epoch milliseconds, money is in minor units of the
 * order's presentment currency.
 */

export type CustomerState = 'ENABLED' | 'DISABLED' | 'INVITED' | 'DECLINED';
export type EmailMarketingState = 'SUBSCRIBED' | 'NOT_SUBSCRIBED' | 'UNSUBSCRIBED' | 'PENDING';
export type SmsMarketingState = 'SUBSCRIBED' | 'NOT_SUBSCRIBED' | 'UNSUBSCRIBED' | 'PENDING';

export type FinancialStatus =
  'PENDING' | 'AUTHORIZED' | 'PARTIALLY_PAID' | 'PARTIALLY_REFUNDED' | 'VOIDED' | 'PAID' | 'REFUNDED' | 'EXPIRED';
export type FulfillmentDisplayStatus =
  | 'UNFULFILLED'
  | 'PARTIALLY_FULFILLED'
  | 'FULFILLED'
  | 'RESTOCKED'
  | 'PENDING_FULFILLMENT'
  | 'OPEN'
  | 'IN_PROGRESS'
  | 'ON_HOLD'
  | 'SCHEDULED'
  | 'REQUEST_DECLINED';
export type CancelReason = 'CUSTOMER' | 'DECLINED' | 'FRAUD' | 'INVENTORY' | 'STAFF' | 'OTHER';

export type AddressRecord = {
  id: number;
  /** Shopify's address GIDs carry the model: `?model_name=CustomerAddress` or `Address` (orders). */
  modelName: 'CustomerAddress' | 'Address';
  firstName: string | null;
  lastName: string | null;
  company: string | null;
  address1: string;
  address2: string | null;
  city: string;
  province: string | null;
  provinceCode: string | null;
  zip: string | null;
  countryCode: CountryCode;
  phone: string | null;
};

export type CustomerRecord = {
  id: number;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  emailMarketingState: EmailMarketingState;
  phone: string | null;
  smsMarketingState: SmsMarketingState;
  state: CustomerState;
  tags: string[];
  note: string | null;
  verifiedEmail: boolean;
  locale: string;
  createdAt: number;
  updatedAt: number;
  addresses: AddressRecord[];
  defaultAddress: AddressRecord | null;
  presentmentCurrency: CurrencyCode;
  /** Every order of the customer, oldest first, visible or not. */
  orderIds: number[];
};

export type LineItemRecord = {
  id: number;
  productHandle: string;
  title: string;
  variantTitle: string | null;
  sku: string | null;
  quantity: number;
  /** The quantity after removals and refunds. */
  currentQuantity: number;
  unitPrice: number;
  requiresShipping: boolean;
};

export type TrackingRecord = { company: string | null; number: string | null; url: string | null };

export type FulfillmentRecord = {
  id: number;
  status: 'SUCCESS' | 'CANCELLED';
  displayStatus: 'DELIVERED' | 'IN_TRANSIT' | 'OUT_FOR_DELIVERY' | 'LABEL_PRINTED' | 'CONFIRMED' | 'ATTEMPTED_DELIVERY';
  createdAt: number;
  updatedAt: number;
  inTransitAt: number | null;
  deliveredAt: number | null;
  estimatedDeliveryAt: number | null;
  tracking: TrackingRecord[];
  lineItems: FulfillmentLineItemRecord[];
};

export type FulfillmentLineItemRecord = { id: number; lineItemId: number; quantity: number };

export type TransactionKind = 'SALE' | 'CAPTURE' | 'AUTHORIZATION' | 'VOID' | 'REFUND';
export type TransactionStatus = 'SUCCESS' | 'FAILURE' | 'PENDING' | 'ERROR';

/** A payment, capture, refund or void on an order; `amount` in the order's presentment currency. */
export type TransactionRecord = {
  id: number;
  kind: TransactionKind;
  status: TransactionStatus;
  /** `shopify_payments`, `manual`, `bank_deposit`, `paypal`… */
  gateway: string;
  amount: number;
  createdAt: number;
  parentId: number | null;
  errorCode: 'CARD_DECLINED' | 'INSUFFICIENT_FUNDS' | null;
  authorizationExpiresAt: number | null;
  /** The masked card, e.g. `•••• •••• •••• 4242`, or null for other methods. */
  accountNumber: string | null;
};

export type RestockType = 'RETURN' | 'CANCEL' | 'LEGACY_RESTOCK' | 'NO_RESTOCK';

export type RefundLineItemRecord = {
  id: number;
  lineItemId: number;
  quantity: number;
  restockType: RestockType;
  restocked: boolean;
  /** The unit price, and the line's subtotal and tax, for the refunded quantity. */
  unitPrice: number;
  subtotal: number;
  tax: number;
};

export type RefundRecord = {
  id: number;
  createdAt: number;
  note: string | null;
  lineItems: RefundLineItemRecord[];
  /** Shipping refunded (tax included where the order's prices include it). */
  shipping: number;
  /** The money that went back: REFUND transactions recorded with this refund. */
  transactionIds: number[];
};

export type DisputeRecord = {
  id: number;
  initiatedAs: 'CHARGEBACK' | 'INQUIRY';
  status: 'NEEDS_RESPONSE' | 'UNDER_REVIEW' | 'ACCEPTED' | 'WON' | 'LOST';
};

export type OrderRecord = {
  id: number;
  number: number;
  name: string;
  customerId: number | null;
  email: string | null;
  phone: string | null;
  createdAt: number;
  processedAt: number;
  updatedAt: number;
  cancelledAt: number | null;
  cancelReason: CancelReason | null;
  closedAt: number | null;
  confirmed: boolean;
  financialStatus: FinancialStatus;
  fulfillmentStatus: FulfillmentDisplayStatus;
  currency: CurrencyCode;
  subtotal: number;
  shipping: number;
  tax: number;
  taxesIncluded: boolean;
  total: number;
  refunded: number;
  currentTotal: number;
  /** What the shopper has paid so far (before refunds): drives `Customer.amountSpent`. */
  received: number;
  note: string | null;
  tags: string[];
  shippingAddress: AddressRecord | null;
  billingAddress: AddressRecord | null;
  lineItems: LineItemRecord[];
  fulfillments: FulfillmentRecord[];
  statusPageUrl: string;
  transactions: TransactionRecord[];
  refunds: RefundRecord[];
  disputes: DisputeRecord[];
  /** The staff note given when the order was cancelled. */
  cancellationNote: string | null;
};

/** A checkout that reached contact information but no order; `completedAt` once recovered. */
export type AbandonedCheckoutRecord = {
  id: number;
  customerId: number | null;
  email: string | null;
  phone: string | null;
  createdAt: number;
  updatedAt: number;
  completedAt: number | null;
  currency: CurrencyCode;
  taxesIncluded: boolean;
  lineItems: CheckoutLineItemRecord[];
  subtotal: number;
  shipping: number;
  tax: number;
  total: number;
  shippingAddress: AddressRecord | null;
  billingAddress: AddressRecord | null;
  note: string;
  discountCodes: string[];
  /** Shopify's recovery email: `sent`, `not_sent`, `scheduled` or `suppressed`. */
  emailState: 'sent' | 'not_sent' | 'scheduled' | 'suppressed';
  recoveryUrl: string;
};

export type CheckoutLineItemRecord = Omit<LineItemRecord, 'currentQuantity'>;

export type DraftOrderRecord = {
  id: number;
  number: number;
  createdAt: number;
  updatedAt: number;
  customerId: number | null;
  email: string | null;
  phone: string | null;
  currency: CurrencyCode;
  taxesIncluded: boolean;
  lineItems: CheckoutLineItemRecord[];
  subtotal: number;
  shipping: number;
  tax: number;
  total: number;
  shippingAddress: AddressRecord | null;
  billingAddress: AddressRecord | null;
  note: string | null;
  tags: string[];
  invoiceUrl: string;
  /** The order it was made from. */
  sourceOrderId: number | null;
};

export type ShopRecord = {
  id: number;
  name: string;
  email: string;
  myshopifyDomain: string;
  primaryDomainHost: string;
  currencyCode: CurrencyCode;
  ianaTimezone: string;
  planDisplayName: string;
};

export type SandboxSeed = {
  now: Date;
  shop: ShopRecord;
  customers: CustomerRecord[];
  orders: OrderRecord[];
  abandonedCheckouts: AbandonedCheckoutRecord[];
  draftOrders: DraftOrderRecord[];
};
