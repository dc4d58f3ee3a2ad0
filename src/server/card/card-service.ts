import * as z from 'zod/mini';
import { lookupKey, lookupSteps } from '../../shared/lookup-order';
import type {
  CardLookup,
  CardResponse,
  CustomerCandidate,
  MatchedIdentifier,
  OrderDetails,
  OrderPage,
  OrderPageResponse,
} from '../../shared/wire';
import type { Viewer } from '../auth/tokens';
import { AppError } from '../http/problem';
import type { PeopleStore } from '../people/people-store';
import {
  cardOperations,
  customersByAddressPhoneOperation,
  customersByNameOperation,
  FIRST_PAGE_SIZE,
  NEXT_PAGE_SIZE,
  type AppScopes,
} from '../shopify/card-operations';
import { createCallBudget, defaultCallBudget, type CallBudget, type CallBudgetPolicy } from '../shopify/call-budget';
import type { ShopifyGateway } from '../shopify/gateway';
import { customerNameQuery, freeTextTerm, orderNameQuery } from '../shopify/search-syntax';
import { shopifyFields } from '../shopify/shopify-fields';
import type { CardSettingsStore, SavedMapping } from '../storage/card-settings-store';
import type { Credential, CredentialsStore } from '../storage/credentials-store';
import { memoOnGeneration } from '../storage/generation';
import { redisSharedEntries } from '../shared-state/shared-entries';
import type { RedisState } from '../shared-state/redis-state';
import { createSwrCache, defaultCachePolicy, type CachePolicy, type Warmed } from './cache';
import {
  badIdentifier,
  count,
  matchedCard,
  orderAdminUrl,
  orderPage,
  orderSummary,
  readablePhone,
  readFields,
  type CustomerNode,
  type Node,
  type OrderNode,
  type OrdersConnection,
} from './card-answers';
import { displayPhone, normalisePhone } from './phone';

/** A customer among several, with what tells them apart: their email, their phone written to be read, their orders. */
function candidate(node: Node & { id: string }): CustomerCandidate {
  const phone = shopifyFields['customer.phone'].read(node);
  return {
    id: node.id,
    displayName: String(node.displayName),
    numberOfOrders: count(node.numberOfOrders),
    email: shopifyFields['customer.email'].read(node),
    phone: phone ? readablePhone(phone) : null,
  };
}

/** The Redis set of a customer's shared card keys. */
const cardsOf = (customerId: string) => `card-keys:${customerId}`;

/** Where instances tell each other that an action changed an order. */
const FORGET_CHANNEL = 'card-forget-order';
const forgetMessage = z.object({ orderId: z.string(), customerId: z.nullable(z.string()) });
type Forget = z.infer<typeof forgetMessage>;
const safeJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

/** How far back an abandoned checkout is still what a shopper means by "I couldn't finish my order". */
const CHECKOUT_WINDOW_MS = 30 * 86_400_000;

type Setup = { credential: Credential; saved: SavedMapping; ops: ReturnType<typeof cardOperations>; keyPrefix: string };

export function createCardService(deps: {
  credentials: CredentialsStore;
  settings: CardSettingsStore;
  shopify: ShopifyGateway;
  cache?: Partial<CachePolicy>;
  clock?: () => number;
  /** Changes whenever the stored settings may have; without it they are read on every call. */
  settingsGeneration?: () => string | Promise<string>;
  /** What one card open may spend on Shopify, all its queries together. */
  callBudget?: CallBudgetPolicy;
  /** Several instances: answers shared, and one Shopify request per question across all of them. */
  redis?: RedisState;
  /** The People directory: asked first for a conversation's email or phone, and for abandoned checkouts. */
  people?: Pick<PeopleStore, 'customerFor' | 'latestCheckout'>;
}) {
  const clock = deps.clock ?? Date.now;
  const policy: CachePolicy = { ...defaultCachePolicy, ...deps.cache };
  // A load may take the whole card budget; another instance takes over a fetch held longer than that.
  const shared = <T>(namespace: string) =>
    deps.redis
      ? redisSharedEntries<T>(deps.redis, namespace, {
          keepMs: policy.keepMs,
          lockMs: (deps.callBudget ?? defaultCallBudget).deadlineMs + 1_000,
          clock,
        })
      : undefined;
  const cards = createSwrCache<CardResponse>(policy, clock, shared('card'));
  const pages = createSwrCache<OrderPage>(policy, clock, shared('orders'));
  const details = createSwrCache<Omit<OrderDetails, 'fetchedAt' | 'stale'>>(policy, clock, shared('order'));
  const operationsByVersion = new Map<number, ReturnType<typeof cardOperations>>();

  /** Drops this instance's copies of an order, its customer's order pages and cards, here and in the shared cache. */
  async function forgetLocally({ orderId, customerId }: Forget): Promise<void> {
    await Promise.all([
      details.forgetWhere((key) => key.endsWith(`:${orderId}`)),
      customerId ? pages.forgetWhere((key) => key.includes(`:${customerId}:`)) : undefined,
      customerId ? cards.forgetWhere((_key, card) => card.state === 'matched' && card.customer.id === customerId) : undefined,
    ]);
  }
  // Another instance changed an order: what this one keeps of it is out of date.
  deps.redis?.listen(FORGET_CHANNEL, (message) => {
    const forget = forgetMessage.safeParse(safeJson(message));
    if (forget.success) void forgetLocally(forget.data).catch(() => undefined);
  });

  /** The active credential and saved mapping, or what is missing. */
  async function readSetup(): Promise<Setup | { missing: ('credential' | 'mapping')[] }> {
    const [activation, saved] = await Promise.all([deps.settings.activation(), deps.settings.mapping()]);
    const credential = activation?.credentialId ? await deps.credentials.get(activation.credentialId) : null;
    if (!credential || !saved) return { missing: [...(credential ? [] : ['credential' as const]), ...(saved ? [] : ['mapping' as const])] };
    let ops = operationsByVersion.get(saved.version);
    if (!ops) {
      ops = cardOperations(saved.mapping);
      operationsByVersion.set(saved.version, ops);
    }
    // Cached answers belong to one credential (and its secret) and one mapping version.
    return { credential, saved, ops, keyPrefix: `${credential.id}:${credential.updatedAt}:${saved.version}` };
  }
  // Every card open needs the setup; reading it from the database each time cost more than the open.
  const setup = deps.settingsGeneration ? memoOnGeneration(deps.settingsGeneration, readSetup) : readSetup;

  async function requireSetup(): Promise<Setup> {
    const current = await setup();
    if ('missing' in current) throw new AppError('NOT_FOUND', 'The card is not configured.');
    return current;
  }

  const matched = (node: CustomerNode, matchedBy: MatchedIdentifier, s: Setup, scopes: AppScopes): CardResponse =>
    matchedCard(node, matchedBy, { mapping: s.saved.mapping, shopDomain: s.credential.shopDomain, scopes, now: clock() });

  async function openById(s: Setup, id: string, matchedBy: MatchedIdentifier, budget: CallBudget): Promise<CardResponse> {
    const { data } = await deps.shopify.query<{ customer: CustomerNode | null } & AppScopes>(
      s.credential,
      s.ops.byId,
      { id, first: FIRST_PAGE_SIZE },
      budget,
    );
    return data.customer ? matched(data.customer, matchedBy, s, data) : { state: 'not_found', tried: [matchedBy] };
  }

  /** An email or a phone, exactly: Shopify keeps each unique to one customer. */
  async function openByIdentifier(
    s: Setup,
    operation: string,
    variables: { email: string } | { phone: string },
    tried: MatchedIdentifier,
    budget: CallBudget,
  ): Promise<CardResponse | null> {
    const { data } = await deps.shopify.query<{ customer: CustomerNode | null } & AppScopes>(
      s.credential,
      operation,
      { ...variables, first: FIRST_PAGE_SIZE },
      budget,
    );
    return data.customer ? matched(data.customer, tried, s, data) : null;
  }

  /** A phone on no customer as their own: look for it on their addresses, keeping only real matches. */
  async function openByAddressPhone(s: Setup, phone: string, tried: MatchedIdentifier, budget: CallBudget): Promise<CardResponse> {
    const { data } = await deps.shopify.query<{
      customers: { nodes: (Node & { id: string; addressesV2: { nodes: { phone: string | null }[] } })[] };
    }>(s.credential, customersByAddressPhoneOperation, { query: freeTextTerm(phone) }, budget);
    const hits = data.customers.nodes.filter((node) =>
      node.addressesV2.nodes.some((address) => address.phone && normalisePhone(address.phone) === phone),
    );
    const viaAddress: MatchedIdentifier = { ...tried, via: 'address' };
    const [only, another] = hits;
    if (!only) return { state: 'not_found', tried: [tried] };
    if (!another) return openById(s, only.id, viaAddress, budget);
    return { state: 'multiple', tried: [viaAddress], candidates: hits.map(candidate) };
  }

  /** A name from the card's search: one customer opens; several are listed with what tells them apart. */
  async function openByName(s: Setup, value: string, budget: CallBudget): Promise<CardResponse> {
    const tried: MatchedIdentifier = { kind: 'name', value };
    const query = customerNameQuery(value);
    if (!query) throw badIdentifier('name');
    const { data } = await deps.shopify.query<{
      customers: { nodes: (Node & { id: string })[]; pageInfo: { hasNextPage: boolean } };
    }>(s.credential, customersByNameOperation, { query }, budget);
    const [only, another] = data.customers.nodes;
    if (!only) return { state: 'not_found', tried: [tried] };
    if (!another) return openById(s, only.id, tried, budget);
    return {
      state: 'multiple',
      tried: [tried],
      candidates: data.customers.nodes.map(candidate),
      ...(data.customers.pageInfo.hasNextPage ? { more: true } : {}),
    };
  }

  /** The customer People names for this email or phone, opened by id: one Shopify request, no search. */
  async function openFromPeople(
    s: Setup,
    kind: 'email' | 'phone',
    id: MatchedIdentifier,
    budget: CallBudget,
  ): Promise<CardResponse | null> {
    const customerId = await deps.people?.customerFor(s.credential.shopDomain, kind, id.value);
    if (!customerId) return null;
    const answer = await openById(s, customerId, { ...id, via: 'people' }, budget);
    // Deleted in Shopify since it was synced: the card's own lookup has the last word.
    return answer.state === 'matched' ? answer : null;
  }

  async function openByOrderNumber(s: Setup, value: string, budget: CallBudget): Promise<CardResponse> {
    const tried: MatchedIdentifier = { kind: 'orderNumber', value };
    const query = orderNameQuery(value);
    if (!query) throw badIdentifier('orderNumber');
    const { data } = await deps.shopify.query<{ orders: { nodes: (OrderNode & { customer: CustomerNode | null })[] } } & AppScopes>(
      s.credential,
      s.ops.byOrder,
      { query, first: FIRST_PAGE_SIZE },
      budget,
    );
    const order = data.orders.nodes[0];
    if (!order?.customer) return { state: 'not_found', tried: [tried] };
    const card = matched(order.customer, { kind: 'orderNumber', value: order.name }, s, data);
    return card.state === 'matched' ? { ...card, openOrder: orderSummary(order, s.saved.mapping, clock()) } : card;
  }

  /**
   * One card open: the lookup's identifiers in their one order (`shared/lookup-order.ts`), each email or phone
   * first in the People directory, then in Shopify, until one finds the shopper. Every query shares one
   * budget, so the agent's answer comes within its deadline.
   */
  async function lookUp(s: Setup, lookup: CardLookup): Promise<CardResponse> {
    const budget = createCallBudget(deps.callBudget ?? defaultCallBudget);
    const tried: MatchedIdentifier[] = [];
    for (const step of lookupSteps(lookup)) {
      if (step.kind === 'customerId') return openById(s, step.value, { kind: 'customerId', value: step.value }, budget);
      if (step.kind === 'orderNumber') return openByOrderNumber(s, step.value, budget);
      if (step.kind === 'name') return openByName(s, step.value, budget);
      if (step.kind === 'email') {
        const id: MatchedIdentifier = { kind: 'email', value: step.value };
        const found =
          (await openFromPeople(s, 'email', id, budget)) ?? (await openByIdentifier(s, s.ops.byEmail, { email: step.value }, id, budget));
        if (found) return found;
        tried.push(id);
        continue;
      }
      const phone = normalisePhone(step.value);
      if (!phone) {
        if (tried.length === 0) throw badIdentifier('phone');
        continue;
      }
      const id: MatchedIdentifier = { kind: 'phone', value: phone, display: displayPhone(phone) };
      const found = (await openFromPeople(s, 'phone', id, budget)) ?? (await openByIdentifier(s, s.ops.byPhone, { phone }, id, budget));
      if (found) return found;
      const byAddress = await openByAddressPhone(s, phone, id, budget);
      if (byAddress.state !== 'not_found') return byAddress;
      tried.push(id);
    }
    return { state: 'not_found', tried };
  }

  /** The card's cache key for a lookup: its steps in order, an email in lower case, a phone in E.164. */
  const keyOf = (lookup: CardLookup) =>
    lookupKey(lookup, (step) =>
      step.kind === 'email'
        ? step.value.toLowerCase()
        : step.kind === 'phone'
          ? (normalisePhone(step.value) ?? step.value)
          : step.value.trim().toLowerCase(),
    );

  /** The latest abandoned checkout of the last 30 days, when People keeps the shopper's. */
  async function withCheckout(s: Setup, card: CardResponse): Promise<CardResponse> {
    if (card.state !== 'matched' || !deps.people) return card;
    const since = new Date(clock() - CHECKOUT_WINDOW_MS).toISOString();
    const checkout = await deps.people.latestCheckout(s.credential.shopDomain, card.customer.id, since);
    if (!checkout) return card;
    return {
      ...card,
      abandonedCheckout: {
        id: checkout.sourceId,
        abandonedAt: checkout.occurredAt,
        total: checkout.total ?? null,
        items: checkout.items ?? [],
        recoveryUrl: checkout.recoveryUrl?.startsWith('https://') ? checkout.recoveryUrl : null,
      },
    };
  }

  /** What cannot be looked up is refused before the cache: nothing of it is kept, nothing reaches Shopify. */
  const refuseUnusable = (lookup: CardLookup) => {
    if (!lookup.customerId && !lookup.orderNumber && !lookup.name && !lookup.email && !normalisePhone(lookup.phone ?? ''))
      throw badIdentifier('phone');
  };
  /**
   * Fetches a card. With several instances, each customer's shared cards are indexed, so that an action on one
   * of their orders can drop them from Redis even when no running instance holds them in memory.
   */
  const load = (s: Setup, lookup: CardLookup, key: string) => async () => {
    const card = await withCheckout(s, await lookUp(s, lookup));
    if (card.state === 'matched') await deps.redis?.addToSet(cardsOf(card.customer.id), key, policy.keepMs).catch(() => undefined);
    return card;
  };

  /** `open`, saying whether the answer came from the cache without waiting for Shopify. */
  async function openTraced(lookup: CardLookup, viewer: Viewer): Promise<{ card: CardResponse; fromCache: boolean }> {
    refuseUnusable(lookup);
    const s = await setup();
    if ('missing' in s)
      return { card: { state: 'configuration_pending', missing: s.missing, viewer: { role: viewer.role } }, fromCache: false };
    const key = `${s.keyPrefix}:${keyOf(lookup)}`;
    const fromCache = cards.servable(key);
    // A Shopify late to answer gets the agent the last good card at once; the card asks again for the fresh one.
    const answer = await cards.get(key, load(s, lookup, key), { lateMs: policy.lateMs });
    if (answer.value.state !== 'matched') return { card: answer.value, fromCache };
    return { card: answer.stale ? { ...answer.value, stale: answer.stale } : answer.value, fromCache };
  }

  return {
    async open(lookup: CardLookup, viewer: Viewer): Promise<CardResponse> {
      return (await openTraced(lookup, viewer)).card;
    },

    openTraced,

    /**
     * A host says this card is about to be opened: fetch and keep it now (in the background), so that
     * the open is served from the cache. The same cache and single flight as `open`: a card already
     * fresh or being fetched costs Shopify nothing more.
     */
    async prewarm(lookup: CardLookup): Promise<Warmed | 'not_configured'> {
      refuseUnusable(lookup);
      const s = await setup();
      if ('missing' in s) return 'not_configured';
      const key = `${s.keyPrefix}:${keyOf(lookup)}`;
      return cards.warm(key, load(s, lookup, key));
    },

    async orders(customerId: string, after: string): Promise<OrderPageResponse> {
      const s = await requireSetup();
      const answer = await pages.get(`${s.keyPrefix}:${customerId}:${after}`, async () => {
        const { data } = await deps.shopify.query<{ customer: { orders: OrdersConnection } | null }>(s.credential, s.ops.orderPage, {
          id: customerId,
          first: NEXT_PAGE_SIZE,
          after,
        });
        if (!data.customer) throw new AppError('NOT_FOUND', 'Shopify has no such customer.');
        return orderPage(data.customer.orders, s.saved.mapping, clock());
      });
      return { orders: answer.value, fetchedAt: new Date(answer.storedAt).toISOString() };
    },

    /**
     * Forgets what the card keeps of an order and its customer, after an action changed them: the refetch is
     * fresh. With several instances, each is told to forget its own copies too (and the shared ones it knows).
     */
    async forgetOrder(orderId: string, customerId: string | null): Promise<void> {
      await forgetLocally({ orderId, customerId });
      if (!deps.redis) return;
      // The shared cards of this customer that no running instance may hold, by their index: once, here.
      if (customerId)
        await deps.redis.takeSet(cardsOf(customerId)).then(
          (keys) => cards.forgetKeys(keys),
          () => undefined,
        );
      await deps.redis.publish(FORGET_CHANNEL, JSON.stringify({ orderId, customerId })).catch(() => undefined);
    },

    async order(orderId: string): Promise<OrderDetails> {
      const s = await requireSetup();
      const answer = await details.get(`${s.keyPrefix}:${orderId}`, async () => {
        const { data } = await deps.shopify.query<{ order: OrderNode | null }>(s.credential, s.ops.orderDetails, { id: orderId });
        if (!data.order) throw new AppError('NOT_FOUND', 'Shopify has no such order, or it is older than this app may see.');
        return {
          id: data.order.id,
          name: data.order.name,
          fields: readFields(data.order, s.saved.mapping.orderDetails),
          adminUrl: orderAdminUrl(s.credential.shopDomain, data.order.id),
        };
      });
      return { ...answer.value, fetchedAt: new Date(answer.storedAt).toISOString(), ...(answer.stale ? { stale: answer.stale } : {}) };
    },
  };
}
export type CardService = ReturnType<typeof createCardService>;
