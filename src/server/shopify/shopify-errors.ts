import type { ClientResponse } from '@shopify/admin-api-client';
import { AppError } from '../http/problem';

/** What a failed Shopify answer means; `retryAfterMs` when waiting and asking again can help. */
export type Failure = { error: AppError; retryAfterMs?: number; transient: boolean };

type GraphQLErrorLike = { message: string; extensions?: { code?: string; [key: string]: unknown } };
type ThrottleStatus = { maximumAvailable?: number; currentlyAvailable?: number; restoreRate?: number };

async function bodyText(response: Response | undefined): Promise<string> {
  if (!response) return '';
  try {
    return await response.clone().text();
  } catch {
    return '';
  }
}

/** `Retry-After` in seconds, possibly fractional (`2.0`), as Shopify sends it. */
export function retryAfterMs(response: Response | undefined): number | undefined {
  const header = response?.headers.get('Retry-After');
  if (!header) return undefined;
  const seconds = Number.parseFloat(header);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.round(seconds * 1000) : undefined;
}

/** How long until the bucket holds `requested` points again, from Shopify's throttle status. */
export function throttleWaitMs(requested: number | undefined, status: ThrottleStatus | undefined): number | undefined {
  if (!status?.restoreRate || status.currentlyAvailable === undefined || requested === undefined) return undefined;
  const missing = requested - status.currentlyAvailable;
  return Math.max(0, Math.ceil((missing / status.restoreRate) * 1000));
}

function missingScope(text: string): string | undefined {
  return /\b((?:read|write)_[a-z_]+)\b/.exec(text)?.[1];
}

/** Turns a failed answer of the Admin API client into an AppError with its stable code. */
export async function interpretFailure(response: ClientResponse<unknown>, shopDomain: string): Promise<Failure> {
  const errors = response.errors ?? {};
  const status = errors.networkStatusCode;
  const graphQLErrors = (errors.graphQLErrors ?? []) as GraphQLErrorLike[];
  if (status === undefined && graphQLErrors.length === 0) {
    return { error: new AppError('SHOPIFY_UNREACHABLE', `Could not reach ${shopDomain}.`), transient: true };
  }
  const throttled = graphQLErrors.some((e) => e.extensions?.code === 'THROTTLED');
  if (status === 429 || throttled) {
    const cost = response.extensions?.cost;
    const wait = status === 429 ? retryAfterMs(errors.response) : throttleWaitMs(cost?.requestedQueryCost, cost?.throttleStatus);
    return {
      error: new AppError('SHOPIFY_THROTTLED', 'Shopify is busy answering this store; try again in a few seconds.'),
      transient: true,
      ...(wait !== undefined ? { retryAfterMs: wait } : {}),
    };
  }
  switch (status) {
    case 401:
      return {
        error: new AppError('CREDENTIALS_INVALID', `Shopify does not accept the access token for ${shopDomain}.`),
        transient: false,
      };
    case 402:
      return {
        error: new AppError(
          'SHOPIFY_PAYMENT_REQUIRED',
          `The shop ${shopDomain} is frozen (unpaid or paused); its owner must settle it in Shopify.`,
        ),
        transient: false,
      };
    case 403: {
      const scope = missingScope(await bodyText(errors.response));
      return {
        error: new AppError(
          'SHOPIFY_SCOPE_MISSING',
          scope
            ? `The Shopify app lacks the ${scope} scope; an admin must grant it and reinstall the app.`
            : 'The Shopify app lacks a permission it needs; an admin must check its scopes.',
        ),
        transient: false,
      };
    }
    case 404:
      return { error: new AppError('SHOP_NOT_FOUND', `Shopify does not know the shop ${shopDomain}.`), transient: false };
    case 423:
      return {
        error: new AppError('SHOPIFY_LOCKED', `The shop ${shopDomain} is locked by Shopify; its owner must contact Shopify support.`),
        transient: false,
      };
  }
  if (status !== undefined && status >= 500) {
    return {
      error: new AppError('SHOPIFY_UNREACHABLE', `Shopify answered ${status}.`),
      transient: true,
      ...(retryAfterMs(errors.response) !== undefined ? { retryAfterMs: retryAfterMs(errors.response) } : {}),
    };
  }
  const denied = graphQLErrors.find((e) => e.extensions?.code === 'ACCESS_DENIED');
  if (denied) {
    const scope = missingScope(denied.message);
    return {
      error: new AppError(
        'SHOPIFY_SCOPE_MISSING',
        scope ? `The Shopify app lacks the ${scope} scope; an admin must grant it.` : `Shopify denied access: ${denied.message}`,
      ),
      transient: false,
    };
  }
  const first = graphQLErrors[0];
  return {
    error: new AppError('SHOPIFY_ERROR', first ? `Shopify refused the query: ${first.message}` : `Shopify answered ${status}.`),
    transient: false,
  };
}
