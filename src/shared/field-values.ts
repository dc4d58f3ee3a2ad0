import * as z from 'zod/mini';

/**
 * What each format's value looks like on the wire. A format exists by having its schema here: the
 * catalogue, the card's formatters and the BFF's readers are typed from this map, so a format
 * without a schema does not compile.
 */
const moneySchema = z.object({ amount: z.string(), currencyCode: z.string() });
const lineItemSchema = z.object({
  title: z.string(),
  variantTitle: z.nullable(z.string()),
  quantity: z.number(),
  sku: z.nullable(z.string()),
  imageUrl: z.nullable(z.string()),
  imageAlt: z.nullable(z.string()),
  unitPrice: moneySchema,
});
const trackingSchema = z.object({ company: z.nullable(z.string()), number: z.nullable(z.string()), url: z.nullable(z.string()) });
/** One fulfillment: where it is (Shopify's display status), when it should or did arrive, what it holds, how to track it. */
const shipmentSchema = z.object({
  status: z.nullable(z.string()),
  estimatedDeliveryAt: z.nullable(z.string()),
  deliveredAt: z.nullable(z.string()),
  /** "2 × Linen shirt". */
  items: z.array(z.string()),
  tracking: z.array(trackingSchema),
});
/** One payment transaction: a sale, an authorization, a capture, a refund or a void, and how it went. */
const transactionSchema = z.object({
  kind: z.string(),
  status: z.string(),
  gateway: z.nullable(z.string()),
  amount: z.nullable(moneySchema),
  at: z.nullable(z.string()),
});
const refundSchema = z.object({ amount: z.nullable(moneySchema), at: z.nullable(z.string()), note: z.nullable(z.string()) });
const cancellationSchema = z.object({ at: z.string(), reason: z.nullable(z.string()), note: z.nullable(z.string()) });

export const formatSchemas = {
  text: z.string(),
  email: z.string(),
  phone: z.string(),
  number: z.number(),
  money: moneySchema,
  date: z.string(),
  status: z.string(),
  address: z.array(z.string()),
  tags: z.array(z.string()),
  lineItems: z.array(lineItemSchema),
  tracking: z.array(trackingSchema),
  shipments: z.array(shipmentSchema),
  transactions: z.array(transactionSchema),
  refunds: z.array(refundSchema),
  cancellation: cancellationSchema,
};

export type FieldFormat = keyof typeof formatSchemas;
/** The value each format carries on the wire. */
export type FormatValue = { [F in FieldFormat]: z.infer<(typeof formatSchemas)[F]> };
export type FieldValue = FormatValue[FieldFormat];
export type Money = z.infer<typeof moneySchema>;
export type LineItem = z.infer<typeof lineItemSchema>;
export type TrackingInfo = z.infer<typeof trackingSchema>;
export type Shipment = z.infer<typeof shipmentSchema>;
export type PaymentTransaction = z.infer<typeof transactionSchema>;
export type Refund = z.infer<typeof refundSchema>;
export type Cancellation = z.infer<typeof cancellationSchema>;

/** Any format's value: the wire does not say which format a value has (the catalogue does). */
export const fieldValueSchema = z.union(Object.values(formatSchemas));
