import { randomUUID } from 'node:crypto';
import { personas } from '../mocks/shopify/personas';
import { startSandboxStore, type RunningSandboxStore } from '../mocks/shopify/store';
import { signToken } from '../src/server/auth/tokens';
import { MAX_REQUESTED_COST } from './cost';
import { benchSecret, cardOpenHeaders, createBenchBff, noCache } from './lib/bff';
import type { Figure, Line } from './lib/report';
import { distDir } from './weight';

type Cost = { requests: number; requested: number; actual: number; largestRequested: number; operations: string[] };
type App = Awaited<ReturnType<typeof createBenchBff>>['app'];

/** Sends one BFF call, which must succeed, and reads what it cost from the sandbox store's accounting. */
function meter(sandbox: RunningSandboxStore, app: App, token: string) {
  return async (path: string, body: unknown): Promise<{ answer: Record<string, unknown>; cost: Cost }> => {
    const { stats } = sandbox.store;
    const from = stats.graphql.length;
    const response = await app.request(path, { method: 'POST', headers: cardOpenHeaders(token), body: JSON.stringify(body) });
    const answer = (await response.json()) as Record<string, unknown>;
    if (!response.ok) throw new Error(`${path} answered ${response.status}: ${JSON.stringify(answer)}`);
    const records = stats.graphql.slice(from);
    return {
      answer,
      cost: {
        requests: records.length,
        requested: records.reduce((sum, record) => sum + (record.requestedQueryCost ?? 0), 0),
        actual: records.reduce((sum, record) => sum + (record.actualQueryCost ?? 0), 0),
        largestRequested: Math.max(0, ...records.map((record) => record.requestedQueryCost ?? 0)),
        operations: records.map((record) => record.operationName ?? '(anonymous)'),
      },
    };
  };
}

type ActionOrder = { id: string; lines: { id: string }[]; tags: string[]; customer: { id: string } | null };

/**
 * Figure `actions`: what each order action costs at Shopify, as the BFF makes it (an admin, so that no switch
 * or limit stands in the way): the dialog's read of the order, Shopify's suggested refund, then each confirmed
 * action, whose budget is what the README promises (one query, then one mutation; a whole-order refund without
 * its shipping asks for the suggested refund twice, and so does a cancellation that refunds; tags added and removed at once are two mutations).
 */
export async function actionsFigure(): Promise<Figure> {
  const sandbox = await startSandboxStore({ port: 0, bucket: { maximumAvailable: 1e12, restoreRate: 1e12 } });
  try {
    const { app } = await createBenchBff({ sandboxOrigin: sandbox.origin, cache: noCache, distDir, logLevel: 'silent' });
    const call = meter(sandbox, app, await signToken(benchSecret, { sub: 'bench-admin', role: 'admin' }, 60 * 60));
    const opened = await call('/api/card', { phone: personas.amelie.phone });
    const customerId = (opened.answer.customer as { id: string } | undefined)?.id;
    if (!customerId) throw new Error('The shopper was not found');

    // Fresh orders, paid and not fulfilled, placed through the sandbox store's controls (no Shopify request).
    const place = async (): Promise<string> => {
      const placed = await fetch(`${sandbox.origin}/sandbox/customers/${encodeURIComponent(customerId)}/orders`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ payment: 'paid' }),
      });
      if (placed.status !== 201) throw new Error(`The sandbox store placed no order: ${placed.status} ${await placed.text()}`);
      return ((await placed.json()) as { order: { id: string } }).order.id;
    };
    const read = async (orderId: string) => {
      const { answer, cost } = await call('/api/actions/order', { orderId });
      return { order: answer as unknown as ActionOrder, cost };
    };
    const key = () => randomUUID();

    const lineOrder = await read(await place());
    const firstLine = lineOrder.order.lines[0];
    if (!firstLine) throw new Error('The placed order has no line');
    const oneLine = { orderId: lineOrder.order.id, lines: [{ lineItemId: firstLine.id, quantity: 1 }], wholeOrder: false, shipping: false };
    const preview = (await call('/api/actions/refund/preview', oneLine)).cost;
    const refundLine = (await call('/api/actions/refund', { ...oneLine, key: key(), restock: true, notify: false })).cost;

    const wholeOrderId = await place();
    const whole = { orderId: wholeOrderId, lines: [], wholeOrder: true, shipping: false };
    const wholePreview = (await call('/api/actions/refund/preview', whole)).cost;
    const refundWhole = (await call('/api/actions/refund', { ...whole, key: key(), restock: true, notify: false })).cost;

    const cancel = (
      await call('/api/actions/cancel', {
        orderId: await place(),
        key: key(),
        reason: 'CUSTOMER',
        restock: true,
        refund: true,
        notify: false,
      })
    ).cost;

    const cancelKept = (
      await call('/api/actions/cancel', {
        orderId: await place(),
        key: key(),
        reason: 'CUSTOMER',
        restock: true,
        refund: false,
        notify: false,
      })
    ).cost;

    const tagged = (await read(await place())).order;
    const orderTarget = { target: { kind: 'order', id: tagged.id }, orderId: tagged.id };
    const addTag = (await call('/api/actions/tags', { ...orderTarget, key: key(), add: ['bench-tag'], remove: [] })).cost;
    const removeTag = (await call('/api/actions/tags', { ...orderTarget, key: key(), add: [], remove: ['bench-tag'] })).cost;
    const addAndRemove = (await call('/api/actions/tags', { ...orderTarget, key: key(), add: ['bench-new'], remove: ['bench-new-old'] }))
      .cost;
    const customerTag = (
      await call('/api/actions/tags', {
        target: { kind: 'customer', id: customerId },
        orderId: tagged.id,
        key: key(),
        add: ['bench-vip'],
        remove: [],
      })
    ).cost;
    const note = (await call('/api/actions/note', { orderId: tagged.id, key: key(), note: 'Call before delivery.' })).cost;
    const draftOrder = (await call('/api/actions/draft-order', { orderId: tagged.id, key: key() })).cost;

    const rows: { name: string; cost: Cost; most: number }[] = [
      { name: 'dialog opens: the order read', cost: lineOrder.cost, most: 1 },
      { name: 'refund preview, one line', cost: preview, most: 1 },
      { name: 'refund preview, whole order without shipping', cost: wholePreview, most: 2 },
      { name: 'Refund, one line', cost: refundLine, most: 2 },
      { name: 'Refund, whole order without shipping', cost: refundWhole, most: 3 },
      // A cancellation that refunds reads Shopify's suggested refund too: its amount counts against the agents' limit.
      { name: 'Cancel order, with its refund', cost: cancel, most: 3 },
      { name: 'Cancel order, no refund', cost: cancelKept, most: 2 },
      { name: 'Add tag (order)', cost: addTag, most: 2 },
      { name: 'Remove tag (order)', cost: removeTag, most: 2 },
      { name: 'Add and remove tags at once (order)', cost: addAndRemove, most: 3 },
      { name: 'Add tag (customer)', cost: customerTag, most: 2 },
      { name: 'Edit note', cost: note, most: 2 },
      { name: 'Create draft order', cost: draftOrder, most: 2 },
    ];
    const lines: Line[] = rows.map(({ name, cost, most }) => ({
      label: `${name}: Shopify requests; cost requested / actual`,
      value: `${cost.requests} (${cost.operations.join(', ')}); ${cost.requested} / ${cost.actual}`,
      budget: `≤ ${most}; requested ≤ ${MAX_REQUESTED_COST} each`,
      ok: cost.requests <= most && cost.largestRequested <= MAX_REQUESTED_COST,
    }));
    return { title: "Order actions: Shopify requests and cost per action (sandbox store's accounting)", lines, data: { rows } };
  } finally {
    await sandbox.close();
  }
}
