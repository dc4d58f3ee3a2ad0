import { countryProfile } from './geography';
import { scenarioForAge } from './order-scenarios';
import { customerIdBase, personaKeys, personaProfiles, sandboxShop, type PersonaOrder, type PersonaProfile } from './personas';
import { createPrng, type Prng } from './prng';
import { extraPeople } from './seed-extra';
import { customerNotePool, customerTagPool, generatedCustomers, type GeneratedCustomer } from './seed-names';
import type { AddressRecord, CustomerRecord, CustomerState, OrderRecord, SandboxSeed, ShopRecord } from './seed-model';
import { seedAbandonedCheckouts } from './seed-checkouts';
import { buildOrder, createIdAllocator, type OrderPlan } from './seed-orders';
import { seedPayments } from './seed-payments';

export { personas, sandboxShop } from './personas';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Orders span the two years before the anchor date. */
const HISTORY_DAYS = 728;
const SEED = 0x1d_e2_10;
const customerAddressIdBase = 8_120_000_000_000;

export type SeedOptions = {
  /** The anchor date every timestamp is relative to; the same anchor always gives the same data. */
  now?: Date;
  /**
   * More customers for load and memory benchmarks, added after the store's own ones (which stay
   * exactly as they are): shoppers with unique phones in the regulators' fiction ranges and unique
   * emails (see `seed-extra.ts`), each with up to six orders numbered after the store's own.
   */
  extraCustomers?: number;
};

/** Midnight UTC of the given day: the default anchor, so the demo's orders look current. */
export function startOfUtcDay(date: Date = new Date()): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

export const sandboxShopRecord: ShopRecord = {
  id: 81_234_567_890,
  name: sandboxShop.name,
  email: 'hello@linden-and-loom.example',
  myshopifyDomain: sandboxShop.domain,
  primaryDomainHost: sandboxShop.domain,
  currencyCode: 'USD',
  ianaTimezone: 'America/New_York',
  planDisplayName: 'Basic',
};

type Person = Pick<PersonaProfile, 'firstName' | 'lastName' | 'email' | 'phone' | 'locale' | 'country'> & {
  address: PersonaProfile['address'];
};

function customerRecord(
  person: Person,
  index: number,
  createdAt: number,
  extra: { state: CustomerState; tags: string[]; note: string | null; prng: Prng },
): CustomerRecord {
  const id = customerIdBase + index + 1;
  const address: AddressRecord = {
    id: customerAddressIdBase + index + 1,
    modelName: 'CustomerAddress',
    firstName: person.firstName,
    lastName: person.lastName,
    company: null,
    address1: person.address.address1,
    address2: person.address.address2 ?? null,
    city: person.address.city,
    province: person.address.province ?? null,
    provinceCode: person.address.provinceCode ?? null,
    zip: person.address.zip,
    countryCode: person.country,
    phone: person.address.phone ?? person.phone,
  };
  const { prng } = extra;
  return {
    id,
    firstName: person.firstName,
    lastName: person.lastName,
    email: person.email,
    emailMarketingState: extra.tags.includes('newsletter') ? 'SUBSCRIBED' : prng.pick(['NOT_SUBSCRIBED', 'UNSUBSCRIBED'] as const),
    phone: person.phone,
    smsMarketingState: prng.pick(['NOT_SUBSCRIBED', 'SUBSCRIBED', 'UNSUBSCRIBED'] as const),
    state: extra.state,
    tags: extra.tags,
    note: extra.note,
    verifiedEmail: person.email !== null && extra.state !== 'INVITED',
    locale: person.locale,
    createdAt,
    updatedAt: createdAt,
    addresses: [address],
    defaultAddress: address,
    presentmentCurrency: countryProfile(person.country).currency,
    orderIds: [],
  };
}

function timeOfDay(nowMs: number, ageDays: number, prng: Prng): number {
  return nowMs - ageDays * DAY - prng.int(1, 20) * HOUR - prng.int(0, 59) * MINUTE - prng.int(0, 59) * 1000;
}

/** A persona's orders: the hand-written newest ones, then the rest spread over the years before. */
function personaPlans(profile: PersonaProfile, customer: CustomerRecord, nowMs: number, prng: Prng): OrderPlan[] {
  const recent: readonly PersonaOrder[] = profile.recentOrders;
  const plans: OrderPlan[] = recent.map((order) => ({
    customer,
    createdAt: timeOfDay(nowMs, order.ageDays, prng),
    scenario: order.scenario,
    ...(order.note !== undefined && { note: order.note }),
    ...(order.tags !== undefined && { tags: order.tags }),
    ...(order.trackingUrl !== undefined && { trackingUrl: order.trackingUrl }),
    ...(order.payment !== undefined && { payment: order.payment }),
  }));
  const rest = profile.orderCount - recent.length;
  // Margaret's standing order ships all the time; the others' older orders fall outside 60 days.
  const from = profile.orderCount > 100 ? 12 : 65;
  const to = Math.min(HISTORY_DAYS, profile.customerSinceDays - 2);
  const step = (to - from) / Math.max(rest, 1);
  for (let i = 0; i < rest; i += 1) {
    const age = profile.orderCount > 100 ? Math.round(from + step * (i + 0.5) + (prng.next() - 0.5) * step * 0.6) : prng.int(from, to);
    plans.push({ customer, createdAt: timeOfDay(nowMs, age, prng), scenario: scenarioForAge(age, prng) });
  }
  return plans;
}

type OrderCountWeights = readonly (readonly [number, number])[];
/** The store's own shoppers: two orders on average. */
const storeOrderCounts: OrderCountWeights = [
  [0, 20],
  [1, 25],
  [2, 20],
  [3, 15],
  [4, 10],
  [6, 10],
];
/** Generated shoppers for load tests: about one order each, so a store of 100,000 stays light. */
const extraOrderCounts: OrderCountWeights = [
  [0, 35],
  [1, 35],
  [2, 20],
  [3, 7],
  [6, 3],
];

function generatedCustomer(person: GeneratedCustomer, index: number, nowMs: number, prng: Prng, weights = storeOrderCounts) {
  const orderCount = prng.weighted(weights);
  const ages = Array.from({ length: orderCount }, () => prng.int(0, HISTORY_DAYS));
  const sinceDays = Math.min(HISTORY_DAYS + 30, Math.max(5, ...ages) + prng.int(1, 60));
  const state =
    person.email === null
      ? 'DISABLED'
      : prng.weighted<CustomerState>([
          ['ENABLED', 80],
          ['DISABLED', 8],
          ['INVITED', 8],
          ['DECLINED', 4],
        ]);
  const tags = customerTagPool.filter(() => prng.chance(0.15));
  const note = prng.chance(0.25) ? prng.pick(customerNotePool) : null;
  const customer = customerRecord(person, index, timeOfDay(nowMs, sinceDays, prng), { state, tags, note, prng });
  const plans: OrderPlan[] = ages.map((age) => ({
    customer,
    createdAt: timeOfDay(nowMs, age, prng),
    scenario: scenarioForAge(age, prng),
  }));
  return { customer, plans };
}

/** The whole store as of `now`: customers, then orders numbered from #1001 in creation order. */
export function createSandboxSeed(options: SeedOptions = {}): SandboxSeed {
  const now = options.now ?? startOfUtcDay();
  const nowMs = now.getTime();
  const prng = createPrng(SEED);
  const customers: CustomerRecord[] = [];
  const plans: OrderPlan[] = [];

  personaKeys.forEach((key, index) => {
    const profile: PersonaProfile = personaProfiles[key];
    const customer = customerRecord(profile, index, timeOfDay(nowMs, profile.customerSinceDays, prng), {
      state: profile.state,
      tags: [...profile.tags],
      note: profile.note,
      prng,
    });
    customers.push(customer);
    plans.push(...personaPlans(profile, customer, nowMs, prng));
  });
  generatedCustomers.forEach((person, offset) => {
    const { customer, plans: own } = generatedCustomer(person, personaKeys.length + offset, nowMs, prng);
    customers.push(customer);
    plans.push(...own);
  });

  plans.sort((a, b) => a.createdAt - b.createdAt || a.customer.id - b.customer.id);
  const ids = createIdAllocator();
  const orders: OrderRecord[] = plans.map((plan, index) => buildOrder(plan, 1001 + index, nowMs, prng, ids));
  const allPlans = [...plans];
  if (options.extraCustomers) {
    // A generator of their own, drawn after everything else, so the store's own data is unchanged.
    const extraPrng = createPrng(SEED + 1);
    const taken = new Set(
      customers.flatMap((customer) => [customer.phone, ...customer.addresses.map((a) => a.phone)]).filter((p): p is string => p !== null),
    );
    const extraPlans = extraPeople(options.extraCustomers, taken).flatMap((person) => {
      const { customer, plans: own } = generatedCustomer(person, customers.length, nowMs, extraPrng, extraOrderCounts);
      customers.push(customer);
      return own;
    });
    extraPlans.sort((a, b) => a.createdAt - b.createdAt || a.customer.id - b.customer.id);
    const first = 1001 + orders.length;
    // One at a time: spreading a hundred thousand orders into push() overflows the stack.
    extraPlans.forEach((plan, index) => {
      orders.push(buildOrder(plan, first + index, nowMs, extraPrng, ids));
      allPlans.push(plan);
    });
  }
  orders.forEach((order, index) => seedPayments(order, allPlans[index]?.payment, ids));
  const byId = new Map(customers.map((customer) => [customer.id, customer]));
  for (const order of orders) {
    const customer = order.customerId === null ? undefined : byId.get(order.customerId);
    if (!customer) continue;
    customer.orderIds.push(order.id);
    customer.updatedAt = Math.max(customer.updatedAt, order.updatedAt);
  }
  const abandonedCheckouts = seedAbandonedCheckouts(customers, nowMs, ids);
  return { now, shop: sandboxShopRecord, customers, orders, abandonedCheckouts, draftOrders: [] };
}
