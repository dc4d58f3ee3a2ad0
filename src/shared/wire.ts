import * as z from 'zod/mini';
import { isFieldKey, type FieldKey, type FieldValue } from './fields';
import { fieldMappingSchema } from './mapping';

/** The card's wire: what the browser sends to `POST /api/card` and what it gets back. */

const MAX_IDENTIFIER = 320;

export const cardLookupSchema = z
  .object({
    email: z.optional(z.string().check(z.trim(), z.maxLength(MAX_IDENTIFIER))),
    phone: z.optional(z.string().check(z.trim(), z.maxLength(64))),
    customerId: z.optional(z.string().check(z.regex(/^gid:\/\/shopify\/Customer\/\d+$/))),
  })
  .check(
    z.refine((body) => Boolean(body.email || body.phone || body.customerId), {
      message: 'Give an email, a phone number or a customer id',
    }),
  );
export type CardLookup = z.infer<typeof cardLookupSchema>;

const moneySchema = z.object({ amount: z.string(), currencyCode: z.string() });
const fieldValueSchema = z.union([
  z.string(),
  z.number(),
  moneySchema,
  z.array(z.string()),
  z.array(
    z.object({
      title: z.string(),
      variantTitle: z.nullable(z.string()),
      quantity: z.number(),
      sku: z.nullable(z.string()),
      imageUrl: z.nullable(z.string()),
      imageAlt: z.nullable(z.string()),
      unitPrice: moneySchema,
    }),
  ),
  z.array(z.object({ company: z.nullable(z.string()), number: z.nullable(z.string()), url: z.nullable(z.string()) })),
]) as unknown as z.ZodMiniType<FieldValue>;

const fieldValuesSchema = z.record(
  z.string().check(z.refine(isFieldKey)) as unknown as z.ZodMiniType<FieldKey>,
  z.nullable(fieldValueSchema),
) as unknown as z.ZodMiniType<Partial<Record<FieldKey, FieldValue | null>>>;

export const orderSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  fields: fieldValuesSchema,
});
export type OrderSummary = z.infer<typeof orderSummarySchema>;

export const orderPageSchema = z.object({
  nodes: z.array(orderSummarySchema),
  pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.nullable(z.string()) }),
});
export type OrderPage = z.infer<typeof orderPageSchema>;

const identifierSchema = z.object({ kind: z.enum(['email', 'phone', 'customerId']), value: z.string() });
export type MatchedIdentifier = z.infer<typeof identifierSchema>;

const candidateSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  email: z.nullable(z.string()),
  phone: z.nullable(z.string()),
  numberOfOrders: z.number(),
});
export type CustomerCandidate = z.infer<typeof candidateSchema>;

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
    fetchedAt: z.string(),
  }),
]);
export type CardResponse = z.infer<typeof cardResponseSchema>;
export type MatchedCard = Extract<CardResponse, { state: 'matched' }>;
