import { personaProfiles, personas } from '../mocks/shopify/personas';
import { startSandboxStore, type RunningSandboxStore } from '../mocks/shopify/store';
import { fieldsOf, orderCardFields, type FieldKey } from '../src/shared/fields';
import { defaultFieldMapping, type FieldMapping } from '../src/shared/mapping';
import { basicPeopleMapping } from '../src/shared/people';
import { agentToken, cardOpenHeaders, createBenchBff, noCache } from './lib/bff';
import type { Figure, Line } from './lib/report';
import { distDir } from './weight';

/** Shopify's Standard plan restores 100 cost points a second. */
export const STANDARD_RESTORE_RATE = 100;
/** Shopify refuses any single query that asks for more than this. */
export const MAX_REQUESTED_COST = 1_000;

type Cost = {
  requests: number;
  tokenRequests: number;
  requested: number;
  actual: number;
  operations: string[];
  /** Why Shopify (the sandbox store) refused, when it did. */
  refused?: string;
};

/** Sends one BFF call and reads what it cost from the sandbox store's accounting. */
function meter(sandbox: RunningSandboxStore, app: Awaited<ReturnType<typeof createBenchBff>>['app'], token: string) {
  return async (path: string, body: unknown): Promise<{ answer: Record<string, unknown>; cost: Cost }> => {
    const { stats } = sandbox.store;
    const from = stats.graphql.length;
    const tokensBefore = stats.tokenRequests;
    const response = await app.request(path, { method: 'POST', headers: cardOpenHeaders(token), body: JSON.stringify(body) });
    const answer = (await response.json()) as Record<string, unknown>;
    const records = stats.graphql.slice(from);
    const failed = records.find((record) => record.status !== 200 || record.errorCode);
    if (!response.ok && !failed) throw new Error(`${path} answered ${response.status}: ${JSON.stringify(answer)}`);
    return {
      answer,
      cost: {
        requests: records.length,
        tokenRequests: stats.tokenRequests - tokensBefore,
        requested: records.reduce((sum, record) => sum + (record.requestedQueryCost ?? 0), 0),
        actual: records.reduce((sum, record) => sum + (record.actualQueryCost ?? 0), 0),
        operations: records.map((record) => record.operationName ?? '(anonymous)'),
        ...(failed ? { refused: `${failed.errorCode ?? failed.status}` } : {}),
      },
    };
  };
}

const sustained = (cost: number) => (cost > 0 ? STANDARD_RESTORE_RATE / cost : Infinity);
const rate = (value: number) => (value === Infinity ? 'unlimited' : `${value.toFixed(1)}/s`);

function costLines(name: string, what: string, cost: Cost): Line[] {
  return [
    {
      label: `${name}: Shopify requests per ${what}`,
      value: `${cost.requests} (${cost.operations.join(', ')}${cost.refused ? `, refused: ${cost.refused}` : ''})`,
      budget: '≤ 1',
      ok: cost.requests <= 1,
    },
    {
      label: `${name}: query cost requested / actual`,
      value: `${cost.requested} / ${cost.actual}`,
      budget: `requested ≤ ${MAX_REQUESTED_COST}`,
      ok: cost.requested <= MAX_REQUESTED_COST && !cost.refused,
    },
    {
      label: `${name}: ${what}s a Standard plan sustains`,
      value: cost.refused
        ? 'none: Shopify refuses the query'
        : `${rate(sustained(cost.actual))} by actual, ${rate(sustained(cost.requested))} by requested`,
    },
  ];
}

type Meter = ReturnType<typeof meter>;

/**
 * A card open resolved in the People directory: Grace's phone is only on her address, which Shopify's search
 * finds in three requests (customers, then addresses, then the card); People knows it and the card opens her by
 * id in one. Measured after one sync of the sandbox store with the basic People mapping.
 */
async function peopleOpen(services: Awaited<ReturnType<typeof createBenchBff>>['services'], call: Meter) {
  const shopper = { phone: personaProfiles.grace.address.phone ?? '' };
  const credential = (await services.credentials.list())[0];
  if (!credential) throw new Error('No credential to sync People with');
  const searched = await call('/api/card', shopper);
  await services.peopleSettings.setCredential(credential.id, 'bench');
  await services.peopleSettings.saveMapping(basicPeopleMapping, 0, 'bench');
  await services.peopleSettings.setActive(true, 'bench');
  await services.peopleSync.tick();
  const { answer, cost } = await call('/api/card', shopper);
  const matchedBy = answer.matchedBy as { via?: string } | undefined;
  if (answer.state !== 'matched' || matchedBy?.via !== 'people') {
    throw new Error(`The card open did not resolve through People: ${JSON.stringify(answer.matchedBy ?? answer.state)}`);
  }
  return { viaPeople: cost, viaSearch: searched.cost };
}

/**
 * Figure 2: what one card open (and one order-details open) costs at Shopify, for the default
 * mapping and for the most expensive one the catalogue allows. The shopper is Amélie, found by
 * phone, whose 12 orders fill the first page of 10.
 */
export async function costFigure(): Promise<Figure> {
  const sandbox = await startSandboxStore({
    port: 0,
    bucket: { maximumAvailable: 1e12, restoreRate: 1e12 },
    bulk: { startDelayMs: 0, pageDelayMs: 0 },
  });
  try {
    const { app, services } = await createBenchBff({
      sandboxOrigin: sandbox.origin,
      cache: noCache,
      distDir,
      logLevel: 'silent',
      peopleSync: { pollMs: 20 },
    });
    const call = meter(sandbox, app, await agentToken());
    const shopper = { phone: personas.amelie.phone };
    const tokenRequestsAtStart = sandbox.store.stats.tokenRequests;
    let version = (await services.settings.mapping())?.version ?? 0;
    const use = async (mapping: FieldMapping) => {
      version = (await services.settings.saveMapping(mapping, version, 'bench')).version;
    };
    const open = async () => {
      const { answer, cost } = await call('/api/card', shopper);
      if (!cost.refused && answer.state !== 'matched') throw new Error(`The card open found no single shopper: ${String(answer.state)}`);
      return { cost, firstOrderId: (answer.orders as { nodes: { id: string }[] } | undefined)?.nodes[0]?.id };
    };
    // The order is Amélie's newest, found with the default mapping (a refused card open names none).
    const newestOrderId = (await open()).firstOrderId;
    if (!newestOrderId) throw new Error('The shopper has no orders');
    const openBoth = async () => ({
      cardOpen: (await open()).cost,
      orderDetails: (await call('/api/card/order', { orderId: newestOrderId })).cost,
    });

    // Each order field alone on the order card, to find the three that cost most.
    const perField: { key: FieldKey; requested: number; actual: number }[] = [];
    for (const key of orderCardFields()) {
      await use({ ...defaultFieldMapping, orderCard: [key] });
      const { cost } = await open();
      perField.push({ key, requested: cost.requested, actual: cost.actual });
    }
    const costliest = [...perField]
      .sort((a, b) => b.requested - a.requested || b.actual - a.actual)
      .slice(0, 3)
      .map((f) => f.key);
    const largest: FieldMapping = { orderCard: costliest, orderDetails: fieldsOf('order'), customerDetails: fieldsOf('customer') };

    await use(defaultFieldMapping);
    const byDefault = await openBoth();
    await use(largest);
    const byLargest = await openBoth();
    await use(defaultFieldMapping);
    const throughPeople = await peopleOpen(services, call);

    return {
      title: `2. Shopify cost per open (sandbox store's accounting; Standard plan restores ${STANDARD_RESTORE_RATE} points/s)`,
      lines: [
        {
          label: 'access token requests in all (one a day in production)',
          value: String(sandbox.store.stats.tokenRequests - tokenRequestsAtStart),
        },
        ...costLines('default mapping', 'card open', byDefault.cardOpen),
        ...costLines('default mapping', 'order details open', byDefault.orderDetails),
        { label: 'largest mapping: order card fields', value: costliest.join(', ') },
        ...costLines('largest mapping', 'card open', byLargest.cardOpen),
        ...costLines('largest mapping', 'order details open', byLargest.orderDetails),
        ...costLines('through People', 'card open', throughPeople.viaPeople),
        {
          label: 'the same open searching Shopify (People not active)',
          value: `${throughPeople.viaSearch.requests} requests (${throughPeople.viaSearch.operations.join(', ')}), requested ${throughPeople.viaSearch.requested}`,
        },
      ],
      data: {
        throughPeople,
        shopper: 'amelie by phone',
        perField,
        defaultMapping: defaultFieldMapping,
        largestMapping: largest,
        byDefault,
        byLargest,
      },
    };
  } finally {
    await sandbox.close();
  }
}
