import { HttpResponse } from 'msw';
import { problemStatus, type ProblemCode } from '../../src/shared/problem';
import type { Problem } from '../../src/shared/problem-document';

/** Shopify's faults: the BFF has already retried them, and says when to ask again. */
const shopifyRetryAfter: Partial<Record<ProblemCode, string>> = { SHOPIFY_THROTTLED: '2', SHOPIFY_UNREACHABLE: '5' };
const shopifyCodes = new Set<ProblemCode>([
  'CREDENTIALS_INVALID',
  'SHOP_NOT_FOUND',
  'SHOP_NOT_PERMITTED',
  'SHOPIFY_PAYMENT_REQUIRED',
  'SHOPIFY_SCOPE_MISSING',
  'SHOPIFY_LOCKED',
  'SHOPIFY_UNREACHABLE',
  'SHOPIFY_THROTTLED',
  'SHOPIFY_ERROR',
]);

/** An RFC 9457 problem document as the BFF sends it. */
export function problem(code: ProblemCode, title: string, detail?: string) {
  const status = problemStatus[code];
  const body: Problem = {
    type: 'about:blank',
    title,
    status,
    code,
    ...(detail ? { detail } : {}),
    ...(shopifyCodes.has(code) ? { retried: true } : {}),
  };
  const retryAfter = shopifyRetryAfter[code];
  return HttpResponse.json(body, {
    status,
    headers: { 'Content-Type': 'application/problem+json', ...(retryAfter ? { 'Retry-After': retryAfter } : {}) },
  });
}
