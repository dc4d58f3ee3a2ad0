import { createAdminApiClient, type ClientResponse } from '@shopify/admin-api-client';
import { AppError } from '../http/problem';
import type { Credential, CredentialsStore } from '../storage/credentials-store';
import { createCallBudget, defaultCallBudget, type CallBudget, type CallBudgetPolicy } from './call-budget';
import { clientFetch, SHOPIFY_API_VERSION, type ShopifyEndpoint } from './endpoint';
import { interpretFailure, type Failure } from './shopify-errors';
import { createTokenProvider, type SharedTokens } from './token-provider';

export type QueryCost = { requestedQueryCost: number | null; actualQueryCost: number | null };
export type ShopifyResult<T> = { data: T; cost: QueryCost };

/** How the gateway retries inside a call budget (`call-budget.ts`), which bounds time and requests. */
export type RetryPolicy = {
  /** Attempts in all, the first included, for faults that can pass (5xx, resets, timeouts, throttling). */
  attempts: number;
  /** First backoff step; each next one doubles, with jitter. */
  baseDelayMs: number;
};

export const defaultRetryPolicy: RetryPolicy = { attempts: 3, baseDelayMs: 250 };

export type GatewayOptions = {
  endpoint: ShopifyEndpoint;
  credentials: CredentialsStore;
  clock?: () => number;
  retry?: RetryPolicy;
  /** What a call may spend when its caller gives no budget of its own. */
  budget?: CallBudgetPolicy;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Several instances on Redis: one token request per credential, shared. */
  sharedTokens?: SharedTokens;
};

const realSleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** Sends one operation with a token; every answer, failed or not, comes back as the client's response. */
export async function sendOperation<T>(
  endpoint: ShopifyEndpoint,
  shopDomain: string,
  token: string,
  operation: string,
  variables: Record<string, unknown>,
  signal?: AbortSignal,
): Promise<ClientResponse<T>> {
  const client = createAdminApiClient({
    storeDomain: shopDomain,
    apiVersion: SHOPIFY_API_VERSION,
    accessToken: token,
    customFetchApi: clientFetch(endpoint, shopDomain),
    retries: 0,
  });
  try {
    return (await client.request<T>(operation, { variables, ...(signal ? { signal } : {}) })) as ClientResponse<T>;
  } catch {
    // The client throws only for transport failures (reset, timeout, abort): the same as no answer at all.
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

/** The error the caller sees: the BFF has done all the retrying there is to do, and says when to ask again. */
function givenUp(failure: Failure): AppError {
  const wait = failure.retryAfterMs;
  return failure.error.with({ retried: true, ...(wait === undefined ? {} : { retryAfterSeconds: Math.ceil(wait / 1000) }) });
}

const outOfTime = (shopDomain: string): Failure => ({
  error: new AppError('SHOPIFY_UNREACHABLE', `${shopDomain} did not answer in time.`),
  transient: true,
});

/**
 * The one way the BFF talks to Shopify's GraphQL Admin API for a stored credential: it picks the
 * credential's token (renewing a client-credentials token Shopify no longer accepts, once), sends
 * a named operation, retries faults that pass with jittered backoff or as long as Shopify asks,
 * all inside a call budget (a deadline, a timeout per request, a number of requests), and turns
 * every failure into an AppError with a stable code.
 */
export function createShopifyGateway(options: GatewayOptions) {
  const { endpoint, credentials } = options;
  const policy = options.retry ?? defaultRetryPolicy;
  const budgetPolicy = options.budget ?? defaultCallBudget;
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  const tokens = createTokenProvider(endpoint, options.clock, options.sharedTokens);
  /** The credential as the token endpoint takes it (the shared token's key is derived from it, never stored). */
  const clientCredentials = async (credential: Credential) =>
    credential.kind === 'client_credentials' && credential.clientId
      ? { shopDomain: credential.shopDomain, clientId: credential.clientId, clientSecret: await credentials.readSecret(credential.id) }
      : undefined;

  async function accessToken(credential: Credential, timeoutMs: number): Promise<{ token: string; renewable: boolean }> {
    const secret = await credentials.readSecret(credential.id);
    if (credential.kind === 'access_token') return { token: secret, renewable: false };
    if (!credential.clientId) throw new AppError('CREDENTIALS_INVALID', 'The stored credential has no client ID.');
    const token = await tokens.token(
      credential.id,
      { shopDomain: credential.shopDomain, clientId: credential.clientId, clientSecret: secret },
      timeoutMs,
    );
    return { token, renewable: true };
  }

  /** One request, token included, given up after the budget's timeout for it. */
  async function attempt<T>(
    credential: Credential,
    operation: string,
    variables: Record<string, unknown>,
    budget: CallBudget,
  ): Promise<{ answer: ShopifyResult<T> | Failure; token?: { token: string; renewable: boolean } }> {
    const timeoutMs = budget.attemptMs();
    const signal = AbortSignal.timeout(timeoutMs);
    let auth: { token: string; renewable: boolean };
    try {
      auth = await accessToken(credential, timeoutMs);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      // The token endpoint failing is Shopify failing: a retry may help if it was busy or away.
      return { answer: { error, transient: error.code === 'SHOPIFY_UNREACHABLE' } };
    }
    if (signal.aborted) return { answer: outOfTime(credential.shopDomain), token: auth };
    budget.spend();
    const response = await sendOperation<T>(endpoint, credential.shopDomain, auth.token, operation, variables, signal);
    return { answer: await readAnswer(response, credential.shopDomain), token: auth };
  }

  return {
    /**
     * Sends `operation`, within `budget` when the caller gives one (to share it among the queries of
     * one card open), else within a budget of its own.
     */
    async query<T>(
      credential: Credential,
      operation: string,
      variables: Record<string, unknown> = {},
      budget: CallBudget = createCallBudget(budgetPolicy),
    ): Promise<ShopifyResult<T>> {
      if (!budget.canStart()) throw givenUp(outOfTime(credential.shopDomain));
      let renewed = false;
      for (let tryNumber = 1; ;) {
        const { answer, token } = await attempt<T>(credential, operation, variables, budget);
        if (!('error' in answer)) return answer;
        if (answer.error.code === 'CREDENTIALS_INVALID' && token) {
          if (token.renewable && !renewed && budget.canRetryAfter(0)) {
            // A cached client-credentials token can be revoked early: renew once and try once more.
            renewed = true;
            tokens.forget(credential.id, token.token, await clientCredentials(credential));
            continue;
          }
          // A legacy token is never renewed: Shopify revoked it, so an admin must replace it.
          if (!token.renewable) await credentials.markStatus(credential.id, 'invalid');
          tokens.forget(credential.id, undefined, await clientCredentials(credential));
        }
        if (!answer.transient || tryNumber >= policy.attempts) throw givenUp(answer);
        const backoff = policy.baseDelayMs * 2 ** (tryNumber - 1) * (0.5 + random());
        const wait = answer.retryAfterMs ?? backoff;
        // A retry that could not finish before the deadline is never started, nor waited for.
        if (!budget.canRetryAfter(wait)) throw givenUp(answer);
        await sleep(wait);
        tryNumber += 1;
      }
    },
    forgetToken(credentialId: string): void {
      tokens.forget(credentialId);
    },
  };
}
export type ShopifyGateway = ReturnType<typeof createShopifyGateway>;
