import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OrderRecord } from '../../../mocks/shopify/seed-model';
import type { ActionSettings, AuditPage } from '../../shared/actions';
import type { Role } from '../auth/tokens';
import { personas, startHarness, type Harness } from '../test/harness';

const orderGid = (order: OrderRecord) => `gid://shopify/Order/${order.id}`;
const lineGid = (id: number) => `gid://shopify/LineItem/${id}`;
const customerNumber = (key: keyof typeof personas) => Number(personas[key].id.split('/').pop());

/** What the API answers, as far as these tests read it. */
type Body = Record<string, unknown> & { code?: string; detail?: string; replayed?: boolean; allowed?: unknown[]; amount?: unknown };
const read = async (response: Response): Promise<Body> => (await response.json()) as Body;

let h: Harness;
let keyNumber = 0;
/** A fresh idempotency key, as the browser makes one per confirmed action. */
const newKey = () => `test-key-${String(++keyNumber).padStart(8, '0')}-${Date.now()}`;

function orderOf(key: keyof typeof personas, test: (order: OrderRecord) => boolean): OrderRecord {
  const order = h.sandbox.store.index.seed.orders.find((candidate) => candidate.customerId === customerNumber(key) && test(candidate));
  if (!order) throw new Error(`no such order for ${key}`);
  return order;
}
const paidOpen = (order: OrderRecord) =>
  order.financialStatus === 'PAID' &&
  ['OPEN', 'UNFULFILLED'].includes(order.fulfillmentStatus) &&
  order.cancelledAt === null &&
  order.lineItems.length > 1;

const allOn: ActionSettings = {
  enabled: { refund: true, cancel: true, orderTags: true, customerTags: true, orderNote: true, draftOrder: true },
  refundLimit: { amount: '1000.00', currencyCode: 'USD' },
};

async function saveSettings(settings: ActionSettings) {
  const current = await h.services.actionSettings.current();
  await h.services.actionSettings.save(settings, current.version, 'admin-1');
}

async function send(method: string, path: string, body?: unknown, role: Role = 'agent') {
  return h.app.request(path, {
    method,
    headers: { Authorization: `Bearer ${await h.token(role)}`, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** Mutations Shopify received, by operation name. */
const mutationsSent = () =>
  h.sandbox.store.stats.graphql.filter((request) =>
    ['ActionRefund', 'ActionCancel', 'ActionTagsAdd', 'ActionTagsRemove', 'ActionOrderNote', 'ActionDraftOrder'].includes(
      request.operationName ?? '',
    ),
  ).length;

async function audit(query = ''): Promise<AuditPage> {
  return (await (await send('GET', `/api/actions/audit${query}`, undefined, 'admin')).json()) as AuditPage;
}

beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

describe('who may act', () => {
  it('refuses every action to agents until an admin switches it on, and lets admins do all', async () => {
    const order = orderOf('margaret', paidOpen);
    const allowed = await read(await send('GET', '/api/actions/allowed'));
    expect(allowed).toEqual({ role: 'agent', allowed: [], refundLimit: null });
    const refused = await send('POST', '/api/actions/note', { orderId: orderGid(order), key: newKey(), note: 'Call first' });
    expect(refused.status).toBe(403);
    expect(await read(refused)).toMatchObject({ code: 'ACTION_DISABLED', detail: expect.stringContaining('Edit note is switched off') });
    expect(mutationsSent()).toBe(0);

    const byAdmin = await send('POST', '/api/actions/note', { orderId: orderGid(order), key: newKey(), note: 'Call first' }, 'admin');
    expect(byAdmin.status).toBe(200);
    expect(order.note).toBe('Call first');
    expect((await read(await send('GET', '/api/actions/allowed', undefined, 'admin'))).allowed).toHaveLength(6);
  });

  it('keeps the settings and the audit log for admins, with versions and conflicts', async () => {
    expect((await send('GET', '/api/actions/settings')).status).toBe(403);
    expect((await send('GET', '/api/actions/audit')).status).toBe(403);
    const first = await send('PUT', '/api/actions/settings', { settings: allOn, version: 0 }, 'admin');
    expect(await read(first)).toMatchObject({ version: 1, settings: allOn, savedBy: 'admin-1' });
    const stale = await send('PUT', '/api/actions/settings', { settings: allOn, version: 0 }, 'admin');
    expect(stale.status).toBe(409);
    expect((await read(stale)).code).toBe('CONFIG_CONFLICT');
    const view = await read(await send('GET', '/api/actions/settings', undefined, 'admin'));
    expect(view).toMatchObject({ version: 1, shopCurrency: 'USD' });
    const noLimit = await send('PUT', '/api/actions/settings', { settings: { ...allOn, refundLimit: null }, version: 1 }, 'admin');
    expect(noLimit.status).toBe(400);
    expect(await read(noLimit)).toMatchObject({ errors: [{ path: 'settings.refundLimit' }] });
  });
});

describe('refunds', () => {
  it('previews Shopify’s suggested refund in the order’s currency, and refunds one line within the limit', async () => {
    await saveSettings(allOn);
    const order = orderOf('margaret', paidOpen);
    const line = order.lineItems[0] as OrderRecord['lineItems'][number];
    const selection = {
      orderId: orderGid(order),
      lines: [{ lineItemId: lineGid(line.id), quantity: 1 }],
      wholeOrder: false,
      shipping: false,
    };
    const preview = await read(await send('POST', '/api/actions/refund/preview', selection));
    expect(preview).toMatchObject({
      orderName: order.name,
      amount: { amount: (line.unitPrice / 100).toFixed(2), currencyCode: order.currency },
      allowed: true,
      refusal: null,
    });
    const key = newKey();
    const done = await send('POST', '/api/actions/refund', {
      ...selection,
      key,
      restock: true,
      notify: false,
      context: { conversationId: 'conv-7', host: 'infobip' },
    });
    expect(done.status).toBe(200);
    expect(await read(done)).toMatchObject({ action: 'refund', replayed: false, message: expect.stringContaining(order.name) });
    expect(order.financialStatus).toBe('PARTIALLY_REFUNDED');
    const [entry] = (await audit()).entries;
    expect(entry).toMatchObject({
      actor: 'agent-1',
      role: 'agent',
      action: 'refund',
      orderName: order.name,
      amount: preview.amount,
      summary: `1 × ${line.title}, restock`,
      conversationId: 'conv-7',
      host: 'infobip',
      result: 'succeeded',
      idempotencyKey: key,
    });
  });

  it('refuses an agent over the limit, naming it, and lets an admin refund the same', async () => {
    await saveSettings({ ...allOn, refundLimit: { amount: '5.00', currencyCode: 'USD' } });
    const order = orderOf('margaret', paidOpen);
    const selection = { orderId: orderGid(order), lines: [], wholeOrder: true, shipping: true };
    const preview = await read(await send('POST', '/api/actions/refund/preview', selection));
    expect(preview).toMatchObject({ allowed: false, refusal: expect.stringContaining('limited to 5.00 USD') });
    const refused = await send('POST', '/api/actions/refund', { ...selection, key: newKey(), restock: false, notify: false });
    expect(refused.status).toBe(403);
    expect(await read(refused)).toMatchObject({ code: 'ACTION_LIMIT', detail: expect.stringContaining('5.00 USD') });
    expect(mutationsSent()).toBe(0);
    expect(order.financialStatus).toBe('PAID');
    expect((await audit('?result=refused')).entries[0]).toMatchObject({ errorCode: 'ACTION_LIMIT', amount: preview.amount });

    const byAdmin = await send('POST', '/api/actions/refund', { ...selection, key: newKey(), restock: false, notify: false }, 'admin');
    expect(byAdmin.status).toBe(200);
    expect(order.financialStatus).toBe('REFUNDED');
  });

  it('refuses a refund of an order refunded already, before Shopify’s mutation', async () => {
    await saveSettings(allOn);
    const order = orderOf('margaret', (candidate) => candidate.financialStatus === 'REFUNDED');
    const refused = await send('POST', '/api/actions/refund', {
      orderId: orderGid(order),
      lines: [],
      wholeOrder: true,
      shipping: true,
      key: newKey(),
      restock: false,
      notify: false,
    });
    expect(refused.status).toBe(409);
    expect(await read(refused)).toMatchObject({
      code: 'ACTION_NOT_ALLOWED_FOR_ORDER',
      detail: `${order.name} is refunded in full already: nothing is left to refund.`,
    });
    expect(mutationsSent()).toBe(0);
  });
});

describe('idempotency', () => {
  it('answers a replayed refund with the first outcome, refunding once, and refuses the key for another request', async () => {
    await saveSettings(allOn);
    const order = orderOf('margaret', paidOpen);
    const line = order.lineItems[0] as OrderRecord['lineItems'][number];
    const request = {
      orderId: orderGid(order),
      lines: [{ lineItemId: lineGid(line.id), quantity: 1 }],
      wholeOrder: false,
      shipping: false,
      key: newKey(),
      restock: false,
      notify: false,
    };
    const first = await read(await send('POST', '/api/actions/refund', request));
    const again = await read(await send('POST', '/api/actions/refund', request));
    expect(again).toEqual({ ...first, replayed: true });
    expect(order.refunds).toHaveLength(1);
    expect(mutationsSent()).toBe(1);

    const other = await send('POST', '/api/actions/refund', { ...request, shipping: true });
    expect(other.status).toBe(422);
    expect((await read(other)).code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(order.refunds).toHaveLength(1);
  });

  it('runs two concurrent requests with one key once: the other gets the first outcome', async () => {
    await saveSettings(allOn);
    const order = orderOf('margaret', paidOpen);
    const request = { orderId: orderGid(order), lines: [], wholeOrder: true, shipping: true, key: newKey(), restock: false, notify: false };
    const answers = await Promise.all([send('POST', '/api/actions/refund', request), send('POST', '/api/actions/refund', request)]);
    const bodies = await Promise.all(answers.map(read));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    expect(bodies.map((body) => body.replayed).sort()).toEqual([false, true]);
    expect(order.refunds).toHaveLength(1);
    expect(order.financialStatus).toBe('REFUNDED');
    expect((await audit('?action=refund')).entries.filter((entry) => entry.result === 'succeeded')).toHaveLength(1);
  });

  it('sends a refund retried after Shopify failed with the same key, and Shopify refunds once', async () => {
    await saveSettings(allOn);
    const order = orderOf('margaret', paidOpen);
    const request = { orderId: orderGid(order), lines: [], wholeOrder: true, shipping: true, key: newKey(), restock: false, notify: false };
    h.sandbox.store.injectFault({ status: 503, times: 10 });
    const failed = await send('POST', '/api/actions/refund', request);
    expect(failed.status).toBeGreaterThanOrEqual(502);
    expect((await read(failed)).code).toMatch(/^SHOPIFY_/);
    h.sandbox.store.clearFaults();
    expect((await send('POST', '/api/actions/refund', request)).status).toBe(200);
    expect(order.refunds).toHaveLength(1);
    expect((await audit()).entries.map((entry) => entry.result)).toEqual(['succeeded', 'failed']);
  });
});

describe('cancel, tags, note and draft orders', () => {
  it('cancels an open order with its reason, and refuses a fulfilled or cancelled one in words', async () => {
    await saveSettings(allOn);
    const order = orderOf('margaret', paidOpen);
    const cancel = (orderId: string) =>
      send('POST', '/api/actions/cancel', { orderId, key: newKey(), reason: 'CUSTOMER', restock: true, refund: true, notify: false });
    expect((await cancel(orderGid(order))).status).toBe(200);
    expect(order.cancelledAt).not.toBeNull();
    expect(order.cancelReason).toBe('CUSTOMER');
    const again = await cancel(orderGid(order));
    expect(again.status).toBe(409);
    expect((await read(again)).detail).toMatch(/was cancelled already/);
    const fulfilled = orderOf('margaret', (candidate) => candidate.fulfillmentStatus === 'FULFILLED' && candidate.cancelledAt === null);
    const refused = await cancel(orderGid(fulfilled));
    expect(await read(refused)).toMatchObject({
      code: 'ACTION_NOT_ALLOWED_FOR_ORDER',
      detail: expect.stringContaining('fulfilled items'),
    });
    expect(mutationsSent()).toBe(1);
  });

  it('adds and removes tags on the order and its customer, never on another customer', async () => {
    await saveSettings({ ...allOn, enabled: { ...allOn.enabled, customerTags: false } });
    const order = orderOf('margaret', paidOpen);
    const added = await send('POST', '/api/actions/tags', {
      target: { kind: 'order', id: orderGid(order) },
      orderId: orderGid(order),
      key: newKey(),
      add: ['vip'],
      remove: [],
    });
    expect(added.status).toBe(200);
    expect(order.tags).toContain('vip');
    const onCustomer = await send('POST', '/api/actions/tags', {
      target: { kind: 'customer', id: personas.margaret.id },
      orderId: orderGid(order),
      key: newKey(),
      add: ['vip'],
      remove: [],
    });
    expect((await read(onCustomer)).code).toBe('ACTION_DISABLED');
    await saveSettings(allOn);
    const elsewhere = await send('POST', '/api/actions/tags', {
      target: { kind: 'customer', id: personas.oliver.id },
      orderId: orderGid(order),
      key: newKey(),
      add: ['vip'],
      remove: [],
    });
    expect(elsewhere.status).toBe(400);
    const removed = await send('POST', '/api/actions/tags', {
      target: { kind: 'order', id: orderGid(order) },
      orderId: orderGid(order),
      key: newKey(),
      add: [],
      remove: ['vip'],
    });
    expect(removed.status).toBe(200);
    expect(order.tags).not.toContain('vip');
  });

  it('creates a draft order with its invoice link, once per key', async () => {
    await saveSettings(allOn);
    const order = orderOf('margaret', paidOpen);
    const request = { orderId: orderGid(order), key: newKey() };
    const created = await read(await send('POST', '/api/actions/draft-order', request));
    expect(created).toMatchObject({ invoiceUrl: expect.stringMatching(/^https:\/\//), draftOrderName: expect.stringMatching(/^#D/) });
    expect(await read(await send('POST', '/api/actions/draft-order', request))).toEqual({ ...created, replayed: true });
    expect(mutationsSent()).toBe(1);
  });

  it('answers an order Shopify does not have with NOT_FOUND, sending no mutation', async () => {
    await saveSettings(allOn);
    const order = orderOf('margaret', paidOpen);
    const request = { orderId: orderGid(order), key: newKey(), note: 'Gift wrap' };
    h.sandbox.store.index.ordersById.delete(order.id);
    const missing = await send('POST', '/api/actions/note', request);
    expect(missing.status).toBe(404);
    expect(mutationsSent()).toBe(0);
  });

  it('gives the card a fresh order after an action', async () => {
    await h.close();
    h = await startHarness({ cache: { freshMs: 60_000, revalidateMs: 120_000, keepMs: 3_600_000 } });
    await saveSettings(allOn);
    const order = orderOf('margaret', paidOpen);
    const details = async () =>
      (await (await h.post('/api/card/order', { orderId: orderGid(order) })).json()) as { fields: Record<string, unknown> };
    // The default order details show the order's refunds: none yet, then the one just made.
    expect((await details()).fields['order.refunds']).toEqual([]);
    await send('POST', '/api/actions/refund', {
      orderId: orderGid(order),
      lines: [],
      wholeOrder: true,
      shipping: true,
      key: newKey(),
      restock: false,
      notify: false,
    });
    expect((await details()).fields['order.refunds']).toEqual([
      expect.objectContaining({ amount: { amount: '153.60', currencyCode: 'EUR' } }),
    ]);
  });
});
