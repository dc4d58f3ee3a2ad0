import { countryProfile } from './geography';
import { scenarioForAge } from './order-scenarios';
import { customerIdBase, personaKeys, personaProfiles, sandboxShop, type PersonaOrder, type PersonaProfile } from './personas';
import { createPrng, type Prng } from './prng';
import { customerNotePool, customerTagPool, generatedCustomers, type GeneratedCustomer } from './seed-names';
import type { AddressRecord, CustomerRecord, CustomerState, OrderRecord, SandboxSeed, ShopRecord } from './seed-model';
import { buildOrder, createIdAllocator, type OrderPlan } from './seed-orders';

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
   * exactly as they are): British shoppers with unique phones in Ofcom's drama ranges and unique
   * emails, each with up to six orders numbered after the store's own.
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

function generatedCustomer(person: GeneratedCustomer, index: number, nowMs: number, prng: Prng) {
  const orderCount = prng.weighted([
    [0, 20],
    [1, 25],
    [2, 20],
    [3, 15],
    [4, 10],
    [6, 10],
  ] as const);
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

const extraFirstNames = [
  'Amelia',
  'Oliver',
  'Isla',
  'George',
  'Freya',
  'Arthur',
  'Zoë',
  'Rhys',
  'Aoife',
  'Kwame',
  'Priya',
  'Mohammed',
  'Siân',
  'Tomás',
  'Chidi',
  'Hannah',
  'Callum',
  'Mei',
  'Oisín',
  'Ruth',
];
const extraLastNames = [
  'Smith',
  'Jones',
  'Taylor',
  'Brown',
  'Williams',
  'Evans',
  'Khan',
  'Patel',
  'Murphy',
  "O'Neill",
  'Nowak',
  'Okoye',
  'Begum',
  'Davies',
  'Hughes',
  'Wright',
  'Campbell',
  'Ahmed',
  'Kowalski',
  'Lewis',
];
const extraTowns = [
  { city: 'Leeds', zip: 'LS1 4DY', street: 'Briggate' },
  { city: 'Bristol', zip: 'BS1 3XE', street: 'Park Street' },
  { city: 'Glasgow', zip: 'G1 3SL', street: 'Buchanan Street' },
  { city: 'Cardiff', zip: 'CF10 1FL', street: 'Queen Street' },
  { city: 'Belfast', zip: 'BT1 5GS', street: 'Royal Avenue' },
  { city: 'London', zip: 'N1 9GU', street: 'Upper Street' },
];
/** Ofcom's numbers for drama (mobile, then geographic): 1,000 each, never given to anyone. */
const dramaRanges = [
  '+447700900',
  '+441134960',
  '+441144960',
  '+441154960',
  '+441164960',
  '+441174960',
  '+441184960',
  '+441214960',
  '+441314960',
  '+441414960',
  '+441514960',
  '+441614960',
  '+442079460',
];

function asciiSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();
}

/** `count` made-up shoppers whose phones and emails no other customer has. */
function extraPeople(count: number, taken: ReadonlySet<string>): GeneratedCustomer[] {
  const phones = dramaRanges
    .flatMap((prefix) => Array.from({ length: 1000 }, (_, n) => prefix + String(n).padStart(3, '0')))
    .filter((phone) => !taken.has(phone));
  if (count > phones.length) throw new RangeError(`At most ${phones.length} extra customers`);
  return Array.from({ length: count }, (_, n) => {
    const firstName = extraFirstNames[n % extraFirstNames.length] as string;
    const lastName = extraLastNames[Math.floor(n / extraFirstNames.length) % extraLastNames.length] as string;
    const town = extraTowns[n % extraTowns.length] as (typeof extraTowns)[number];
    return {
      firstName,
      lastName,
      email: `${asciiSlug(firstName)}.${asciiSlug(lastName)}.${n + 1}@example.co.uk`,
      phone: phones[n] as string,
      locale: 'en-GB',
      country: 'GB',
      address: { address1: `${(n % 180) + 1} ${town.street}`, city: town.city, zip: town.zip },
    };
  });
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
  if (options.extraCustomers) {
    // A generator of their own, drawn after everything else, so the store's own data is unchanged.
    const extraPrng = createPrng(SEED + 1);
    const taken = new Set(
      customers.flatMap((customer) => [customer.phone, ...customer.addresses.map((a) => a.phone)]).filter((p): p is string => p !== null),
    );
    const extraPlans = extraPeople(options.extraCustomers, taken).flatMap((person) => {
      const { customer, plans: own } = generatedCustomer(person, customers.length, nowMs, extraPrng);
      customers.push(customer);
      return own;
    });
    extraPlans.sort((a, b) => a.createdAt - b.createdAt || a.customer.id - b.customer.id);
    const first = 1001 + orders.length;
    orders.push(...extraPlans.map((plan, index) => buildOrder(plan, first + index, nowMs, extraPrng, ids)));
  }
  for (const order of orders) {
    const customer = customers.find((candidate) => candidate.id === order.customerId);
    if (!customer) continue;
    customer.orderIds.push(order.id);
    customer.updatedAt = Math.max(customer.updatedAt, order.updatedAt);
  }
  return { now, shop: sandboxShopRecord, customers, orders };
}
