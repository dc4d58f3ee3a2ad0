import { http, HttpResponse } from 'msw';
import {
  actionKinds,
  cancelRequestSchema,
  draftOrderRequestSchema,
  noteRequestSchema,
  refundRequestSchema,
  refundSelectionSchema,
  tagsRequestSchema,
  type ActionKind,
  type ActionOrder,
  type ActionOutcome,
  type AllowedActions,
  type AuditEntry,
  type RefundPreview,
  type RefundSelection,
  type SavedActionSettings,
  actionSettingsSaveSchema,
  defaultActionSettings,
} from '../../src/shared/actions';
import type { LineItem, Money } from '../../src/shared/fields';
import { findOrder } from './fixtures';
import { problem } from './problems';

/**
 * The order actions as the mock BFF answers them: every action allowed, a refund limit of 80.00 EUR, the
 * fixtures' orders with their lines, and each key's first outcome answered again, as the BFF does.
 * `performedActions` lists what was done once (tests read it to see that nothing was done twice).
 */

export const mockRefundLimit = { amount: '80.00', currencyCode: 'EUR' };
export const performedActions: { action: ActionKind; orderId: string; key: string }[] = [];
export const mockAuditEntries: AuditEntry[] = [];
const outcomes = new Map<string, ActionOutcome>();
export const mockActionSettings: { saved: SavedActionSettings } = {
  saved: { version: 0, settings: defaultActionSettings, savedBy: null, savedAt: null },
};

export function resetActionMock(): void {
  performedActions.length = 0;
  mockAuditEntries.length = 0;
  outcomes.clear();
  mockActionSettings.saved = { version: 0, settings: defaultActionSettings, savedBy: null, savedAt: null };
}

const json = (request: Request) => request.json().catch(() => null);

export function mockActionOrder(orderId: string): ActionOrder | null {
  const found = findOrder({ id: orderId });
  if (!found) return null;
  const { order, shopper } = found;
  const items = (order.fields['order.lineItems'] as LineItem[] | undefined) ?? [];
  const total = order.fields['order.totalPrice'] as Money | undefined;
  const currencyCode = total?.currencyCode ?? 'EUR';
  const status = String(order.fields['order.displayFinancialStatus'] ?? 'PAID');
  const fulfilment = String(order.fields['order.displayFulfillmentStatus'] ?? 'UNFULFILLED');
  return {
    id: order.id,
    name: order.name,
    currencyCode,
    financialStatus: status,
    fulfillmentStatus: fulfilment,
    cancelledAt: null,
    note: (order.fields['order.note'] as string | undefined) ?? null,
    tags: (order.fields['order.tags'] as string[] | undefined) ?? [],
    customer: { id: shopper.id, displayName: shopper.displayName, tags: ['returning'] },
    lines: items.map((item, position) => ({
      id: `gid://shopify/LineItem/${order.id.split('/').pop()}${position}`,
      title: item.title,
      quantity: item.quantity,
      refundableQuantity: item.quantity,
      unitPrice: item.unitPrice ?? { amount: '0.00', currencyCode },
    })),
    shippingLeft: { amount: '4.90', currencyCode },
    notAllowed: {
      ...(status === 'REFUNDED' ? { refund: `${order.name} is refunded in full already: nothing is left to refund.` } : {}),
      ...(fulfilment === 'FULFILLED' || fulfilment === 'PARTIALLY_FULFILLED'
        ? {
            cancel: `${order.name} has fulfilled items: Shopify cancels only orders with nothing fulfilled. Cancel its fulfillments in Shopify first.`,
          }
        : {}),
    },
  };
}

function previewOf(selection: RefundSelection): RefundPreview | null {
  const order = mockActionOrder(selection.orderId);
  if (!order) return null;
  const chosen = selection.wholeOrder
    ? order.lines.map((line) => ({ line, quantity: line.refundableQuantity }))
    : selection.lines.flatMap((wanted) => {
        const line = order.lines.find((candidate) => candidate.id === wanted.lineItemId);
        return line ? [{ line, quantity: wanted.quantity }] : [];
      });
  const lines = chosen.map(({ line, quantity }) => ({
    lineItemId: line.id,
    title: line.title,
    quantity,
    amount: { amount: (Number(line.unitPrice.amount) * quantity).toFixed(2), currencyCode: order.currencyCode },
  }));
  const shipping = selection.shipping ? Number(order.shippingLeft.amount) : 0;
  const total = lines.reduce((sum, line) => sum + Number(line.amount.amount), 0) + shipping;
  const over = total > Number(mockRefundLimit.amount);
  return {
    orderId: order.id,
    orderName: order.name,
    amount: { amount: total.toFixed(2), currencyCode: order.currencyCode },
    shipping: { amount: shipping.toFixed(2), currencyCode: order.currencyCode },
    lines,
    allowed: !over,
    refusal: over
      ? `Refunds by agents are limited to ${mockRefundLimit.amount} EUR each; this one is ${total.toFixed(2)} EUR. An admin can refund it, or raise the limit.`
      : null,
  };
}

type Parsed = { success: true; data: { orderId: string; key: string } } | { success: false };

function actionHandler(
  path: string,
  action: (body: never) => ActionKind,
  schema: { safeParse(data: unknown): Parsed },
  message: (body: never) => Partial<ActionOutcome>,
) {
  return http.post(path, async ({ request }) => {
    const parsed = schema.safeParse(await json(request));
    if (!parsed.success) return problem('BAD_REQUEST', 'The request is not valid');
    const body = parsed.data;
    const first = outcomes.get(body.key);
    if (first) return HttpResponse.json({ ...first, replayed: true });
    const kind = action(body as never);
    const outcome: ActionOutcome = { action: kind, orderId: body.orderId, message: 'Done.', replayed: false, ...message(body as never) };
    outcomes.set(body.key, outcome);
    performedActions.push({ action: kind, orderId: body.orderId, key: body.key });
    return HttpResponse.json(outcome);
  });
}

const nameOf = (orderId: string) => findOrder({ id: orderId })?.order.name ?? 'the order';

export const actionHandlers = [
  http.get('/api/actions/settings', () => HttpResponse.json({ ...mockActionSettings.saved, shopCurrency: 'USD' })),
  http.put('/api/actions/settings', async ({ request }) => {
    const parsed = actionSettingsSaveSchema.safeParse(await json(request));
    if (!parsed.success) return problem('BAD_REQUEST', 'The request is not valid', parsed.error.issues[0]?.message);
    if (parsed.data.version !== mockActionSettings.saved.version) {
      return problem(
        'CONFIG_CONFLICT',
        'Someone else saved first',
        `The action settings were saved by someone else (version ${mockActionSettings.saved.version}).`,
      );
    }
    mockActionSettings.saved = {
      version: parsed.data.version + 1,
      settings: parsed.data.settings,
      savedBy: 'admin-1',
      savedAt: '2026-11-20T09:00:00.000Z',
    };
    return HttpResponse.json(mockActionSettings.saved);
  }),
  http.get('/api/actions/audit', ({ request }) => {
    const query = new URL(request.url).searchParams;
    const matching = mockAuditEntries.filter(
      (entry) =>
        (!query.get('action') || entry.action === query.get('action')) &&
        (!query.get('result') || entry.result === query.get('result')) &&
        (!query.get('actor') || entry.actor === query.get('actor')),
    );
    const start = Number(query.get('cursor') ?? 0);
    const page = matching.slice(start, start + 25);
    return HttpResponse.json({ entries: page, nextCursor: start + 25 < matching.length ? String(start + 25) : null });
  }),
  http.get('/api/actions/allowed', () => {
    const allowed: AllowedActions = { role: 'agent', allowed: [...actionKinds], refundLimit: mockRefundLimit };
    return HttpResponse.json(allowed);
  }),
  http.post('/api/actions/order', async ({ request }) => {
    const { orderId } = ((await json(request)) ?? {}) as { orderId?: string };
    const order = mockActionOrder(orderId ?? '');
    return order ? HttpResponse.json(order) : problem('NOT_FOUND', 'Not found', 'Shopify has no such order.');
  }),
  http.post('/api/actions/refund/preview', async ({ request }) => {
    const parsed = refundSelectionSchema.safeParse(await json(request));
    if (!parsed.success) return problem('BAD_REQUEST', 'The request is not valid');
    const preview = previewOf(parsed.data);
    return preview ? HttpResponse.json(preview) : problem('NOT_FOUND', 'Not found');
  }),
  actionHandler(
    '/api/actions/refund',
    () => 'refund',
    refundRequestSchema,
    (body: { orderId: string; lines: unknown[]; wholeOrder: boolean; shipping: boolean }) => {
      const preview = previewOf(body as RefundSelection);
      return { message: `Refunded ${preview?.amount.amount} ${preview?.amount.currencyCode} on ${nameOf(body.orderId)}.` };
    },
  ),
  actionHandler(
    '/api/actions/cancel',
    () => 'cancel',
    cancelRequestSchema,
    (body: { orderId: string }) => ({
      message: `${nameOf(body.orderId)} is cancelled.`,
    }),
  ),
  actionHandler(
    '/api/actions/tags',
    (body: { target: { kind: string } }) => (body.target.kind === 'order' ? 'orderTags' : 'customerTags'),
    tagsRequestSchema,
    (body: { add: string[]; remove: string[]; orderId: string }) => ({
      message: `Tag ${[...body.add, ...body.remove].map((tag) => `"${tag}"`).join(', ')} ${body.add.length ? 'added to' : 'removed from'} ${nameOf(body.orderId)}.`,
    }),
  ),
  actionHandler(
    '/api/actions/note',
    () => 'orderNote',
    noteRequestSchema,
    (body: { orderId: string }) => ({
      message: `The note on ${nameOf(body.orderId)} is saved.`,
    }),
  ),
  actionHandler(
    '/api/actions/draft-order',
    () => 'draftOrder',
    draftOrderRequestSchema,
    (body: { orderId: string }) => ({
      message: `Draft order #D7 is created from ${nameOf(body.orderId)}.`,
      draftOrderName: '#D7',
      invoiceUrl: 'https://linden-and-loom.myshopify.com/12345/invoices/abc123',
    }),
  ),
];
