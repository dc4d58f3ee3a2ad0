import { normaliseShopDomain } from '../../shared/shop-domain';
import { EnvError, type EnvCredential } from './env';
import type { Services } from './services';
import type { Credential } from '../storage/credentials-store';

/**
 * A deployment configured without the UI: the credential from the environment is registered at
 * start, or updated in place when the environment changed, and then works like any other.
 */
export async function registerEnvCredential(services: Services, env: EnvCredential): Promise<Credential> {
  const shopDomain = normaliseShopDomain(env.shop);
  if (!shopDomain)
    throw new EnvError([`SHOPIFY_SHOP: "${env.shop}" is not a shop like acme, acme.myshopify.com or https://acme.myshopify.com`]);
  const name = `${shopDomain} (environment)`;
  return services.credentials.upsertFromSource(
    'env',
    env.kind === 'client_credentials'
      ? { name, kind: env.kind, shopDomain, clientId: env.clientId, secret: env.clientSecret }
      : { name, kind: env.kind, shopDomain, clientId: null, secret: env.accessToken },
  );
}
