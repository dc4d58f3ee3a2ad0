import * as z from 'zod/mini';

/**
 * People: the directory of shoppers synced from the store's Shopify customers. This module is the contract
 * between the BFF, the configuration UI and the tests: which Shopify customer fields can be mapped, which
 * People fields they can go into, the rules a mapping must keep, and the wire of the People API.
 */

/** What a value is, on either side of a mapping. */
export const valueTypes = ['string', 'email', 'phone', 'decimal', 'integer', 'boolean', 'date', 'datetime', 'list'] as const;
export type ValueType = (typeof valueTypes)[number];

/** The types an admin may give a custom attribute. */
export const attributeTypes = ['string', 'decimal', 'integer', 'boolean', 'date', 'datetime'] as const;
export type AttributeType = (typeof attributeTypes)[number];

export const valueTypeLabels: Record<ValueType, string> = {
  string: 'text',
  email: 'email address',
  phone: 'phone number',
  decimal: 'decimal number',
  integer: 'whole number',
  boolean: 'yes or no',
  date: 'date',
  datetime: 'date and time',
  list: 'list of words',
};

type SourceField = { label: string; type: ValueType; description: string };

/** The Shopify customer fields an admin can map (the BFF knows how to read each from Shopify). */
export const shopifyCustomerFields = {
  firstName: { label: 'First name', type: 'string', description: "The customer's first name." },
  lastName: { label: 'Last name', type: 'string', description: "The customer's last name." },
  displayName: { label: 'Display name', type: 'string', description: 'The full name Shopify shows for the customer.' },
  email: { label: 'Email', type: 'email', description: "The customer's email address." },
  phone: { label: 'Phone', type: 'phone', description: "The customer's phone number (E.164)." },
  addressPhones: { label: 'Address phones', type: 'phone', description: "Phone numbers on the customer's addresses." },
  address1: { label: 'Address line 1', type: 'string', description: 'Street and number of the default address.' },
  address2: { label: 'Address line 2', type: 'string', description: 'Apartment, suite or unit of the default address.' },
  city: { label: 'City', type: 'string', description: 'City of the default address.' },
  province: { label: 'Province or state', type: 'string', description: 'Province or state of the default address.' },
  zip: { label: 'Postal code', type: 'string', description: 'Postal code of the default address.' },
  country: { label: 'Country', type: 'string', description: 'Country of the default address (its ISO code, such as FR).' },
  tags: { label: 'Tags', type: 'list', description: "The customer's tags in Shopify." },
  note: { label: 'Note', type: 'string', description: 'The staff note on the customer.' },
  numberOfOrders: { label: 'Orders count', type: 'integer', description: 'How many orders the customer has placed.' },
  amountSpent: { label: 'Amount spent', type: 'decimal', description: 'Total spent, in the currency of "Amount spent currency".' },
  amountSpentCurrency: { label: 'Amount spent currency', type: 'string', description: 'The currency code of "Amount spent".' },
  createdAt: { label: 'Customer since', type: 'datetime', description: 'When the customer was created in Shopify.' },
  updatedAt: { label: 'Updated in Shopify', type: 'datetime', description: 'When the customer last changed in Shopify.' },
  emailMarketingConsent: {
    label: 'Email marketing consent',
    type: 'boolean',
    description: 'Whether the customer agreed to receive marketing by email.',
  },
  state: { label: 'Account state', type: 'string', description: 'Enabled, invited, disabled or declined.' },
  locale: { label: 'Language', type: 'string', description: "The customer's preferred language." },
  verifiedEmail: { label: 'Email verified', type: 'boolean', description: 'Whether Shopify verified the email address.' },
  taxExempt: { label: 'Tax exempt', type: 'boolean', description: 'Whether the customer is exempt from taxes.' },
  customerId: { label: 'Customer ID', type: 'string', description: "Shopify's number for the customer (as in the admin's URL)." },
} as const satisfies Record<string, SourceField>;
export type ShopifyCustomerField = keyof typeof shopifyCustomerFields;
export const isShopifyCustomerField = (key: string): key is ShopifyCustomerField => Object.hasOwn(shopifyCustomerFields, key);

type StandardField = { label: string; type: ValueType; many?: true };

/** The People fields every person has. `many` fields keep every value mapped into them (emails, phones, tags). */
export const peopleStandardFields = {
  firstName: { label: 'First name', type: 'string' },
  lastName: { label: 'Last name', type: 'string' },
  emails: { label: 'Emails', type: 'email', many: true },
  phones: { label: 'Phones', type: 'phone', many: true },
  address: { label: 'Address', type: 'string' },
  city: { label: 'City', type: 'string' },
  country: { label: 'Country', type: 'string' },
  birthDate: { label: 'Birth date', type: 'date' },
  tags: { label: 'Tags', type: 'list', many: true },
  externalId: { label: 'External ID', type: 'string' },
} as const satisfies Record<string, StandardField>;
export type PeopleStandardField = keyof typeof peopleStandardFields;
export const isPeopleStandardField = (key: string): key is PeopleStandardField => Object.hasOwn(peopleStandardFields, key);

/** Which source types each target type takes: a value is never narrowed or guessed. */
const accepts: Record<ValueType, readonly ValueType[]> = {
  string: valueTypes.filter((type) => type !== 'list'),
  email: ['email'],
  phone: ['phone'],
  decimal: ['decimal', 'integer'],
  integer: ['integer'],
  boolean: ['boolean'],
  date: ['date', 'datetime'],
  datetime: ['datetime'],
  list: ['list'],
};
export const canMap = (from: ValueType, to: ValueType): boolean => accepts[to].includes(from);

/** A custom attribute's key: what other Infobip-style tools would use in templates. */
const attributeKey = z
  .string()
  .check(z.regex(/^[A-Za-z][A-Za-z0-9_]{0,59}$/, 'An attribute name starts with a letter and has only letters, digits and _ (at most 60)'));

export const customAttributeSchema = z.object({
  key: attributeKey,
  type: z.enum(attributeTypes),
});
export type CustomAttribute = z.infer<typeof customAttributeSchema>;

export const mappingTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('standard'), field: z.string() }),
  z.object({ kind: z.literal('attribute'), key: z.string() }),
]);
export type MappingTarget = z.infer<typeof mappingTargetSchema>;

export const mappingRowSchema = z.object({ source: z.string(), target: mappingTargetSchema });
export type MappingRow = z.infer<typeof mappingRowSchema>;

/** What an admin saves: the rows, and the custom attributes they may have created on the page. */
export const peopleMappingInputSchema = z.object({
  rows: z.array(mappingRowSchema).check(z.minLength(1, 'Map at least one field'), z.maxLength(60, 'At most 60 rows')),
  attributes: z.array(customAttributeSchema).check(z.maxLength(100)),
});
export type PeopleMappingInput = z.infer<typeof peopleMappingInputSchema>;

export type MappingProblem = { path: string; message: string };

export function targetLabel(target: MappingTarget): string {
  if (target.kind === 'attribute') return target.key;
  return isPeopleStandardField(target.field) ? peopleStandardFields[target.field].label : target.field;
}

function targetType(target: MappingTarget, attributes: Map<string, AttributeType>): ValueType | undefined {
  if (target.kind === 'attribute') return attributes.get(target.key);
  return isPeopleStandardField(target.field) ? peopleStandardFields[target.field].type : undefined;
}

const targetId = (target: MappingTarget) => (target.kind === 'attribute' ? `attribute:${target.key}` : `standard:${target.field}`);

/**
 * Every rule a People mapping must keep, in words an admin can act on: known fields on both sides, one
 * Shopify field per People field (but many into emails, phones and tags), types that fit, each custom
 * attribute declared once. The BFF refuses a save that breaks one; the page shows the same messages.
 */
export function mappingProblems(input: PeopleMappingInput): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const attributes = new Map<string, AttributeType>();
  input.attributes.forEach((attribute, index) => {
    if (attributes.has(attribute.key) || isPeopleStandardField(attribute.key)) {
      problems.push({ path: `attributes.${index}.key`, message: `The attribute ${attribute.key} is declared twice` });
    }
    attributes.set(attribute.key, attribute.type);
  });
  const used = new Map<string, string>();
  input.rows.forEach((row, index) => {
    if (!isShopifyCustomerField(row.source)) {
      problems.push({ path: `rows.${index}.source`, message: `Unknown Shopify customer field: ${row.source}` });
      return;
    }
    const source = shopifyCustomerFields[row.source];
    const type = targetType(row.target, attributes);
    if (type === undefined) {
      const what = row.target.kind === 'attribute' ? 'custom attribute' : 'People field';
      problems.push({ path: `rows.${index}.target`, message: `Unknown ${what}: ${targetLabel(row.target)}` });
      return;
    }
    const many =
      row.target.kind === 'standard' && isPeopleStandardField(row.target.field) && 'many' in peopleStandardFields[row.target.field];
    const id = targetId(row.target);
    const first = used.get(id);
    if (first !== undefined && !many) {
      problems.push({
        path: `rows.${index}.target`,
        message: `${first} and ${source.label} both go into ${targetLabel(row.target)}: a People field takes one Shopify field`,
      });
    }
    if (first === undefined) used.set(id, source.label);
    if (!canMap(source.type, type)) {
      problems.push({
        path: `rows.${index}.target`,
        message: `${source.label} is a ${valueTypeLabels[source.type]} and cannot go into ${targetLabel(row.target)}, a ${valueTypeLabels[type]}`,
      });
    }
  });
  return problems;
}

/** The basic initial mapping the Configure page opens with. */
export const basicPeopleMapping: PeopleMappingInput = {
  rows: [
    { source: 'firstName', target: { kind: 'standard', field: 'firstName' } },
    { source: 'lastName', target: { kind: 'standard', field: 'lastName' } },
    { source: 'email', target: { kind: 'standard', field: 'emails' } },
    { source: 'phone', target: { kind: 'standard', field: 'phones' } },
    { source: 'addressPhones', target: { kind: 'standard', field: 'phones' } },
    { source: 'address1', target: { kind: 'standard', field: 'address' } },
    { source: 'city', target: { kind: 'standard', field: 'city' } },
    { source: 'country', target: { kind: 'standard', field: 'country' } },
    { source: 'tags', target: { kind: 'standard', field: 'tags' } },
    { source: 'customerId', target: { kind: 'standard', field: 'externalId' } },
    { source: 'numberOfOrders', target: { kind: 'attribute', key: 'shopifyOrdersCount' } },
    { source: 'amountSpent', target: { kind: 'attribute', key: 'shopifyAmountSpent' } },
    { source: 'amountSpentCurrency', target: { kind: 'attribute', key: 'shopifyAmountSpentCurrency' } },
    { source: 'createdAt', target: { kind: 'attribute', key: 'shopifyCustomerSince' } },
    { source: 'emailMarketingConsent', target: { kind: 'attribute', key: 'shopifyEmailMarketingConsent' } },
  ],
  attributes: [
    { key: 'shopifyOrdersCount', type: 'integer' },
    { key: 'shopifyAmountSpent', type: 'decimal' },
    { key: 'shopifyAmountSpentCurrency', type: 'string' },
    { key: 'shopifyCustomerSince', type: 'datetime' },
    { key: 'shopifyEmailMarketingConsent', type: 'boolean' },
  ],
};

export const savedPeopleMappingSchema = z.object({
  version: z.number(),
  mapping: peopleMappingInputSchema,
  savedBy: z.string(),
  savedAt: z.string(),
});
export type SavedPeopleMapping = z.infer<typeof savedPeopleMappingSchema>;

/** `PUT /api/people/mapping`: the mapping and the version it was edited from (0 for none), as the card's. */
export const peopleMappingSaveSchema = z.object({ mapping: peopleMappingInputSchema, version: z.number().check(z.int(), z.gte(0)) });

/** The sync's phases: never run, the first run over every customer, or keeping up with changes. */
export const syncPhases = ['never_run', 'initial', 'incremental', 'up_to_date'] as const;
export type SyncPhase = (typeof syncPhases)[number];

export const syncRunSchema = z.object({
  kind: z.enum(['initial', 'incremental']),
  startedAt: z.string(),
  finishedAt: z.nullable(z.string()),
  created: z.number(),
  updated: z.number(),
  events: z.number(),
  errors: z.number(),
  /** Why the run stopped short, in words an admin can act on. */
  error: z.nullable(z.string()),
});
export type SyncRun = z.infer<typeof syncRunSchema>;

/** `GET /api/people/sync`: what the "Shopify customers to people" block shows. */
export const peopleSyncStateSchema = z.object({
  credentialId: z.nullable(z.string()),
  active: z.boolean(),
  phase: z.enum(syncPhases),
  /**
   * Whether a run is under way now. A run that stopped short leaves the phase where it was (`initial`,
   * `incremental`) until the next run resumes it, so the phase alone does not say so.
   */
  running: z.boolean(),
  /** During the initial run: customers written so far, of how many Shopify has (when known). */
  progress: z.nullable(z.object({ done: z.number(), total: z.nullable(z.number()) })),
  lastRun: z.nullable(syncRunSchema),
  nextRunAt: z.nullable(z.string()),
  intervalSeconds: z.number(),
  mapping: z.nullable(savedPeopleMappingSchema),
  counts: z.object({ people: z.number(), events: z.number() }),
});
export type PeopleSyncState = z.infer<typeof peopleSyncStateSchema>;

export const eventKinds = ['order_placed', 'order_fulfilled', 'order_cancelled', 'order_refunded', 'checkout_abandoned'] as const;
export type EventKind = (typeof eventKinds)[number];

const moneySchema = z.object({ amount: z.string(), currencyCode: z.string() });

export const personEventSchema = z.object({
  id: z.string(),
  kind: z.enum(eventKinds),
  occurredAt: z.string(),
  /** The order's or checkout's GID in Shopify. */
  sourceId: z.string(),
  /** `#1042` for orders; absent for checkouts. */
  orderName: z.optional(z.string()),
  total: z.optional(moneySchema),
  /** Checkout items or refunded amounts, as words for the list: "2 × Linen shirt". */
  items: z.optional(z.array(z.string())),
  /** Abandoned checkouts: where the shopper can finish. */
  recoveryUrl: z.optional(z.string()),
  /** Cancelled orders: Shopify's reason. */
  reason: z.optional(z.string()),
  /** Refunds: the note the refund was given. */
  note: z.optional(z.string()),
});
export type PersonEvent = z.infer<typeof personEventSchema>;

const attributeValueSchema = z.object({
  value: z.union([z.string(), z.number(), z.boolean()]),
  type: z.enum(attributeTypes),
  /** The People mapping version that wrote the value. */
  mappingVersion: z.number(),
});

export const personSchema = z.object({
  id: z.string(),
  shopDomain: z.string(),
  shopifyCustomerId: z.string(),
  firstName: z.nullable(z.string()),
  lastName: z.nullable(z.string()),
  emails: z.array(z.string()),
  /** E.164. */
  phones: z.array(z.string()),
  address: z.nullable(z.string()),
  city: z.nullable(z.string()),
  country: z.nullable(z.string()),
  birthDate: z.nullable(z.string()),
  tags: z.array(z.string()),
  externalId: z.nullable(z.string()),
  attributes: z.record(z.string(), attributeValueSchema),
  /** Which mapping version wrote each standard field. */
  fieldVersions: z.record(z.string(), z.number()),
  shopifyAdminUrl: z.string(),
  shopifyUpdatedAt: z.nullable(z.string()),
  syncedAt: z.string(),
  createdAt: z.string(),
});
export type Person = z.infer<typeof personSchema>;

export const personDetailSchema = z.object({ ...personSchema.shape, events: z.array(personEventSchema) });
export type PersonDetail = z.infer<typeof personDetailSchema>;

export const peoplePageSchema = z.object({ people: z.array(personSchema), nextCursor: z.nullable(z.string()) });
export type PeoplePage = z.infer<typeof peoplePageSchema>;

/** `PUT /api/people/sync/credential` (Set Credentials) and `POST /api/people/sync/activation`. */
export const peopleCredentialChoiceSchema = z.object({ credentialId: z.string().check(z.minLength(1)) });
export const peopleActivationSchema = z.object({ active: z.boolean() });
