import * as z from 'zod/mini';
import { fieldMappingSchema } from './mapping';

/** The configuration's wire: what `GET /api/config` answers to admins. Secrets appear only as hints. */
export const credentialViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['client_credentials', 'access_token']),
  shopDomain: z.string(),
  clientId: z.nullable(z.string()),
  secretHint: z.string(),
  source: z.enum(['ui', 'env', 'sandbox']),
  status: z.enum(['unverified', 'verified', 'invalid']),
  verifiedAt: z.nullable(z.string()),
  /** The scopes Shopify granted at the last verification; null until verified (or since the secret changed). */
  grantedScopes: z.nullable(z.array(z.string())),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CredentialView = z.infer<typeof credentialViewSchema>;

export const savedMappingSchema = z.object({
  version: z.number(),
  mapping: fieldMappingSchema,
  savedBy: z.string(),
  savedAt: z.string(),
});
export type SavedMappingView = z.infer<typeof savedMappingSchema>;

/**
 * Field changes an admin has not saved yet, kept for that admin alone: each list's rows (a row not
 * yet given a field is null) and the mapping version they were edited from.
 */
const draftRowsSchema = z.array(z.nullable(z.string().check(z.maxLength(100)))).check(z.maxLength(50));
export const mappingDraftSchema = z.object({
  version: z.number().check(z.int(), z.gte(0)),
  lists: z.object({ orderCard: draftRowsSchema, orderDetails: draftRowsSchema, customerDetails: draftRowsSchema }),
});
export type MappingDraftInput = z.infer<typeof mappingDraftSchema>;
export const storedDraftSchema = z.object({ ...mappingDraftSchema.shape, changedAt: z.string() });
export type StoredDraftView = z.infer<typeof storedDraftSchema>;

export const configOverviewSchema = z.object({
  credentials: z.array(credentialViewSchema),
  activation: z.nullable(z.object({ credentialId: z.nullable(z.string()), changedBy: z.string(), changedAt: z.string() })),
  mapping: z.nullable(savedMappingSchema),
  /** The asking admin's own unsaved field changes, if any. */
  draft: z.nullable(storedDraftSchema),
});
export type ConfigOverview = z.infer<typeof configOverviewSchema>;

const text = (max: number) => z.string().check(z.trim(), z.minLength(1, 'Required'), z.maxLength(max));

/** The scopes the card's Shopify app needs (the reference set-up); Verify names any that are missing. */
export const requiredScopes = [
  'read_customers',
  'write_customers',
  'read_draft_orders',
  'write_draft_orders',
  'read_orders',
  'write_orders',
  'read_products',
  'write_products',
] as const;

/**
 * A credential as an admin types it. `shop` accepts `acme`, `acme.myshopify.com` or
 * `https://acme.myshopify.com/`; the server normalises it and refuses anything else.
 */
export const credentialInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('client_credentials'), name: text(100), shop: text(200), clientId: text(200), clientSecret: text(500) }),
  z.object({ kind: z.literal('access_token'), name: text(100), shop: text(200), apiKey: text(200), accessToken: text(500) }),
]);
export type CredentialInput = z.infer<typeof credentialInputSchema>;

/** Rename a credential or replace its secret without retyping the rest. */
export const credentialPatchSchema = z.object({ name: z.optional(text(100)), secret: z.optional(text(500)) });
export type CredentialPatch = z.infer<typeof credentialPatchSchema>;

export const verifyResultSchema = z.object({
  shopName: z.string(),
  shopDomain: z.string(),
  grantedScopes: z.array(z.string()),
  missingScopes: z.array(z.string()),
  /** False without `read_all_orders`: only the last 60 days of orders are visible. */
  allOrdersVisible: z.boolean(),
});
export type VerifyResult = z.infer<typeof verifyResultSchema>;

export const activationInputSchema = z.object({ credentialId: z.nullable(z.string()) });
export type ActivationInput = z.infer<typeof activationInputSchema>;

/** `version` is the mapping version the admin edited (0 when none was saved): a stale one is a conflict. */
export const mappingSaveSchema = z.object({ version: z.number().check(z.int(), z.gte(0)), mapping: fieldMappingSchema });
export type MappingSave = z.infer<typeof mappingSaveSchema>;
