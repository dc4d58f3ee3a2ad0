import {
  actionLabels,
  cancelReasonLabels,
  type ActionKind,
  type ActionOrder,
  type ActionOutcome,
  type AllowedActions,
  type AuditEntry,
  type CancelRequest,
  type DraftOrderRequest,
  type NoteRequest,
  type RefundPreview,
  type RefundRequest,
  type RefundSelection,
  type TagsRequest,
} from '../../shared/actions';
import type { Viewer } from '../auth/tokens';
import { AppError } from '../http/problem';
import {
  actionOrderOperation,
  draftOrderFromOrderOperation,
  orderCancelOperation,
  orderNoteOperation,
  refundCreateOperation,
  refundSuggestionOperation,
  shopCurrencyOperation,
  tagsAddOperation,
  tagsRemoveOperation,
  type ActionOrderNode,
  type SuggestedRefundNode,
  type UserErrorNode,
} from '../shopify/action-operations';
import { createCallBudget, defaultCallBudget, type CallBudgetPolicy } from '../shopify/call-budget';
import type { ShopifyGateway } from '../shopify/gateway';
import type { Credential } from '../storage/credentials-store';
import {
  actionOrderView,
  allowedFor,
  cancelRefusal,
  cancelSummary,
  formatMoney,
  limitRefusal,
  refundRefusal,
  refundSummary,
  requireEnabled,
  tagsSummary,
  userErrorProblem,
} from './action-rules';
import { fingerprintOf, type ActionKeyStore, type ActionSettingsStore, type AuditLog } from './action-stores';

type Money = { amount: string; currencyCode: string };
type Done = Omit<ActionOutcome, 'replayed' | 'action' | 'orderId'>;

/** What an action found out before its mutation, for the audit log, and the mutation itself. */
type Prepared = {
  orderName: string;
  customerId: string | null;
  amount: Money | null;
  summary: string;
  perform: () => Promise<Done | { userErrors: UserErrorNode[] }>;
};

type Attempt = {
  action: ActionKind;
  orderId: string;
  key: string;
  context?: { conversationId?: string | undefined; host?: string | undefined } | undefined;
  /** The request as fingerprinted: the same key must come with the same request. */
  request: unknown;
  /** What was asked, in words, before anything is read from Shopify. */
  summary: string;
  /** For Shopify's refusals: "refund #1001", "cancel the order". */
  what: string;
  prepare: () => Promise<Prepared>;
};

/** What every action request carries besides its own fields. */
type ActionRequest = { orderId: string; key: string; context?: Attempt['context'] };

/** One action: the kind it is audited as, how Shopify's refusals name it, what was asked in words, and its prepare. */
type ActionSpec<R extends ActionRequest> = {
  action: ActionKind | ((request: R) => ActionKind);
  what: string;
  summary: (request: R) => string;
  prepare: (request: R, viewer: Viewer) => Promise<Prepared>;
};

const noteSummary = (request: NoteRequest) => (request.note ? `note: ${request.note.slice(0, 80)}` : 'note removed');

export type ActionServiceDeps = {
  settings: ActionSettingsStore;
  keys: ActionKeyStore;
  audit: AuditLog;
  shopify: ShopifyGateway;
  /** The credential the card is activated with. */
  credential: () => Promise<Credential | null>;
  /** Forgets what the card keeps of the order and its customer, so that the card's refetch is fresh. */
  forget: (orderId: string, customerId: string | null) => Promise<void>;
  budget?: CallBudgetPolicy;
  /** How long a request waits for another one holding the same key (two clicks, two tabs). */
  pendingWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
};

/** A refusal that knows what the audit log should say of the attempt (the order, the amount). */
const found = new WeakMap<AppError, Partial<Prepared>>();
function refused(error: AppError, what: Partial<Prepared>): AppError {
  found.set(error, what);
  return error;
}

const realSleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/**
 * The order actions: every rule checked on the server, one idempotency key per confirmed action from the
 * browser to Shopify, every attempt in the audit log, and the card's kept answers forgotten after a change.
 */
export function createActionService(deps: ActionServiceDeps) {
  const sleep = deps.sleep ?? realSleep;
  const budgetPolicy = deps.budget ?? defaultCallBudget;
  const pendingWaitMs = deps.pendingWaitMs ?? 15_000;

  async function credential(): Promise<Credential> {
    const active = await deps.credential();
    if (!active) throw new AppError('NOT_FOUND', 'The card is not configured: no credential is active.');
    return active;
  }

  /** Reads and writes retry what can pass; a mutation that Shopify cannot deduplicate is sent once. */
  const budget = (once = false) => createCallBudget(once ? { ...budgetPolicy, maxRequests: 1 } : budgetPolicy);

  async function query<T>(operation: string, variables: Record<string, unknown>, once = false): Promise<T> {
    return (await deps.shopify.query<T>(await credential(), operation, variables, budget(once))).data;
  }

  async function readOrder(orderId: string): Promise<ActionOrderNode> {
    const { order } = await query<{ order: ActionOrderNode | null }>(actionOrderOperation, { id: orderId });
    if (!order) throw new AppError('NOT_FOUND', 'Shopify has no such order, or it is older than this app may see.');
    return order;
  }

  /** Shopify's suggested refund for a selection, with the order it is on. */
  async function suggest(selection: RefundSelection): Promise<{ order: ActionOrderNode; suggestion: SuggestedRefundNode }> {
    type Answer = { order: (ActionOrderNode & { suggestedRefund: SuggestedRefundNode | null }) | null };
    const ask = async (variables: Record<string, unknown>) => {
      const { order } = await query<Answer>(refundSuggestionOperation, { id: selection.orderId, ...variables });
      if (!order) throw new AppError('NOT_FOUND', 'Shopify has no such order, or it is older than this app may see.');
      return order;
    };
    let order = await ask(
      selection.wholeOrder
        ? { full: selection.shipping, shipping: selection.shipping, lines: [] }
        : { full: false, shipping: selection.shipping, lines: selection.lines },
    );
    const refusal = refundRefusal(order);
    if (refusal) throw new AppError('ACTION_NOT_ALLOWED_FOR_ORDER', refusal);
    if (selection.wholeOrder && !selection.shipping) {
      // Every line still refundable, without the shipping: Shopify's full suggestion always includes it.
      const lines = order.lineItems.nodes
        .filter((line) => line.refundableQuantity > 0)
        .map((line) => ({ lineItemId: line.id, quantity: line.refundableQuantity }));
      order = await ask({ full: false, shipping: false, lines });
    } else {
      for (const wanted of selection.lines) {
        const line = order.lineItems.nodes.find((candidate) => candidate.id === wanted.lineItemId);
        if (!line)
          throw new AppError('BAD_REQUEST', `${order.name} has no line ${wanted.lineItemId}.`, [
            { path: 'lines', message: 'Unknown line' },
          ]);
        if (wanted.quantity > line.refundableQuantity) {
          throw new AppError(
            'ACTION_NOT_ALLOWED_FOR_ORDER',
            `Only ${line.refundableQuantity} of ${line.title} can still be refunded on ${order.name}.`,
          );
        }
      }
    }
    const suggestion = order.suggestedRefund;
    if (!suggestion || Number(suggestion.amountSet.presentmentMoney.amount) <= 0) {
      throw new AppError(
        'ACTION_NOT_ALLOWED_FOR_ORDER',
        `That selection refunds nothing on ${order.name}: choose an item or the shipping.`,
      );
    }
    return { order, suggestion };
  }

  async function record(attempt: Attempt, viewer: Viewer, known: Partial<Prepared>, result: AuditEntry['result'], error?: AppError) {
    await deps.audit.record({
      actor: viewer.sub,
      role: viewer.role,
      action: attempt.action,
      orderId: attempt.orderId,
      orderName: known.orderName ?? null,
      amount: known.amount ?? null,
      summary: known.summary ?? attempt.summary,
      conversationId: attempt.context?.conversationId ?? null,
      host: attempt.context?.host ?? null,
      result,
      errorCode: error?.code ?? null,
      error: error ? (error.detail ?? error.message) : null,
      idempotencyKey: attempt.key,
    });
  }

  /** The same key again: the first outcome; another request under it: refused; still under way: waited for. */
  async function claim(attempt: Attempt, viewer: Viewer): Promise<ActionOutcome | null> {
    const fingerprint = fingerprintOf(viewer.sub, attempt.action, attempt.request);
    const waitUntil = Date.now() + pendingWaitMs;
    for (;;) {
      const claimed = await deps.keys.claim(attempt.key, viewer.sub, attempt.action, fingerprint);
      if (claimed.state === 'new') return null;
      if (claimed.state === 'mismatch') {
        const error = new AppError(
          'IDEMPOTENCY_KEY_REUSED',
          'This idempotency key was used for another request; each confirmed action needs a key of its own.',
        );
        await record(attempt, viewer, {}, 'refused', error);
        throw error;
      }
      if (claimed.state === 'done') {
        if ('failure' in claimed.outcome) throw new AppError(claimed.outcome.failure.code, claimed.outcome.failure.detail);
        return { ...claimed.outcome, replayed: true };
      }
      if (Date.now() >= waitUntil) throw new AppError('ACTION_IN_PROGRESS', 'The same action is still under way; ask again in a moment.');
      await sleep(50);
    }
  }

  async function run(attempt: Attempt, viewer: Viewer): Promise<ActionOutcome> {
    const { settings } = await deps.settings.current();
    try {
      requireEnabled(viewer, settings, attempt.action, actionLabels[attempt.action].name);
    } catch (error) {
      await record(attempt, viewer, {}, 'refused', error as AppError);
      throw error;
    }
    const replayed = await claim(attempt, viewer);
    if (replayed) return replayed;

    let prepared: Prepared;
    try {
      prepared = await attempt.prepare();
    } catch (error) {
      await deps.keys.release(attempt.key);
      if (error instanceof AppError) {
        await record(attempt, viewer, found.get(error) ?? {}, error.code.startsWith('SHOPIFY') ? 'failed' : 'refused', error);
      }
      throw error;
    }
    let result: Done | { userErrors: UserErrorNode[] };
    try {
      result = await prepared.perform();
    } catch (error) {
      // No answer from Shopify: the key is free again, and a retry asks Shopify again (with the same key for a refund).
      await deps.keys.release(attempt.key);
      if (error instanceof AppError) await record(attempt, viewer, prepared, 'failed', error);
      throw error;
    }
    if ('userErrors' in result) {
      const error = userErrorProblem(attempt.what, result.userErrors);
      await deps.keys.finish(attempt.key, { failure: { code: error.code, detail: error.detail ?? error.message } });
      await record(attempt, viewer, prepared, 'failed', error);
      throw error;
    }
    const outcome: ActionOutcome = { action: attempt.action, orderId: attempt.orderId, ...result, replayed: false };
    await deps.keys.finish(attempt.key, outcome);
    await record(attempt, viewer, prepared, 'succeeded');
    await deps.forget(attempt.orderId, prepared.customerId);
    return outcome;
  }

  /** Each action, one entry: what it is called in Shopify's refusals, what was asked in words, and its prepare (reads, checks, then the mutation). */
  const actions = {
    refund: {
      action: 'refund',
      what: 'refund',
      summary: (request) => (request.wholeOrder ? 'the whole order' : `${request.lines.length} line(s)`),
      prepare: async (request, viewer) => {
        const { settings } = await deps.settings.current();
        const { order, suggestion } = await suggest(request);
        const refusal = limitRefusal(viewer, settings, suggestion.amountSet.shopMoney);
        const amount = suggestion.amountSet.presentmentMoney;
        if (refusal)
          throw refused(new AppError('ACTION_LIMIT', refusal), {
            orderName: order.name,
            amount,
            summary: refundSummary(suggestion, request),
          });
        const input = {
          orderId: order.id,
          notify: request.notify,
          ...(request.note ? { note: request.note } : {}),
          refundLineItems: suggestion.refundLineItems
            .filter((line) => line.quantity > 0)
            .map((line) => ({
              lineItemId: line.lineItem.id,
              quantity: line.quantity,
              restockType: request.restock ? 'RETURN' : 'NO_RESTOCK',
            })),
          ...(request.shipping ? { shipping: { fullRefund: true } } : {}),
          transactions: suggestion.suggestedTransactions
            .filter((transaction) => transaction.parentTransaction && Number(transaction.amountSet.presentmentMoney.amount) > 0)
            .map((transaction) => ({
              orderId: order.id,
              kind: 'REFUND',
              gateway: transaction.gateway,
              amount: transaction.amountSet.presentmentMoney.amount,
              parentId: transaction.parentTransaction?.id,
            })),
        };
        return {
          orderName: order.name,
          customerId: order.customer?.id ?? null,
          amount,
          summary: refundSummary(suggestion, request),
          perform: async () => {
            // The browser's key goes to Shopify too: a retry after a lost answer refunds nothing twice.
            const { refundCreate } = await query<{ refundCreate: { userErrors: UserErrorNode[] } }>(refundCreateOperation, {
              input,
              key: request.key,
            });
            if (refundCreate.userErrors.length > 0) return { userErrors: refundCreate.userErrors };
            return { message: `Refunded ${formatMoney(amount)} on ${order.name}.` };
          },
        };
      },
    } satisfies ActionSpec<RefundRequest>,

    cancel: {
      action: 'cancel',
      what: 'cancel the order',
      summary: cancelSummary,
      prepare: async (request, viewer) => {
        const { settings } = await deps.settings.current();
        const order = await readOrder(request.orderId);
        const refusal = cancelRefusal(order);
        if (refusal) throw new AppError('ACTION_NOT_ALLOWED_FOR_ORDER', refusal);
        let amount: Money | null = null;
        if (request.refund && order.refundable) {
          // Cancelling with a refund is a refund: an agent's stays under the limit too.
          const { suggestion } = await suggest({ orderId: order.id, lines: [], wholeOrder: true, shipping: true });
          const over = limitRefusal(viewer, settings, suggestion.amountSet.shopMoney);
          amount = suggestion.amountSet.presentmentMoney;
          if (over) throw refused(new AppError('ACTION_LIMIT', over), { orderName: order.name, amount, summary: cancelSummary(request) });
        }
        return {
          orderName: order.name,
          customerId: order.customer?.id ?? null,
          amount,
          summary: cancelSummary(request),
          perform: async () => {
            const { orderCancel } = await query<{ orderCancel: { orderCancelUserErrors: UserErrorNode[] } }>(
              orderCancelOperation,
              {
                orderId: order.id,
                reason: request.reason,
                restock: request.restock,
                refundMethod: request.refund ? { originalPaymentMethodsRefund: true } : null,
                notify: request.notify,
                staffNote: request.staffNote ?? null,
              },
              true,
            );
            if (orderCancel.orderCancelUserErrors.length > 0) return { userErrors: orderCancel.orderCancelUserErrors };
            return { message: `${order.name} is cancelled (${cancelReasonLabels[request.reason].toLowerCase()}).` };
          },
        };
      },
    } satisfies ActionSpec<CancelRequest>,

    tags: {
      action: (request) => (request.target.kind === 'order' ? 'orderTags' : 'customerTags'),
      what: 'change the tags',
      summary: tagsSummary,
      prepare: async (request) => {
        if (request.add.length === 0 && request.remove.length === 0) {
          throw new AppError('BAD_REQUEST', 'Name a tag to add or to remove.', [{ path: 'add', message: 'Add or remove a tag' }]);
        }
        const order = await readOrder(request.orderId);
        // Tags go on this order or on its own customer, never on anyone else.
        const targetOk = request.target.kind === 'order' ? request.target.id === order.id : request.target.id === order.customer?.id;
        if (!targetOk)
          throw new AppError('BAD_REQUEST', `That is not ${order.name} or its customer.`, [
            { path: 'target.id', message: 'Not this order or its customer' },
          ]);
        const where = request.target.kind === 'order' ? order.name : (order.customer?.displayName ?? 'the customer');
        return {
          orderName: order.name,
          customerId: order.customer?.id ?? null,
          amount: null,
          summary: tagsSummary(request),
          perform: async () => {
            const said: string[] = [];
            for (const [tags, operation, verb] of [
              [request.add, tagsAddOperation, 'added to'],
              [request.remove, tagsRemoveOperation, 'removed from'],
            ] as const) {
              if (tags.length === 0) continue;
              const answer = await query<Record<string, { userErrors: UserErrorNode[] }>>(operation, { id: request.target.id, tags });
              const errors = Object.values(answer)[0]?.userErrors ?? [];
              if (errors.length > 0) return { userErrors: errors };
              said.push(`${tags.map((tag) => `"${tag}"`).join(', ')} ${verb} ${where}`);
            }
            return { message: `Tag ${said.join('; ')}.` };
          },
        };
      },
    } satisfies ActionSpec<TagsRequest>,

    note: {
      action: 'orderNote',
      what: 'save the note',
      summary: noteSummary,
      prepare: async (request) => {
        const order = await readOrder(request.orderId);
        return {
          orderName: order.name,
          customerId: order.customer?.id ?? null,
          amount: null,
          summary: noteSummary(request),
          perform: async () => {
            const { orderUpdate } = await query<{ orderUpdate: { userErrors: UserErrorNode[] } }>(orderNoteOperation, {
              input: { id: order.id, note: request.note },
            });
            if (orderUpdate.userErrors.length > 0) return { userErrors: orderUpdate.userErrors };
            return { message: request.note ? `The note on ${order.name} is saved.` : `The note on ${order.name} is removed.` };
          },
        };
      },
    } satisfies ActionSpec<NoteRequest>,

    draftOrder: {
      action: 'draftOrder',
      what: 'create the draft order',
      summary: () => 'draft order from this order',
      prepare: async (request) => {
        const order = await readOrder(request.orderId);
        return {
          orderName: order.name,
          customerId: order.customer?.id ?? null,
          amount: null,
          summary: `draft order from ${order.name}`,
          perform: async () => {
            const { draftOrderCreateFromOrder: answer } = await query<{
              draftOrderCreateFromOrder: {
                draftOrder: { name: string; invoiceUrl: string | null } | null;
                userErrors: UserErrorNode[];
              };
            }>(draftOrderFromOrderOperation, { orderId: order.id }, true);
            if (answer.userErrors.length > 0 || !answer.draftOrder) return { userErrors: answer.userErrors };
            const invoiceUrl = answer.draftOrder.invoiceUrl?.startsWith('https://') ? answer.draftOrder.invoiceUrl : undefined;
            return {
              message: `Draft order ${answer.draftOrder.name} is created from ${order.name}.`,
              draftOrderName: answer.draftOrder.name,
              ...(invoiceUrl ? { invoiceUrl } : {}),
            };
          },
        };
      },
    } satisfies ActionSpec<DraftOrderRequest>,
  };

  /** An action's entry as the method the routes call: the attempt is built from the request the same way for each. */
  function runs<R extends ActionRequest>(spec: ActionSpec<R>) {
    return (request: R, viewer: Viewer): Promise<ActionOutcome> =>
      run(
        {
          action: typeof spec.action === 'function' ? spec.action(request) : spec.action,
          orderId: request.orderId,
          key: request.key,
          context: request.context,
          request: { ...request, key: undefined, context: undefined },
          summary: spec.summary(request),
          what: spec.what,
          prepare: () => spec.prepare(request, viewer),
        },
        viewer,
      );
  }

  return {
    async allowed(viewer: Viewer): Promise<AllowedActions> {
      const { settings } = await deps.settings.current();
      return {
        role: viewer.role,
        allowed: allowedFor(viewer, settings),
        refundLimit: viewer.role === 'admin' ? null : settings.refundLimit,
      };
    },

    async settingsView() {
      const saved = await deps.settings.current();
      let shopCurrency: string | null = null;
      try {
        shopCurrency = (await query<{ shop: { currencyCode: string } }>(shopCurrencyOperation, {})).shop.currencyCode;
      } catch {
        // The limit can still be read and saved; the page asks for the currency then.
      }
      return { ...saved, shopCurrency };
    },

    async order(orderId: string, viewer: Viewer): Promise<ActionOrder> {
      const { settings } = await deps.settings.current();
      if (allowedFor(viewer, settings).length === 0) throw new AppError('ACTION_DISABLED', 'No order action is switched on for agents.');
      return actionOrderView(await readOrder(orderId));
    },

    async preview(selection: RefundSelection, viewer: Viewer): Promise<RefundPreview> {
      const { settings } = await deps.settings.current();
      requireEnabled(viewer, settings, 'refund', actionLabels.refund.name);
      const { order, suggestion } = await suggest(selection);
      const refusal = limitRefusal(viewer, settings, suggestion.amountSet.shopMoney);
      return {
        orderId: order.id,
        orderName: order.name,
        amount: suggestion.amountSet.presentmentMoney,
        shipping: suggestion.shipping.amountSet.presentmentMoney,
        lines: suggestion.refundLineItems.map((line) => ({
          lineItemId: line.lineItem.id,
          title: line.lineItem.title,
          quantity: line.quantity,
          amount: line.subtotalSet.presentmentMoney,
        })),
        allowed: refusal === null,
        refusal,
      };
    },

    refund: runs(actions.refund),
    cancel: runs(actions.cancel),
    tags: runs(actions.tags),
    note: runs(actions.note),
    draftOrder: runs(actions.draftOrder),
  };
}
export type ActionService = ReturnType<typeof createActionService>;
