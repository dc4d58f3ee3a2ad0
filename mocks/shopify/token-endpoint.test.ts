import { describe, expect, it } from 'vitest';
import { sandboxShop } from './store';
import { createTestStore, graphql, requestToken, validGrant } from './test-support';

const shopQuery = '{ shop { name } }';

describe('the token endpoint', () => {
  it('issues a 24-hour token for a form-encoded client credentials grant', async () => {
    const store = createTestStore();
    const answer = await requestToken(store, validGrant);
    expect(answer.status).toBe(200);
    expect(answer.body.access_token).toMatch(/^[0-9a-f]{32}$/);
    expect(answer.body.expires_in).toBe(86399);
    expect(String(answer.body.scope).split(',')).toEqual(expect.arrayContaining(['read_customers', 'read_orders', 'read_all_orders']));
    expect((await graphql(store, shopQuery, {}, { token: String(answer.body.access_token) })).status).toBe(200);
  });

  it('accepts the same grant as a JSON body, as Shopify’s libraries send it', async () => {
    const store = createTestStore();
    const answer = await requestToken(store, validGrant, { json: true });
    expect(answer.status).toBe(200);
    expect(typeof answer.body.access_token).toBe('string');
  });

  it('issues a different token on every request', async () => {
    const store = createTestStore();
    const first = await requestToken(store, validGrant);
    const second = await requestToken(store, validGrant);
    expect(first.body.access_token).not.toBe(second.body.access_token);
  });

  it('refuses a wrong client secret with an OAuth invalid_client error', async () => {
    const store = createTestStore();
    const answer = await requestToken(store, { ...validGrant, client_secret: 'wrong' });
    expect(answer).toEqual({
      status: 400,
      body: {
        error: 'invalid_client',
        error_description:
          'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.',
      },
    });
  });

  it('refuses an unknown client id the same way', async () => {
    const store = createTestStore();
    expect((await requestToken(store, { ...validGrant, client_id: 'someone-else' })).body.error).toBe('invalid_client');
  });

  it('answers invalid_request without a grant type and unsupported_grant_type for another one', async () => {
    const store = createTestStore();
    const { grant_type: _omitted, ...withoutGrant } = validGrant;
    expect(await requestToken(store, withoutGrant)).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
    expect(await requestToken(store, { ...validGrant, grant_type: 'authorization_code' })).toMatchObject({
      status: 400,
      body: { error: 'unsupported_grant_type' },
    });
  });

  it('answers shop_not_permitted when the app and the store are in different organizations', async () => {
    const store = createTestStore({ shopNotPermitted: true });
    expect(await requestToken(store, validGrant)).toEqual({
      status: 400,
      body: { error: 'shop_not_permitted', error_description: 'Client credentials cannot be performed on this shop.' },
    });
  });

  it('lets a token expire 24 hours after it was issued, by the store’s clock', async () => {
    let now = Date.parse('2026-06-15T09:00:00Z');
    const store = createTestStore({ clock: () => now });
    const token = String((await requestToken(store, validGrant)).body.access_token);

    now += 24 * 3600_000 - 60_000;
    expect((await graphql(store, shopQuery, {}, { token })).status).toBe(200);

    now += 60_000;
    const expired = await graphql(store, shopQuery, {}, { token });
    expect(expired.status).toBe(401);
    expect(expired.body).toEqual({ errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' });
  });

  it('counts token requests', async () => {
    const store = createTestStore();
    await requestToken(store, validGrant);
    await requestToken(store, { ...validGrant, client_secret: 'wrong' });
    expect(store.stats.tokenRequests).toBe(2);
    store.resetStats();
    expect(store.stats.tokenRequests).toBe(0);
  });
});

describe('authentication of GraphQL requests', () => {
  it('answers 401 with Shopify’s body for an unknown token', async () => {
    const store = createTestStore();
    const answer = await graphql(store, shopQuery, {}, { token: 'not-a-token' });
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({ errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' });
  });

  it('answers 401 when no token is sent at all', async () => {
    const store = createTestStore();
    expect((await graphql(store, shopQuery, {}, { token: '' })).status).toBe(401);
  });

  it('accepts the legacy Admin API access token, which never expires', async () => {
    let now = Date.parse('2026-06-15T09:00:00Z');
    const store = createTestStore({ clock: () => now });
    now += 400 * 24 * 3600_000;
    const answer = await graphql(store, shopQuery, {}, { token: sandboxShop.accessToken });
    expect(answer.status).toBe(200);
    expect(answer.body.data).toEqual({ shop: { name: 'Linden & Loom' } });
  });

  it('answers 401 for a client secret sent as if it were a token', async () => {
    const store = createTestStore();
    expect((await graphql(store, shopQuery, {}, { token: sandboxShop.clientSecret })).status).toBe(401);
  });

  it('rejects tokens once revoked, but keeps the legacy token', async () => {
    const store = createTestStore();
    const token = store.issueAccessToken();
    store.revokeAccessTokens();
    expect((await graphql(store, shopQuery, {}, { token })).status).toBe(401);
    expect((await graphql(store, shopQuery)).status).toBe(200);
  });
});

describe('shops', () => {
  it('answers 404 on both endpoints for a request naming another shop', async () => {
    const store = createTestStore();
    const elsewhere = { 'x-shopify-shop-domain': 'another-shop.myshopify.com' };
    const token = await requestToken(store, validGrant, { headers: elsewhere });
    expect(token).toEqual({ status: 404, body: { errors: 'Not Found' } });
    const answer = await graphql(store, shopQuery, {}, { headers: elsewhere });
    expect(answer.status).toBe(404);
    expect(answer.body).toEqual({ errors: 'Not Found' });
  });

  it('serves the sandbox shop when the request names it, in any case', async () => {
    const store = createTestStore();
    const answer = await graphql(
      store,
      '{ shop { myshopifyDomain } }',
      {},
      {
        headers: { 'x-shopify-shop-domain': 'Linden-and-Loom.myshopify.com' },
      },
    );
    expect(answer.body.data).toEqual({ shop: { myshopifyDomain: 'linden-and-loom.myshopify.com' } });
  });
});
