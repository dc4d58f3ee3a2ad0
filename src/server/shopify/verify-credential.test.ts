import { afterEach, describe, expect, it } from 'vitest';
import { sandboxShop, startSandboxStore, type RunningSandboxStore, type SandboxStoreOptions } from '../../../mocks/shopify/store';
import { AppError } from '../http/problem';
import { verifyCredential, type VerifyTarget } from './verify-credential';

let running: RunningSandboxStore[] = [];
afterEach(async () => {
  await Promise.all(running.map((r) => r.close()));
  running = [];
});

async function verify(target: Partial<VerifyTarget>, options: SandboxStoreOptions = {}) {
  const sandbox = await startSandboxStore(options);
  running.push(sandbox);
  return verifyCredential(
    { apiOrigin: sandbox.origin },
    {
      kind: 'client_credentials',
      shopDomain: sandboxShop.domain,
      clientId: sandboxShop.clientId,
      secret: sandboxShop.clientSecret,
      ...target,
    },
  );
}

async function refusal(promise: Promise<unknown>): Promise<{ code: string; detail: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, detail: error.message };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('Verify Credentials', () => {
  it('reports the shop name and that nothing required is missing', async () => {
    const result = await verify({});
    expect(result).toMatchObject({ shopName: 'Linden & Loom', shopDomain: sandboxShop.domain, missingScopes: [], allOrdersVisible: true });
  });

  it('names the required scopes the app was not granted, and the 60-day limit', async () => {
    const result = await verify({}, { grantedScopes: ['read_customers', 'read_orders'] });
    expect(result.missingScopes).toEqual([
      'write_customers',
      'read_draft_orders',
      'write_draft_orders',
      'write_orders',
      'read_products',
      'write_products',
    ]);
    expect(result.allOrdersVisible).toBe(false);
  });

  it('tells a wrong secret, an unknown shop and an app of another organization apart', async () => {
    expect(await refusal(verify({ secret: 'wrong' }))).toMatchObject({ code: 'CREDENTIALS_INVALID' });
    expect(await refusal(verify({ shopDomain: 'nobody-here.myshopify.com' }))).toMatchObject({ code: 'SHOP_NOT_FOUND' });
    expect(await refusal(verify({}, { shopNotPermitted: true }))).toMatchObject({
      code: 'SHOP_NOT_PERMITTED',
      detail: expect.stringMatching(/organization/),
    });
  });

  it('verifies a legacy Admin API access token without asking for a token', async () => {
    expect((await verify({ kind: 'access_token', clientId: sandboxShop.apiKey, secret: sandboxShop.accessToken })).shopName).toBe(
      'Linden & Loom',
    );
    expect(await refusal(verify({ kind: 'access_token', clientId: sandboxShop.apiKey, secret: 'not-the-token' }))).toMatchObject({
      code: 'CREDENTIALS_INVALID',
    });
  });

  it('never puts the secret in what it says', async () => {
    const { detail } = await refusal(verify({ secret: 'very-secret-value' }));
    expect(detail).not.toContain('very-secret-value');
  });
});
