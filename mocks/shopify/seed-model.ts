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
  lineItems: { lineItemId: number; quantity: number }[];
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
};
