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

export const configOverviewSchema = z.object({
  credentials: z.array(credentialViewSchema),
  activation: z.nullable(z.object({ credentialId: z.nullable(z.string()), changedBy: z.string(), changedAt: z.string() })),
  mapping: z.nullable(savedMappingSchema),
});
export type ConfigOverview = z.infer<typeof configOverviewSchema>;
