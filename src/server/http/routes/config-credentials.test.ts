import { afterEach, describe, expect, it } from 'vitest';
import { sandboxShop } from '../../../../mocks/shopify/store';
import {
  configOverviewSchema,
  credentialViewSchema,
  requiredScopes,
  verifyResultSchema,
  type CredentialInput,
  type CredentialView,
} from '../../../shared/config-wire';
import { missingScopes } from '../../../shared/scopes';
import { callApi, problemOf } from '../../test/config-api';
import { startHarness, type Harness, type HarnessOptions } from '../../test/harness';

let running: Harness[] = [];
afterEach(async () => {
  await Promise.all(running.map((h) => h.close()));
  running = [];
});

/** The BFF over a sandbox store, with the harness's own sandbox credential active. */
async function harness(options: HarnessOptions = {}): Promise<Harness> {
  const h = await startHarness(options);
  running.push(h);
  return h;
}

const oauth = (change: Partial<Extract<CredentialInput, { kind: 'client_credentials' }>> = {}): CredentialInput => ({
  kind: 'client_credentials',
  name: 'Linden & Loom',
  shop: 'linden-and-loom',
  clientId: sandboxShop.clientId,
  clientSecret: sandboxShop.clientSecret,
  ...change,
});
const legacy = (change: Partial<Extract<CredentialInput, { kind: 'access_token' }>> = {}): CredentialInput => ({
  kind: 'access_token',
  name: 'Linden & Loom (legacy)',
  shop: 'https://linden-and-loom.myshopify.com/',
  apiKey: sandboxShop.apiKey,
  accessToken: sandboxShop.accessToken,
  ...change,
});

async function submit(h: Harness, input: CredentialInput): Promise<CredentialView> {
  const response = await callApi(h, 'POST', '/api/config/credentials', input);
  expect(response.status).toBe(201);
  return credentialViewSchema.parse(await response.json());
}

describe('Verify Credentials for what the admin typed', () => {
  it('names the shop and the granted scopes, and stores nothing', async () => {
    const h = await harness();
    const before = (await h.services.credentials.list()).length;
    const response = await callApi(h, 'POST', '/api/config/verify-credentials', oauth());
    expect(response.status).toBe(200);
    const result = verifyResultSchema.parse(await response.json());
    expect(result).toMatchObject({ shopName: 'Linden & Loom', shopDomain: sandboxShop.domain, missingScopes: [], allOrdersVisible: true });
    expect(result.grantedScopes).toEqual(expect.arrayContaining([...requiredScopes]));
    expect(await h.services.credentials.list()).toHaveLength(before);
  });

  it('refuses a wrong client secret with CREDENTIALS_INVALID, without repeating the secret', async () => {
    const h = await harness();
    const response = await callApi(h, 'POST', '/api/config/verify-credentials', oauth({ clientSecret: 'not-the-secret-at-all' }));
    expect(response.status).toBe(502);
    const problem = await problemOf(response);
    expect(problem.code).toBe('CREDENTIALS_INVALID');
    expect(JSON.stringify(problem)).not.toContain('not-the-secret-at-all');
  });

  it('says when Shopify does not know the shop', async () => {
    const h = await harness();
    const response = await callApi(h, 'POST', '/api/config/verify-credentials', oauth({ shop: 'nobody-here' }));
    const problem = await problemOf(response);
    expect(problem.code).toBe('SHOP_NOT_FOUND');
    expect(problem.detail).toContain('nobody-here.myshopify.com');
  });

  it('says when the app belongs to another organization than the shop (shop_not_permitted)', async () => {
    const h = await harness({ sandbox: { shopNotPermitted: true } });
    const problem = await problemOf(await callApi(h, 'POST', '/api/config/verify-credentials', oauth()));
    expect(problem.code).toBe('SHOP_NOT_PERMITTED');
    expect(problem.detail).toMatch(/organization/);
  });

  it('names the required scopes the app was not granted', async () => {
    const h = await harness({ sandbox: { grantedScopes: ['read_customers', 'read_orders', 'read_products'] } });
    const response = await callApi(h, 'POST', '/api/config/verify-credentials', oauth());
    const result = verifyResultSchema.parse(await response.json());
    expect(result.missingScopes).toEqual(['write_customers', 'read_draft_orders', 'write_draft_orders', 'write_orders', 'write_products']);
    expect(result.allOrdersVisible).toBe(false);
  });

  it('accepts the right legacy Admin API access token and refuses a wrong one', async () => {
    const h = await harness();
    const right = await callApi(h, 'POST', '/api/config/verify-credentials', legacy());
    expect(verifyResultSchema.parse(await right.json()).shopName).toBe('Linden & Loom');
    const wrong = await problemOf(await callApi(h, 'POST', '/api/config/verify-credentials', legacy({ accessToken: 'shpat_wrong' })));
    expect(wrong.code).toBe('CREDENTIALS_INVALID');
    expect(wrong.detail).toMatch(/Admin API access token/);
  });

  it('refuses a shop that is not a Shopify shop name, naming the field and how to write it', async () => {
    const h = await harness();
    const problem = await problemOf(
      await callApi(h, 'POST', '/api/config/verify-credentials', oauth({ shop: 'https://evil.example.com/' })),
    );
    expect(problem.code).toBe('BAD_REQUEST');
    expect(problem.errors).toEqual([{ path: 'shop', message: expect.stringMatching(/acme\.myshopify\.com/) }]);
  });
});

describe('Submit', () => {
  it('stores a client-credentials credential verified, with the shop normalised and the secret only as a hint', async () => {
    const h = await harness();
    const response = await callApi(h, 'POST', '/api/config/credentials', oauth());
    expect(response.status).toBe(201);
    const text = await response.text();
    expect(text).not.toContain(sandboxShop.clientSecret);
    const created = credentialViewSchema.parse(JSON.parse(text));
    expect(created).toMatchObject({
      name: 'Linden & Loom',
      kind: 'client_credentials',
      shopDomain: sandboxShop.domain,
      clientId: sandboxShop.clientId,
      source: 'ui',
      status: 'verified',
      secretHint: '••••loom',
    });
    expect(created.verifiedAt).not.toBeNull();
    expect(await h.services.credentials.readSecret(created.id)).toBe(sandboxShop.clientSecret);
  });

  it('stores a legacy token with the API key as its client id and the token as its secret', async () => {
    const h = await harness();
    const created = await submit(h, legacy());
    expect(created).toMatchObject({
      kind: 'access_token',
      shopDomain: sandboxShop.domain,
      clientId: sandboxShop.apiKey,
      status: 'verified',
    });
    expect(await h.services.credentials.readSecret(created.id)).toBe(sandboxShop.accessToken);
  });

  it('keeps a credential Shopify refuses, marked invalid, so the admin can fix its secret', async () => {
    const h = await harness();
    const created = await submit(h, oauth({ clientSecret: 'typo-in-the-secret' }));
    expect(created.status).toBe('invalid');
  });

  it('refuses a body without the fields of its kind, naming each', async () => {
    const h = await harness();
    const problem = await problemOf(
      await callApi(h, 'POST', '/api/config/credentials', { kind: 'client_credentials', name: 'x', shop: 'acme', clientId: ' ' }),
    );
    expect(problem.code).toBe('BAD_REQUEST');
    expect(problem.errors?.map((e) => e.path).sort()).toEqual(['clientId', 'clientSecret']);
  });

  it('refuses a shop it cannot normalise', async () => {
    const h = await harness();
    const problem = await problemOf(await callApi(h, 'POST', '/api/config/credentials', oauth({ shop: 'acme.example.com' })));
    expect(problem).toMatchObject({ code: 'BAD_REQUEST', errors: [{ path: 'shop' }] });
  });
});

describe('a stored credential', () => {
  it('is verified again on demand, and marked invalid when Shopify no longer accepts it', async () => {
    const h = await harness();
    const created = await submit(h, legacy());
    const ok = await callApi(h, 'POST', `/api/config/credentials/${created.id}/verify`);
    expect(verifyResultSchema.parse(await ok.json()).shopName).toBe('Linden & Loom');

    await h.services.credentials.update(created.id, { secret: 'revoked-token' });
    const refused = await problemOf(await callApi(h, 'POST', `/api/config/credentials/${created.id}/verify`));
    expect(refused.code).toBe('CREDENTIALS_INVALID');
    expect((await h.services.credentials.get(created.id))?.status).toBe('invalid');
  });

  it('gets a new secret without retyping the rest; it is unverified until verified again', async () => {
    const h = await harness();
    const created = await submit(h, oauth({ clientSecret: 'old-secret-that-was-rotated' }));
    const response = await callApi(h, 'PATCH', `/api/config/credentials/${created.id}`, { secret: sandboxShop.clientSecret });
    expect(response.status).toBe(200);
    const updated = credentialViewSchema.parse(await response.json());
    expect(updated).toMatchObject({
      name: created.name,
      shopDomain: created.shopDomain,
      clientId: created.clientId,
      status: 'unverified',
      verifiedAt: null,
      secretHint: '••••loom',
    });
    expect(await h.services.credentials.readSecret(created.id)).toBe(sandboxShop.clientSecret);

    const verified = await callApi(h, 'POST', `/api/config/credentials/${created.id}/verify`);
    expect(verified.status).toBe(200);
    expect((await h.services.credentials.get(created.id))?.status).toBe('verified');
  });

  it('drops the cached Shopify token when its secret is replaced', async () => {
    const h = await harness();
    const active = (await h.services.settings.activation())?.credentialId ?? '';
    expect((await h.openCard({ phone: '+33612345678' })).status).toBe(200);
    h.sandbox.store.resetStats();
    await callApi(h, 'PATCH', `/api/config/credentials/${active}`, { secret: sandboxShop.clientSecret });
    expect((await h.openCard({ phone: '+33612345678' })).status).toBe(200);
    expect(h.sandbox.store.stats.tokenRequests).toBe(1);
  });

  it('is renamed alone, keeping its status', async () => {
    const h = await harness();
    const created = await submit(h, oauth());
    const updated = credentialViewSchema.parse(
      await (await callApi(h, 'PATCH', `/api/config/credentials/${created.id}`, { name: 'Main store' })).json(),
    );
    expect(updated).toMatchObject({ name: 'Main store', status: 'verified' });
  });

  it('refuses an empty change and an unknown id', async () => {
    const h = await harness();
    const created = await submit(h, oauth());
    expect((await problemOf(await callApi(h, 'PATCH', `/api/config/credentials/${created.id}`, {}))).code).toBe('BAD_REQUEST');
    expect((await problemOf(await callApi(h, 'PATCH', '/api/config/credentials/nope', { name: 'x' }))).code).toBe('NOT_FOUND');
  });

  it('is removed when the card does not use it', async () => {
    const h = await harness();
    const created = await submit(h, oauth());
    const response = await callApi(h, 'DELETE', `/api/config/credentials/${created.id}`);
    expect(response.status).toBe(204);
    expect(await h.services.credentials.get(created.id)).toBeNull();
    expect((await problemOf(await callApi(h, 'DELETE', `/api/config/credentials/${created.id}`))).code).toBe('NOT_FOUND');
  });

  it('is not removed while the card uses it, with the reason and the way out', async () => {
    const h = await harness();
    const active = (await h.services.settings.activation())?.credentialId ?? '';
    const response = await callApi(h, 'DELETE', `/api/config/credentials/${active}`);
    expect(response.status).toBe(409);
    const problem = await problemOf(response);
    expect(problem.code).toBe('CREDENTIAL_IN_USE');
    expect(problem.detail).toMatch(/deactivate/i);
    expect(await h.services.credentials.get(active)).not.toBeNull();
  });

  it('from the sandbox or the environment is removed only when not active', async () => {
    const h = await harness({ activate: false });
    const sandbox = await h.services.credentials.upsertFromSource('sandbox', {
      name: 'Sandbox store',
      kind: 'client_credentials',
      shopDomain: sandboxShop.domain,
      clientId: sandboxShop.clientId,
      secret: sandboxShop.clientSecret,
    });
    await h.services.settings.activate(sandbox.id, 'test');
    expect((await callApi(h, 'DELETE', `/api/config/credentials/${sandbox.id}`)).status).toBe(409);
    await h.services.settings.activate(null, 'test');
    expect((await callApi(h, 'DELETE', `/api/config/credentials/${sandbox.id}`)).status).toBe(204);
  });
});

describe('the scopes a credential was granted', () => {
  const overview = async (h: Harness) => configOverviewSchema.parse(await (await callApi(h, 'GET', '/api/config')).json());

  it('are kept from its last verification, so the list can say which required ones are missing', async () => {
    const granted = ['read_customers', 'write_orders', 'read_products'];
    const h = await harness({ sandbox: { grantedScopes: granted } });
    const created = await submit(h, oauth());
    expect(created.grantedScopes).toEqual(granted);
    const listed = (await overview(h)).credentials.find((c) => c.id === created.id);
    expect(listed?.grantedScopes).toEqual(granted);
    // write_orders grants read_orders: Shopify implies the one from the other.
    expect(missingScopes(listed?.grantedScopes ?? [], requiredScopes)).toEqual([
      'write_customers',
      'read_draft_orders',
      'write_draft_orders',
      'write_products',
    ]);
  });

  it('are forgotten when the secret is replaced, until it is verified again', async () => {
    const h = await harness();
    const created = await submit(h, oauth());
    expect(created.grantedScopes).toEqual(expect.arrayContaining([...requiredScopes]));
    await callApi(h, 'PATCH', `/api/config/credentials/${created.id}`, { secret: sandboxShop.clientSecret });
    expect((await overview(h)).credentials.find((c) => c.id === created.id)?.grantedScopes).toBeNull();
    await callApi(h, 'POST', `/api/config/credentials/${created.id}/verify`);
    expect((await overview(h)).credentials.find((c) => c.id === created.id)?.grantedScopes).toEqual(
      expect.arrayContaining([...requiredScopes]),
    );
  });

  it('are not counted missing when only their write scope was granted', async () => {
    const h = await harness({
      sandbox: { grantedScopes: ['write_customers', 'write_draft_orders', 'write_orders', 'write_products'] },
    });
    const result = verifyResultSchema.parse(await (await callApi(h, 'POST', '/api/config/verify-credentials', oauth())).json());
    expect(result.missingScopes).toEqual([]);
  });
});
