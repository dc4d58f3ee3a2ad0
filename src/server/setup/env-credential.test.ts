import { afterEach, describe, expect, it } from 'vitest';
import { sandboxShop } from '../../../mocks/shopify/store';
import { cardResponseSchema } from '../../shared/wire';
import { registerEnvCredential } from './env-credential';
import { EnvError } from './env';
import { startHarness, type Harness } from '../test/harness';

let h: Harness | undefined;
afterEach(() => h?.close());

describe('a credential from the environment', () => {
  it('is registered once, updated in place, and serves the card like any other', async () => {
    h = await startHarness({ activate: false });
    const first = await registerEnvCredential(h.services, {
      kind: 'client_credentials',
      shop: 'https://linden-and-loom.myshopify.com/',
      clientId: sandboxShop.clientId,
      clientSecret: 'outdated',
    });
    const again = await registerEnvCredential(h.services, {
      kind: 'client_credentials',
      shop: 'linden-and-loom',
      clientId: sandboxShop.clientId,
      clientSecret: sandboxShop.clientSecret,
    });
    expect(again.id).toBe(first.id);
    expect(again.shopDomain).toBe('linden-and-loom.myshopify.com');
    expect((await h.services.credentials.list()).filter((c) => c.source === 'env')).toHaveLength(1);
    await h.services.settings.activate(again.id, 'ops');
    const card = cardResponseSchema.parse(await (await h.openCard({ phone: '+33612345678' })).json());
    expect(card.state).toBe('matched');
  });

  it('works with a legacy Admin API access token', async () => {
    h = await startHarness({ activate: false });
    const credential = await registerEnvCredential(h.services, {
      kind: 'access_token',
      shop: 'linden-and-loom.myshopify.com',
      accessToken: sandboxShop.accessToken,
    });
    await h.services.settings.activate(credential.id, 'ops');
    expect(cardResponseSchema.parse(await (await h.openCard({ email: 'sofia.hernandez@example.mx' })).json()).state).toBe('matched');
  });

  it('refuses a shop that is not a Shopify shop, naming the variable', async () => {
    h = await startHarness({ activate: false });
    await expect(
      registerEnvCredential(h.services, { kind: 'access_token', shop: 'https://evil.example.com', accessToken: 'x' }),
    ).rejects.toThrow(EnvError);
    await expect(registerEnvCredential(h.services, { kind: 'access_token', shop: 'evil.example.com', accessToken: 'x' })).rejects.toThrow(
      /SHOPIFY_SHOP/,
    );
  });
});
