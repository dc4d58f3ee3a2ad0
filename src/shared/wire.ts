import * as z from 'zod/mini';
import { fieldValueSchema } from './field-values';
import { fieldKeys } from './fields';
import { fieldMappingSchema } from './mapping';
import { orderFlags } from './order-flags';
import { compactName, compactOrderNumber, EMAIL_ADDRESS, identifierHelp, looksLikePhone, ORDER_NUMBER, PERSON_NAME } from './identifiers';

/** The card's wire: what the browser sends to `POST /api/card` and what it gets back. */

const MAX_IDENTIFIER = 320;

/** Each identifier is what it says it is (`identifiers.ts`): nothing else reaches Shopify. */
export const cardLookupSchema = z
  .object({
    email: z.optional(z.string().check(z.trim(), z.maxLength(MAX_IDENTIFIER), z.regex(EMAIL_ADDRESS, identifierHelp.email))),
    phone: z.optional(z.string().check(z.trim(), z.maxLength(64), z.refine(looksLikePhone, identifierHelp.phone))),
    customerId: z.optional(z.string().check(z.regex(/^gid:\/\/shopify\/Customer\/\d+$/))),
    /** What a caller reads out: `#1042`, `1042` or the store's own prefix. */
    orderNumber: z.optional(z.string().check(z.overwrite(compactOrderNumber), z.regex(ORDER_NUMBER, identifierHelp.orderNumber))),
    /** A name typed in the card's search: one customer opens, several are listed to pick from. */
    name: z.optional(z.string().check(z.overwrite(compactName), z.maxLength(100), z.regex(PERSON_NAME, identifierHelp.name))),
  })
  .check(
    z.refine((body) => Boolean(body.email || body.phone || body.customerId || body.orderNumber || body.name), {
      message: 'Give an email, a phone number, an order number, a name or a customer id',
    }),
  );
export type CardLookup = z.infer<typeof cardLookupSchema>;

/** The values of the fields the admin chose, by field key; null when Shopify has none. */
const fieldValuesSchema = z.partialRecord(z.enum(fieldKeys), z.nullable(fieldValueSchema));

export type { OrderFlag } from './order-flags';

export const orderSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  /** When the order was placed: the row's heading shows it whatever fields the admin chose. */
  createdAt: z.optional(z.string()),
  fields: fieldValuesSchema,
  flags: z.optional(z.array(z.enum(orderFlags))),
});
export type OrderSummary = z.infer<typeof orderSummarySchema>;

export const orderPageSchema = z.object({
  nodes: z.array(orderSummarySchema),
  pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.nullable(z.string()) }),
});
export type OrderPage = z.infer<typeof orderPageSchema>;

const identifierSchema = z.object({
  kind: z.enum(['email', 'phone', 'orderNumber', 'name', 'customerId']),
  /** As searched: the email, the E.164 phone, the order name, the name typed or the customer GID. */
  value: z.string(),
  /** For people: a phone grouped the international way (`+44 7700 900123`); otherwise the value. */
  display: z.optional(z.string()),
  /**
   * How it matched: a phone on the customer or on an address of theirs, or the People directory (every email
   * and phone synced from Shopify), which named the customer the card then opened by id.
   */
  via: z.optional(z.enum(['customer', 'address', 'people'])),
});
export type MatchedIdentifier = z.infer<typeof identifierSchema>;

const candidateSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  email: z.nullable(z.string()),
  phone: z.nullable(z.string()),
  numberOfOrders: z.number(),
});
export type CustomerCandidate = z.infer<typeof candidateSchema>;

const shopSchema = z.object({
  domain: z.string(),
  /** False without `read_all_orders`: Shopify then shows only the last 60 days of orders. */
  allOrdersVisible: z.boolean(),
});

const staleSchema = z.object({
  /** Why fresh data could not be had: the problem code of the failure, or `SHOPIFY_SLOW` while Shopify is late. */
  reason: z.string(),
  ageSeconds: z.number(),
  /** The BFF is still fetching the fresh answer: ask again to get it. */
  refreshing: z.optional(z.boolean()),
});

/** What "I couldn't finish my order" refers to: a checkout left without paying. */
export const abandonedCheckoutSchema = z.object({
  id: z.string(),
  abandonedAt: z.string(),
  total: z.nullable(z.object({ amount: z.string(), currencyCode: z.string() })),
  /** "2 × Linen shirt". */
  items: z.array(z.string()),
  /** Where the shopper can finish it (https only). */
  recoveryUrl: z.nullable(z.string()),
});
export type AbandonedCheckout = z.infer<typeof abandonedCheckoutSchema>;

export const missingSetupSchema = z.enum(['credential', 'mapping']);
export type MissingSetup = z.infer<typeof missingSetupSchema>;

export const cardResponseSchema = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('configuration_pending'),
    missing: z.array(missingSetupSchema),
    viewer: z.object({ role: z.enum(['agent', 'admin']) }),
  }),
  z.object({
    state: z.literal('not_found'),
    tried: z.array(identifierSchema),
  }),
  z.object({
    state: z.literal('multiple'),
    tried: z.array(identifierSchema),
    candidates: z.array(candidateSchema),
    /** More customers match than are listed (a common name): typing more of it narrows them. */
    more: z.optional(z.boolean()),
  }),
  z.object({
    state: z.literal('matched'),
    matchedBy: identifierSchema,
    customer: z.object({
      id: z.string(),
      displayName: z.string(),
      numberOfOrders: z.number(),
      fields: fieldValuesSchema,
    }),
    orders: orderPageSchema,
    mapping: fieldMappingSchema,
    shop: shopSchema,
    fetchedAt: z.string(),
    /** Set when Shopify could not be asked and this is the last good answer. */
    stale: z.optional(staleSchema),
    /** The shopper's latest abandoned checkout of the last 30 days, from People, when the sync keeps them. */
    abandonedCheckout: z.optional(abandonedCheckoutSchema),
    /** The order an order-number search named, wherever it stands in the history: the card opens it. */
    openOrder: z.optional(orderSummarySchema),
  }),
]);
export type CardResponse = z.infer<typeof cardResponseSchema>;
export type MatchedCard = Extract<CardResponse, { state: 'matched' }>;

/** `POST /api/card/orders`: the next page of a customer's orders, newest first, with the order-card fields. */
export const orderPageRequestSchema = z.object({
  customerId: z.string().check(z.regex(/^gid:\/\/shopify\/Customer\/\d+$/)),
  after: z.string().check(z.minLength(1), z.maxLength(512)),
});
export type OrderPageRequest = z.infer<typeof orderPageRequestSchema>;
export const orderPageResponseSchema = z.object({ orders: orderPageSchema, fetchedAt: z.string() });
export type OrderPageResponse = z.infer<typeof orderPageResponseSchema>;

/** `POST /api/card/order`: one order with the order-details fields. */
export const orderDetailsRequestSchema = z.object({
  orderId: z.string().check(z.regex(/^gid:\/\/shopify\/Order\/\d+$/)),
});
export type OrderDetailsRequest = z.infer<typeof orderDetailsRequestSchema>;
export const orderDetailsSchema = z.object({
  id: z.string(),
  name: z.string(),
  fields: fieldValuesSchema,
  /** The order in the Shopify admin, for the agent to open in a new tab. */
  adminUrl: z.string(),
  fetchedAt: z.string(),
  stale: z.optional(staleSchema),
});
export type OrderDetails = z.infer<typeof orderDetailsSchema>;
