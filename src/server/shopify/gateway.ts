import { createAdminApiClient, type ClientResponse } from '@shopify/admin-api-client';
import { AppError } from '../http/problem';
import type { Credential, CredentialsStore } from '../storage/credentials-store';
import { clientFetch, SHOPIFY_API_VERSION, type ShopifyEndpoint } from './endpoint';
import { interpretFailure, type Failure } from './shopify-errors';
import { createTokenProvider } from './token-provider';

export type QueryCost = { requestedQueryCost: number | null; actualQueryCost: number | null };
export type ShopifyResult<T> = { data: T; cost: QueryCost };

/** How hard the gateway tries before the agent sees a clear state instead of data. */
export type RetryPolicy = {
  /** Attempts in all, the first included, for faults that can pass (5xx, resets, timeouts, throttling). */
  attempts: number;
  /** The most time spent waiting between attempts; a longer Retry-After gives up at once. */
  budgetMs: number;
  /** First backoff step; each next one doubles, with jitter. */
  baseDelayMs: number;
};

export const defaultRetryPolicy: RetryPolicy = { attempts: 3, budgetMs: 4_000, baseDelayMs: 250 };

export type GatewayOptions = {
  endpoint: ShopifyEndpoint;
  credentials: CredentialsStore;
  clock?: () => number;
  retry?: RetryPolicy;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
};

const realSleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** Sends one operation with a token; every answer, failed or not, comes back as the client's response. */
export async function sendOperation<T>(
  endpoint: ShopifyEndpoint,
  shopDomain: string,
  token: string,
  operation: string,
  variables: Record<string, unknown>,
): Promise<ClientResponse<T>> {
  const client = createAdminApiClient({
    storeDomain: shopDomain,
    apiVersion: SHOPIFY_API_VERSION,
    accessToken: token,
    customFetchApi: clientFetch(endpoint, shopDomain),
    retries: 0,
  });
  try {
    return (await client.request<T>(operation, { variables })) as ClientResponse<T>;
  } catch {
    // The client throws only for transport failures (reset, timeout): the same as no answer at all.
    return { errors: { message: 'No answer' } } as ClientResponse<T>;
  }
}

/** The data of a successful answer, or the failure it means. */
export async function readAnswer<T>(response: ClientResponse<T>, shopDomain: string): Promise<ShopifyResult<T> | Failure> {
  if (response.errors || response.data === undefined || response.data === null) {
    if (!response.errors) return { error: new AppError('SHOPIFY_ERROR', 'Shopify answered without data.'), transient: false };
    return interpretFailure(response as ClientResponse<unknown>, shopDomain);
  }
  const cost = response.extensions?.cost;
  return {
    data: response.data,
    cost: { requestedQueryCost: cost?.requestedQueryCost ?? null, actualQueryCost: cost?.actualQueryCost ?? null },
  };
}

/**
 * The one way the BFF talks to Shopify's GraphQL Admin API for a stored credential: it picks the
 * credential's token (renewing a client-credentials token Shopify no longer accepts, once), sends
 * a named operation, retries faults that pass with jittered backoff or as long as Shopify asks,
 * and turns every failure into an AppError with a stable code.
 */
export function createShopifyGateway(options: GatewayOptions) {
  const { endpoint, credentials } = options;
  const policy = options.retry ?? defaultRetryPolicy;
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  const tokens = createTokenProvider(endpoint, options.clock);

  async function accessToken(credential: Credential): Promise<{ token: string; renewable: boolean }> {
    const secret = credentials.readSecret(credential.id);
    if (credential.kind === 'access_token') return { token: secret, renewable: false };
    if (!credential.clientId) throw new AppError('CREDENTIALS_INVALID', 'The stored credential has no client ID.');
    const token = await tokens.token(credential.id, {
      shopDomain: credential.shopDomain,
      clientId: credential.clientId,
      clientSecret: secret,
    });
    return { token, renewable: true };
  }

  async function attempt<T>(
    credential: Credential,
    operation: string,
    variables: Record<string, unknown>,
  ): Promise<ShopifyResult<T> | Failure> {
    let auth = await accessToken(credential);
    let answer = await readAnswer(
      await sendOperation<T>(endpoint, credential.shopDomain, auth.token, operation, variables),
      credential.shopDomain,
    );
    if ('error' in answer && answer.error.code === 'CREDENTIALS_INVALID' && auth.renewable) {
      // A cached client-credentials token can be revoked early: renew once and retry once.
      tokens.forget(credential.id, auth.token);
      auth = await accessToken(credential);
      answer = await readAnswer(
        await sendOperation<T>(endpoint, credential.shopDomain, auth.token, operation, variables),
        credential.shopDomain,
      );
    }
    if ('error' in answer && answer.error.code === 'CREDENTIALS_INVALID') {
      // A legacy token is never renewed: Shopify revoked it, so an admin must replace it.
      if (!auth.renewable) credentials.markStatus(credential.id, 'invalid');
      tokens.forget(credential.id);
    }
    return answer;
  }

  return {
    async query<T>(credential: Credential, operation: string, variables: Record<string, unknown> = {}): Promise<ShopifyResult<T>> {
      let waited = 0;
      for (let tryNumber = 1; ; tryNumber += 1) {
        const answer = await attempt<T>(credential, operation, variables);
        if (!('error' in answer)) return answer;
        if (!answer.transient || tryNumber >= policy.attempts) throw answer.error;
        const backoff = policy.baseDelayMs * 2 ** (tryNumber - 1) * (0.5 + random());
        const wait = answer.retryAfterMs ?? backoff;
        if (waited + wait > policy.budgetMs) throw answer.error;
        await sleep(wait);
        waited += wait;
      }
    },
    forgetToken(credentialId: string): void {
      tokens.forget(credentialId);
    },
  };
}
export type ShopifyGateway = ReturnType<typeof createShopifyGateway>;
