import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { problemStatus, type ProblemCode } from '../../shared/problem';
import type { Problem } from '../../shared/problem-document';

const titles: Record<ProblemCode, string> = {
  BAD_REQUEST: 'The request is not valid',
  UNAUTHENTICATED: 'Sign-in required',
  TOKEN_EXPIRED: 'The session has expired',
  FORBIDDEN: 'Not allowed for this role',
  NOT_FOUND: 'Not found',
  METHOD_NOT_ALLOWED: 'Method not allowed',
  PAYLOAD_TOO_LARGE: 'The request body is too large',
  RATE_LIMITED: 'Too many requests',
  CONFIG_CONFLICT: 'Someone else saved first',
  CREDENTIAL_IN_USE: 'The credential is in use',
  CREDENTIALS_INVALID: 'Shopify rejected the credentials',
  CREDENTIAL_UNREADABLE: 'The stored credential cannot be read',
  SHOP_NOT_FOUND: 'Shopify does not know this shop',
  SHOP_NOT_PERMITTED: 'The app is not allowed on this shop',
  SHOPIFY_PAYMENT_REQUIRED: 'The shop is frozen',
  SHOPIFY_SCOPE_MISSING: 'The app lacks a Shopify permission',
  SHOPIFY_LOCKED: 'The shop is locked',
  SHOPIFY_UNREACHABLE: 'Shopify could not be reached',
  SHOPIFY_THROTTLED: 'Shopify is busy',
  SHOPIFY_ERROR: 'Shopify answered with an error',
  STORAGE_UNAVAILABLE: 'The database is not answering',
  INTERNAL: 'Something went wrong on our side',
  ACTION_DISABLED: 'This action is switched off for agents',
  ACTION_LIMIT: 'Over the refund limit for agents',
  ACTION_NOT_ALLOWED_FOR_ORDER: 'Not possible for this order',
  ACTION_IN_PROGRESS: 'The same action is still under way',
  IDEMPOTENCY_KEY_REUSED: 'This idempotency key was used for another request',
  SHOPIFY_USER_ERROR: 'Shopify refused the action',
};

/** What a problem says beyond its code about asking again. */
export type RetryAdvice = {
  /** Sent as `Retry-After`: the seconds a client should wait before asking again. */
  retryAfterSeconds?: number;
  /** The BFF already retried (or knew a retry could not help): a client must not retry on its own. */
  retried?: boolean;
};

/**
 * Codes that always tell the client when to ask again: Shopify's own wait when it gave one, else these.
 * A busy shop is asked again within seconds; one that did not answer, a little later.
 */
const defaultRetryAfterSeconds: Partial<Record<ProblemCode, number>> = {
  SHOPIFY_THROTTLED: 2,
  SHOPIFY_UNREACHABLE: 5,
  STORAGE_UNAVAILABLE: 5,
};

/** An error with a stable code; the one error handler turns it into an RFC 9457 problem document. */
export class AppError extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly detail?: string,
    readonly errors?: { path: string; message: string }[],
    readonly advice: RetryAdvice = {},
  ) {
    super(detail ?? titles[code]);
    this.name = 'AppError';
  }

  /** The same error with more advice: errors are shared values, never changed in place. */
  with(advice: RetryAdvice): AppError {
    return new AppError(this.code, this.detail, this.errors, { ...this.advice, ...advice });
  }

  get retryAfterSeconds(): number | undefined {
    return this.advice.retryAfterSeconds ?? defaultRetryAfterSeconds[this.code];
  }

  get status(): ContentfulStatusCode {
    return problemStatus[this.code];
  }
}

export function problemOf(error: AppError): Problem {
  return {
    type: `urn:problem:context-card:${error.code.toLowerCase().replaceAll('_', '-')}`,
    title: titles[error.code],
    status: error.status,
    code: error.code,
    ...(error.detail ? { detail: error.detail } : {}),
    ...(error.errors ? { errors: error.errors } : {}),
    ...(error.advice.retried ? { retried: true } : {}),
  };
}

export function problemResponse(c: Context, error: AppError): Response {
  const retryAfter = error.retryAfterSeconds;
  return c.body(JSON.stringify(problemOf(error)), error.status, {
    'Content-Type': 'application/problem+json',
    'Cache-Control': 'no-store',
    ...(retryAfter === undefined ? {} : { 'Retry-After': String(Math.max(1, Math.ceil(retryAfter))) }),
  });
}
