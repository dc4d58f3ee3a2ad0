import type { ProblemCode } from '../shared/problem';

/**
 * Every failure the browser can meet talking to the BFF: the server's problem codes, plus the two
 * the browser finds on its own (no answer at all, or an answer that is not what the contract says).
 */
export type ApiErrorCode = ProblemCode | 'NETWORK_ERROR' | 'BAD_RESPONSE';

type ApiErrorInit = {
  code: ApiErrorCode;
  /** The HTTP status; 0 when no response arrived. */
  status: number;
  title: string;
  detail?: string | undefined;
  /** The BFF already retried: asking again on our own would only add to Shopify's load. */
  retried?: boolean;
  /** Which fields of the request were wrong, and why (`rows.3.target`), when the server said. */
  errors?: readonly { path: string; message: string }[] | undefined;
  cause?: unknown;
};

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly retried: boolean;
  readonly errors: readonly { path: string; message: string }[];

  constructor({ code, status, title, detail, retried = false, errors = [], cause }: ApiErrorInit) {
    super(detail ? `${title}: ${detail}` : title, { cause });
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.retried = retried;
    this.errors = errors;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
