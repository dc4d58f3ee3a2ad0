import { createAdminApiClient, type ClientResponse } from '@shopify/admin-api-client';
import { AppError } from '../problem';
import type { Credential, CredentialsStore } from '../storage/credentials-store';
import { clientFetch, SHOPIFY_API_VERSION, type ShopifyEndpoint } from './endpoint';
import { createTokenProvider } from './token-provider';

export type QueryCost = { requestedQueryCost: number | null; actualQueryCost: number | null };
export type ShopifyResult<T> = { data: T; cost: QueryCost };

type Attempt = { token: string; renewable: boolean };

/**
 * The one way the BFF talks to Shopify's GraphQL Admin API: it picks the credential's token, sends a
 * named operation, and turns every failure into an AppError with a stable code.
 */
export function createShopifyGateway(options: {
  endpoint: ShopifyEndpoint;
  credentials: CredentialsStore;
  clock?: () => number;
}) {
  const { endpoint, credentials } = options;
  const tokens = createTokenProvider(endpoint, options.clock);

  async function accessToken(credential: Credential): Promise<Attempt> {
    const secret = credentials.readSecret(credential.id);
    if (credential.kind === 'access_token') return { token: secret, renewable: false };
    if (!credential.clientId) throw new AppError('CREDENTIALS_INVALID', 'The stored credential has no client ID.');
    const token = await tokens.token({ credentialId: credential.id, shopDomain: credential.shopDomain, clientId: credential.clientId, clientSecret: secret });
    return { token, renewable: true };
  }

  async function send<T>(credential: Credential, token: string, operation: string, variables: Record<string, unknown>) {
    const client = createAdminApiClient({
      storeDomain: credential.shopDomain,
      apiVersion: SHOPIFY_API_VERSION,
      accessToken: token,
      customFetchApi: clientFetch(endpoint, credential.shopDomain),
      retries: 0,
    });
    return client.request<T>(operation, { variables }) as Promise<ClientResponse<T>>;
  }

  return {
    async query<T>(credential: Credential, operation: string, variables: Record<string, unknown> = {}): Promise<ShopifyResult<T>> {
      let attempt = await accessToken(credential);
      let response = await send<T>(credential, attempt.token, operation, variables).catch(() => null);
      if (response?.errors?.networkStatusCode === 401 && attempt.renewable) {
        // A cached client-credentials token can be revoked early: renew once and retry once.
        tokens.forget(credential.id, attempt.token);
        attempt = await accessToken(credential);
        response = await send<T>(credential, attempt.token, operation, variables).catch(() => null);
      }
      if (!response) throw new AppError('SHOPIFY_UNREACHABLE', `Could not reach ${credential.shopDomain}.`);
      const errors = response.errors;
      if (errors) {
        const status = errors.networkStatusCode;
        if (status === 401) {
          credentials.markStatus(credential.id, 'invalid');
          throw new AppError('CREDENTIALS_INVALID', `Shopify no longer accepts the credential "${credential.name}".`);
        }
        if (status === 429 || errors.graphQLErrors?.some((e) => e.extensions?.code === 'THROTTLED')) {
          throw new AppError('SHOPIFY_THROTTLED', 'Shopify is busy; try again in a few seconds.');
        }
        if (status === undefined && !errors.graphQLErrors) {
          throw new AppError('SHOPIFY_UNREACHABLE', `Could not reach ${credential.shopDomain}.`);
        }
        if (status !== undefined && status >= 500) throw new AppError('SHOPIFY_UNREACHABLE', `Shopify answered ${status}.`);
        if (status !== undefined && status !== 200) throw new AppError('SHOPIFY_ERROR', `Shopify answered ${status}.`);
        if (response.data === undefined || response.data === null) {
          const first = errors.graphQLErrors?.[0];
          throw new AppError('SHOPIFY_ERROR', first ? `Shopify refused the query: ${first.message}` : 'Shopify refused the query.');
        }
      }
      if (response.data === undefined || response.data === null) throw new AppError('SHOPIFY_ERROR', 'Shopify answered without data.');
      const cost = response.extensions?.cost;
      return {
        data: response.data,
        cost: { requestedQueryCost: cost?.requestedQueryCost ?? null, actualQueryCost: cost?.actualQueryCost ?? null },
      };
    },
  };
}
export type ShopifyGateway = ReturnType<typeof createShopifyGateway>;
