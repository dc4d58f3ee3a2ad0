import { afterEach, describe, expect, it } from 'vitest';
import { sandboxShop } from '../../../../mocks/shopify/store';
import { configOverviewSchema, savedMappingSchema } from '../../../shared/config-wire';
import { defaultFieldMapping, type FieldMapping } from '../../../shared/mapping';
import { cardResponseSchema } from '../../../shared/wire';
import { signToken } from '../../auth/tokens';
import { callApi, problemOf } from '../../test/config-api';
import { startHarness, testClock, testSecret, type Harness, type HarnessOptions } from '../../test/harness';

let running: Harness[] = [];
afterEach(async () => {
  await Promise.all(running.map((h) => h.close()));
  running = [];
});

async function harness(options: HarnessOptions = {}): Promise<Harness> {
  const h = await startHarness(options);
  running.push(h);
  return h;
}

const mapping: FieldMapping = {
  orderCard: ['order.name', 'order.totalPrice'],
  orderDetails: ['order.lineItems', 'order.tracking', 'order.note'],
  customerDetails: ['customer.email', 'customer.tags', 'customer.createdAt', 'customer.state'],
};

describe('who may use the configuration API', () => {
  const routes: [method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown][] = [
    ['GET', '/api/config'],
    ['POST', '/api/config/verify-credentials', { kind: 'client_credentials', name: 'x', shop: 'acme', clientId: 'a', clientSecret: 'b' }],
    ['POST', '/api/config/credentials', { kind: 'client_credentials', name: 'x', shop: 'acme', clientId: 'a', clientSecret: 'b' }],
    ['POST', '/api/config/credentials/some-id/verify'],
    ['PATCH', '/api/config/credentials/some-id', { name: 'x' }],
    ['DELETE', '/api/config/credentials/some-id'],
    ['PUT', '/api/config/activation', { credentialId: null }],
    ['PUT', '/api/config/mapping', { version: 1, mapping: defaultFieldMapping }],
    ['PUT', '/api/config/draft', { version: 1, lists: { ...defaultFieldMapping } }],
    ['DELETE', '/api/config/draft'],
  ];

  it.each(routes)('refuses an agent token on %s %s with 403 FORBIDDEN, changing nothing', async (method, path, body) => {
    const h = await harness();
    const before = {
      credentials: await h.services.credentials.list(),
      activation: await h.services.settings.activation(),
      mapping: await h.services.settings.mapping(),
    };
    const response = await callApi(h, method, path, body, 'agent');
    expect(response.status).toBe(403);
    expect(await problemOf(response)).toMatchObject({ code: 'FORBIDDEN', detail: 'Admins only.' });
    expect({
      credentials: await h.services.credentials.list(),
      activation: await h.services.settings.activation(),
      mapping: await h.services.settings.mapping(),
    }).toEqual(before);
  });

  it('refuses a call without a token with 401', async () => {
    const h = await harness();
    const response = await h.app.request('/api/config/activation', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: '{"credentialId":null}',
    });
    expect(response.status).toBe(401);
  });

  it('never sends a secret, and asks not to be cached', async () => {
    const h = await harness();
    const response = await callApi(h, 'GET', '/api/config');
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    const text = await response.text();
    expect(text).not.toContain(sandboxShop.clientSecret);
    expect(configOverviewSchema.parse(JSON.parse(text)).credentials[0]?.secretHint).toBe('••••loom');
  });
});

describe('activation of the Shopify Conversations Block', () => {
  it('activates a credential, recording who did it, and the card works with it', async () => {
    const h = await harness({ activate: false });
    const credential = (await h.services.credentials.list())[0];
    expect(cardResponseSchema.parse(await (await h.openCard({ phone: '+33612345678' })).json()).state).toBe('configuration_pending');

    const response = await callApi(h, 'PUT', '/api/config/activation', { credentialId: credential?.id });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ credentialId: credential?.id, changedBy: 'admin-1' });
    expect(cardResponseSchema.parse(await (await h.openCard({ phone: '+33612345678' })).json()).state).toBe('matched');
  });

  it('deactivates: agents see Configuration Pending naming the credential as missing', async () => {
    const h = await harness();
    expect((await callApi(h, 'PUT', '/api/config/activation', { credentialId: null })).status).toBe(200);
    const card = cardResponseSchema.parse(await (await h.openCard({ phone: '+33612345678' })).json());
    expect(card).toMatchObject({ state: 'configuration_pending', missing: ['credential'] });
  });

  it('refuses an unknown credential with 404', async () => {
    const h = await harness();
    const response = await callApi(h, 'PUT', '/api/config/activation', { credentialId: 'no-such-credential' });
    expect(response.status).toBe(404);
    expect(await problemOf(response)).toMatchObject({ code: 'NOT_FOUND', errors: [{ path: 'credentialId' }] });
  });
});

describe('saving the field mapping', () => {
  it('saves a new version with who and when; later card opens show exactly the new fields', async () => {
    const h = await harness();
    const response = await callApi(h, 'PUT', '/api/config/mapping', { version: 1, mapping });
    expect(response.status).toBe(200);
    const saved = savedMappingSchema.parse(await response.json());
    expect(saved).toMatchObject({ version: 2, mapping, savedBy: 'admin-1' });
    expect(Date.parse(saved.savedAt)).not.toBeNaN();

    const card = cardResponseSchema.parse(await (await h.openCard({ phone: '+33612345678' })).json());
    if (card.state !== 'matched') throw new Error(`expected a match, got ${card.state}`);
    expect(card.mapping).toEqual(mapping);
    expect(Object.keys(card.orders.nodes[0]?.fields ?? {}).sort()).toEqual(['order.name', 'order.totalPrice']);
    expect(Object.keys(card.customer.fields).sort()).toEqual([...mapping.customerDetails].sort());
  });

  it('saves the first mapping over version 0', async () => {
    const h = await harness({ mapping: null });
    const saved = savedMappingSchema.parse(await (await callApi(h, 'PUT', '/api/config/mapping', { version: 0, mapping })).json());
    expect(saved.version).toBe(1);
  });

  it('answers the second of two admins who edited the same version with 409 CONFIG_CONFLICT, keeping the first save', async () => {
    const h = await harness();
    expect((await callApi(h, 'PUT', '/api/config/mapping', { version: 1, mapping })).status).toBe(200);
    const second = await callApi(h, 'PUT', '/api/config/mapping', { version: 1, mapping: defaultFieldMapping });
    expect(second.status).toBe(409);
    expect(await problemOf(second)).toMatchObject({ code: 'CONFIG_CONFLICT', detail: expect.stringMatching(/reload/i) });
    expect(await h.services.settings.mapping()).toMatchObject({ version: 2, mapping });
  });
});

describe('bad bodies', () => {
  const save = (h: Harness, body: unknown) => callApi(h, 'PUT', '/api/config/mapping', body);
  const withMapping = (change: Partial<Record<keyof FieldMapping, string[]>>) => ({
    version: 1,
    mapping: { ...defaultFieldMapping, ...change },
  });

  it('refuses an unknown field key, naming where it is', async () => {
    const h = await harness();
    const problem = await problemOf(await save(h, withMapping({ orderDetails: ['order.name', 'order.secretSauce', 'order.note'] })));
    expect(problem.code).toBe('BAD_REQUEST');
    expect(problem.errors).toEqual([{ path: 'mapping.orderDetails.1', message: 'Unknown order field' }]);
  });

  it('refuses a customer field among the order fields', async () => {
    const h = await harness();
    const problem = await problemOf(await save(h, withMapping({ orderCard: ['order.name', 'customer.email'] })));
    expect(problem.errors).toEqual([{ path: 'mapping.orderCard.1', message: 'Unknown order field' }]);
  });

  it('refuses four order-card fields', async () => {
    const h = await harness();
    const problem = await problemOf(
      await save(h, withMapping({ orderCard: ['order.name', 'order.createdAt', 'order.totalPrice', 'order.note'] })),
    );
    expect(problem.errors).toEqual([{ path: 'mapping.orderCard', message: 'Order card information takes at most 3 fields' }]);
  });

  it('refuses the same field twice in one list', async () => {
    const h = await harness();
    const problem = await problemOf(
      await save(h, withMapping({ customerDetails: ['customer.email', 'customer.phone', 'customer.email'] })),
    );
    expect(problem.errors).toEqual([{ path: 'mapping.customerDetails', message: 'Customer details information lists a field twice' }]);
  });

  it('refuses fewer than three detail fields', async () => {
    const h = await harness();
    const problem = await problemOf(await save(h, withMapping({ orderDetails: ['order.name', 'order.note'] })));
    expect(problem.errors).toEqual([{ path: 'mapping.orderDetails', message: 'Order details information needs at least 3 fields' }]);
  });

  it('refuses a missing or negative version', async () => {
    const h = await harness();
    expect((await problemOf(await save(h, { mapping: defaultFieldMapping }))).errors?.[0]?.path).toBe('version');
    expect((await problemOf(await save(h, { version: -1, mapping: defaultFieldMapping }))).errors?.[0]?.path).toBe('version');
  });

  it('refuses a body that is not JSON, or not sent as JSON', async () => {
    const h = await harness();
    expect(await problemOf(await save(h, '{"version": 1,'))).toMatchObject({ code: 'BAD_REQUEST', detail: 'The body is not valid JSON.' });
    const plain = await h.app.request('/api/config/mapping', {
      method: 'PUT',
      headers: { Authorization: `Bearer ${await h.token('admin')}`, 'Content-Type': 'text/plain' },
      body: JSON.stringify({ version: 1, mapping: defaultFieldMapping }),
    });
    expect(await problemOf(plain)).toMatchObject({ code: 'BAD_REQUEST', detail: 'Send the body as application/json.' });
  });

  it('refuses a huge payload with 413 before reading it', async () => {
    const h = await harness();
    const huge = { version: 1, mapping: { ...defaultFieldMapping, orderDetails: Array.from({ length: 5_000 }, () => 'order.note') } };
    const response = await save(h, huge);
    expect(response.status).toBe(413);
    expect(await problemOf(response)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    const credential = await callApi(h, 'POST', '/api/config/credentials', {
      kind: 'client_credentials',
      name: 'x',
      shop: 'acme',
      clientId: 'a',
      clientSecret: 'b'.repeat(20_000),
    });
    expect(credential.status).toBe(413);
    expect((await h.services.settings.mapping())?.version).toBe(1);
  });
});

describe('an admin’s unsaved field changes', () => {
  const draft = {
    version: 1,
    lists: {
      orderCard: ['order.name', null],
      orderDetails: ['order.note', 'order.tags', 'order.lineItems'],
      customerDetails: ['customer.email', 'customer.phone', 'customer.note'],
    },
  };
  const overviewOf = async (h: Harness, sub = 'admin-1') => {
    const token = await signToken(testSecret, { sub, role: 'admin' });
    const response = await h.app.request('/api/config', { headers: { Authorization: `Bearer ${token}` } });
    return configOverviewSchema.parse(await response.json());
  };

  it('are kept for the admin who made them, and for no one else', async () => {
    const h = await harness();
    expect((await overviewOf(h)).draft).toBeNull();
    expect((await callApi(h, 'PUT', '/api/config/draft', draft)).status).toBe(204);
    expect((await overviewOf(h)).draft).toMatchObject(draft);
    expect(Date.parse((await overviewOf(h)).draft?.changedAt ?? '')).not.toBeNaN();
    expect((await overviewOf(h, 'admin-2')).draft).toBeNull();

    const edited = { ...draft, lists: { ...draft.lists, orderCard: ['order.name', 'order.tags'] } };
    await callApi(h, 'PUT', '/api/config/draft', edited);
    expect((await overviewOf(h)).draft).toMatchObject(edited);
  });

  it('go when the admin discards them, or saves the mapping', async () => {
    const h = await harness();
    await callApi(h, 'PUT', '/api/config/draft', draft);
    expect((await callApi(h, 'DELETE', '/api/config/draft')).status).toBe(204);
    expect((await overviewOf(h)).draft).toBeNull();

    await callApi(h, 'PUT', '/api/config/draft', draft);
    expect((await callApi(h, 'PUT', '/api/config/mapping', { version: 1, mapping })).status).toBe(200);
    expect((await overviewOf(h)).draft).toBeNull();
  });

  it('are forgotten after a week', async () => {
    const clock = testClock();
    const h = await harness({ clock });
    await callApi(h, 'PUT', '/api/config/draft', draft);
    clock.advance(7 * 86_400_000 + 1);
    expect((await overviewOf(h)).draft).toBeNull();
  });

  it('refuse a draft that is not one, keeping the last', async () => {
    const h = await harness();
    await callApi(h, 'PUT', '/api/config/draft', draft);
    for (const bad of [
      { version: -1, lists: draft.lists },
      { version: 1 },
      { version: 1, lists: { ...draft.lists, orderCard: Array(51).fill('order.name') } },
    ]) {
      const response = await callApi(h, 'PUT', '/api/config/draft', bad);
      expect(response.status).toBe(400);
      expect(await problemOf(response)).toMatchObject({ code: 'BAD_REQUEST' });
    }
    expect((await overviewOf(h)).draft).toMatchObject(draft);
  });
});
