import { requiredScopes, type VerifyResult } from '../../shared/config-wire';
import { missingScopes } from '../../shared/scopes';
import { AppError } from '../http/problem';
import type { CredentialKind } from '../storage/credentials-store';
import type { ShopifyEndpoint } from './endpoint';
import { readAnswer, sendOperation } from './gateway';
import { requestAccessToken } from './token-provider';

export const verifyCredentialOperation = `query VerifyCredential {
  shop { name myshopifyDomain }
  currentAppInstallation { accessScopes { handle } }
}`;

export type VerifyTarget = {
  kind: CredentialKind;
  shopDomain: string;
  /** Client ID (client credentials) or API key (legacy token). */
  clientId: string | null;
  /** Client secret (client credentials) or the Admin API access token (legacy token). */
  secret: string;
};

type VerifyData = { shop: { name: string; myshopifyDomain: string }; currentAppInstallation: { accessScopes: { handle: string }[] } };

/**
 * Verify Credentials: gets a token when the kind needs one, then asks Shopify for the shop's name
 * and the app's granted scopes, and names the required scopes that are missing. Each refusal
 * (wrong secret, unknown shop, app of another organization) has its own code.
 */
export async function verifyCredential(endpoint: ShopifyEndpoint, target: VerifyTarget): Promise<VerifyResult> {
  let token = target.secret;
  if (target.kind === 'client_credentials') {
    if (!target.clientId) throw new AppError('BAD_REQUEST', 'A client ID is required.');
    token = (await requestAccessToken(endpoint, { shopDomain: target.shopDomain, clientId: target.clientId, clientSecret: target.secret }))
      .token;
  }
  const answer = await readAnswer(
    await sendOperation<VerifyData>(endpoint, target.shopDomain, token, verifyCredentialOperation, {}),
    target.shopDomain,
  );
  if ('error' in answer) {
    if (answer.error.code === 'CREDENTIALS_INVALID' && target.kind === 'access_token') {
      throw new AppError('CREDENTIALS_INVALID', `Shopify does not accept this Admin API access token for ${target.shopDomain}.`);
    }
    throw answer.error;
  }
  const granted = answer.data.currentAppInstallation.accessScopes.map((scope) => scope.handle);
  return {
    shopName: answer.data.shop.name,
    shopDomain: answer.data.shop.myshopifyDomain,
    grantedScopes: granted,
    missingScopes: missingScopes(granted, requiredScopes),
    allOrdersVisible: granted.includes('read_all_orders'),
  };
}
