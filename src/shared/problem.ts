import * as z from 'zod/mini';

/** Stable error codes: mapped once to HTTP problems on the server and to states in the browser. */
export const problemCodes = [
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'TOKEN_EXPIRED',
  'FORBIDDEN',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'PAYLOAD_TOO_LARGE',
  'RATE_LIMITED',
  'CONFIG_CONFLICT',
  'CREDENTIAL_IN_USE',
  'CREDENTIALS_INVALID',
  'CREDENTIAL_UNREADABLE',
  'SHOP_NOT_FOUND',
  'SHOP_NOT_PERMITTED',
  'SHOPIFY_PAYMENT_REQUIRED',
  'SHOPIFY_SCOPE_MISSING',
  'SHOPIFY_LOCKED',
  'SHOPIFY_UNREACHABLE',
  'SHOPIFY_THROTTLED',
  'SHOPIFY_ERROR',
  'INTERNAL',
] as const;
export type ProblemCode = (typeof problemCodes)[number];

/** The HTTP status each code is sent with. */
export const problemStatus = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  TOKEN_EXPIRED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  CONFIG_CONFLICT: 409,
  CREDENTIAL_IN_USE: 409,
  CREDENTIALS_INVALID: 502,
  CREDENTIAL_UNREADABLE: 500,
  SHOP_NOT_FOUND: 502,
  SHOP_NOT_PERMITTED: 502,
  SHOPIFY_PAYMENT_REQUIRED: 502,
  SHOPIFY_SCOPE_MISSING: 502,
  SHOPIFY_LOCKED: 502,
  SHOPIFY_UNREACHABLE: 504,
  SHOPIFY_THROTTLED: 503,
  SHOPIFY_ERROR: 502,
  INTERNAL: 500,
} as const satisfies Record<ProblemCode, number>;

/** RFC 9457 problem document with our stable `code`. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  detail: z.optional(z.string()),
  code: z.enum(problemCodes),
  errors: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
  /** True when the BFF already retried (Shopify faults): a client must not retry on its own; a person may. */
  retried: z.optional(z.boolean()),
});
export type Problem = z.infer<typeof problemSchema>;
