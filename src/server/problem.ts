import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Problem, ProblemCode } from '../shared/problem';

const titles: Record<ProblemCode, { status: ContentfulStatusCode; title: string }> = {
  BAD_REQUEST: { status: 400, title: 'The request is not valid' },
  UNAUTHENTICATED: { status: 401, title: 'Sign-in required' },
  TOKEN_EXPIRED: { status: 401, title: 'The session has expired' },
  FORBIDDEN: { status: 403, title: 'Not allowed for this role' },
  NOT_FOUND: { status: 404, title: 'Not found' },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'The request body is too large' },
  CONFIG_CONFLICT: { status: 409, title: 'Someone else saved first' },
  CREDENTIALS_INVALID: { status: 502, title: 'Shopify rejected the stored credentials' },
  SHOPIFY_UNREACHABLE: { status: 504, title: 'Shopify could not be reached' },
  SHOPIFY_THROTTLED: { status: 503, title: 'Shopify is busy' },
  SHOPIFY_ERROR: { status: 502, title: 'Shopify answered with an error' },
  INTERNAL: { status: 500, title: 'Something went wrong on our side' },
};

/** An error with a stable code; the one error handler turns it into an RFC 9457 problem document. */
export class AppError extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly detail?: string,
    readonly errors?: { path: string; message: string }[],
  ) {
    super(detail ?? titles[code].title);
    this.name = 'AppError';
  }

  get status(): ContentfulStatusCode {
    return titles[this.code].status;
  }
}

export function problemOf(error: AppError): Problem {
  const { status, title } = titles[error.code];
  return {
    type: `https://context-card.dev/problems/${error.code.toLowerCase().replaceAll('_', '-')}`,
    title,
    status,
    code: error.code,
    ...(error.detail ? { detail: error.detail } : {}),
    ...(error.errors ? { errors: error.errors } : {}),
  };
}

export function problemResponse(c: Context, error: AppError): Response {
  return c.body(JSON.stringify(problemOf(error)), error.status, {
    'Content-Type': 'application/problem+json',
    'Cache-Control': 'no-store',
  });
}
