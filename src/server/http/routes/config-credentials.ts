import { Hono } from 'hono';
import { credentialInputSchema, credentialPatchSchema, type CredentialInput, type VerifyResult } from '../../../shared/config-wire';
import { normaliseShopDomain, shopDomainHelp } from '../../../shared/shop-domain';
import type { AuthVariables } from '../../auth/middleware';
import { AppError } from '../problem';
import { readJson } from '../read-json';
import type { Services } from '../../setup/services';
import type { NewCredential } from '../../storage/credentials-store';

export type CredentialRouteServices = Pick<Services, 'credentials' | 'settings' | 'shopify' | 'verifyCredential'>;

/** Shopify's answers that say the credential itself is wrong, as opposed to Shopify being busy or away. */
const refusals = new Set(['CREDENTIALS_INVALID', 'SHOP_NOT_FOUND', 'SHOP_NOT_PERMITTED']);

function isRefusal(error: unknown): error is AppError {
  return error instanceof AppError && refusals.has(error.code);
}

/** The credential as the store keeps it: the shop normalised, the secret under one name whatever the kind. */
export function newCredentialOf(input: CredentialInput): NewCredential {
  const shopDomain = normaliseShopDomain(input.shop);
  if (!shopDomain) throw new AppError('BAD_REQUEST', `shop: ${shopDomainHelp}.`, [{ path: 'shop', message: shopDomainHelp }]);
  return input.kind === 'client_credentials'
    ? { name: input.name, kind: input.kind, shopDomain, clientId: input.clientId, secret: input.clientSecret }
    : { name: input.name, kind: input.kind, shopDomain, clientId: input.apiKey, secret: input.accessToken };
}

/**
 * Verify Credentials for what the admin has typed, before it is stored. It lives beside the
 * credentials rather than at `/credentials/verify`, which `/credentials/:id/verify` would make
 * ambiguous, and which would keep Hono from its fastest router for every route of the app.
 */
export function verifyCredentialInputRoute(services: Pick<Services, 'verifyCredential'>) {
  return new Hono<{ Variables: AuthVariables }>().post('/', async (c) => {
    const credential = newCredentialOf(await readJson(c, credentialInputSchema));
    return c.json(await services.verifyCredential(credential));
  });
}

function notFound(id: string): AppError {
  return new AppError('NOT_FOUND', `There is no credential ${id}.`);
}

/** Add, verify, rename, replace the secret of, and remove Shopify credentials. Secrets go in, never out. */
export function credentialRoutes(services: CredentialRouteServices) {
  const { credentials, settings, shopify } = services;

  /** Verifies a stored credential and records what Shopify said; a refusal marks it invalid and is passed on. */
  async function verifyStored(id: string): Promise<VerifyResult> {
    const credential = await credentials.get(id);
    if (!credential) throw notFound(id);
    try {
      const result = await services.verifyCredential({ ...credential, secret: await credentials.readSecret(id) });
      await credentials.markStatus(id, 'verified', result.grantedScopes);
      return result;
    } catch (error) {
      if (isRefusal(error)) {
        await credentials.markStatus(id, 'invalid');
        shopify.forgetToken(id);
      }
      throw error;
    }
  }

  return new Hono<{ Variables: AuthVariables }>()
    .post('/', async (c) => {
      const created = await credentials.create(newCredentialOf(await readJson(c, credentialInputSchema)));
      // Submit checks the credential once more, so the list says whether Shopify accepts it; a
      // credential Shopify refuses is still kept (the app may not be installed yet), marked invalid.
      await verifyStored(created.id).catch((error: unknown) => {
        if (!(error instanceof AppError)) throw error;
      });
      return c.json(await credentials.get(created.id), 201);
    })
    .post('/:id/verify', async (c) => c.json(await verifyStored(c.req.param('id'))))
    .patch('/:id', async (c) => {
      const id = c.req.param('id');
      const patch = await readJson(c, credentialPatchSchema);
      if (patch.name === undefined && patch.secret === undefined) {
        throw new AppError('BAD_REQUEST', 'Send a new name, a new secret, or both.', [
          { path: '(body)', message: 'Send a new name, a new secret, or both.' },
        ]);
      }
      const updated = await credentials.update(id, patch);
      if (!updated) throw notFound(id);
      // A token obtained with the old secret must not outlive it.
      if (patch.secret !== undefined) shopify.forgetToken(id);
      return c.json(updated);
    })
    .delete('/:id', async (c) => {
      const id = c.req.param('id');
      const credential = await credentials.get(id);
      if (!credential) throw notFound(id);
      if ((await settings.activation())?.credentialId === id) {
        throw new AppError(
          'CREDENTIAL_IN_USE',
          `"${credential.name}" is the credential the Shopify Conversations Block uses: deactivate the card or activate another credential first.`,
        );
      }
      await credentials.remove(id);
      shopify.forgetToken(id);
      return c.body(null, 204);
    });
}
