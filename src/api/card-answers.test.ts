import {
  amelie,
  configurationPendingCard,
  hanako,
  matchedCard,
  multipleCard,
  notFoundCard,
  orderDetails,
  orderPage,
  pickedSmithCard,
  smiths,
} from '../../mocks/api/fixtures';
import type { Check } from '../shared/checks';
import { fieldsOf, orderCardFields } from '../shared/fields';
import type { FieldMapping } from '../shared/mapping';
import { problemSchema } from '../shared/problem-document';
import { cardResponseSchema, orderDetailsSchema, orderPageResponseSchema } from '../shared/wire';
import { cardAnswer, orderDetailsAnswer, orderPageAnswer } from './card-answers';
import { problemAnswer } from './problem-answer';

type Schema = { safeParse(value: unknown): { success: boolean } };

/**
 * The answer with one part broken at a time: each property removed, and each value replaced by one
 * of another type. Yields where, and the broken answer.
 */
function* brokenCopies(answer: unknown): Generator<[string, unknown]> {
  const visit = function* (value: unknown, path: (string | number)[]): Generator<[(string | number)[], unknown]> {
    if (path.length > 0) {
      yield [path, typeof value === 'string' ? 42 : 'not this'];
      yield [path, undefined];
    }
    if (Array.isArray(value)) for (const [index, item] of value.entries()) yield* visit(item, [...path, index]);
    else if (typeof value === 'object' && value !== null)
      for (const [key, item] of Object.entries(value)) yield* visit(item, [...path, key]);
  };
  for (const [path, replacement] of visit(answer, [])) {
    const copy: unknown = structuredClone(answer);
    let parent = copy as Record<string | number, unknown>;
    for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
    const last = path[path.length - 1] as string | number;
    if (replacement === undefined && !Array.isArray(parent)) delete parent[last];
    else parent[last] = replacement;
    yield [`${path.join('.')} ${replacement === undefined ? 'left out' : `as ${JSON.stringify(replacement)}`}`, copy];
  }
}

function expectAgreement(check: Check<unknown>, schema: Schema, answer: unknown) {
  expect(check(answer)).toBeNull();
  expect(schema.safeParse(answer).success).toBe(true);
  for (const [where, broken] of brokenCopies(answer)) {
    expect({ where, accepted: check(broken) === null }).toEqual({ where, accepted: schema.safeParse(broken).success });
  }
}

const amelieOrders = amelie.history();
/** Every field the catalogue has, each where it may go. */
const everyField: FieldMapping = {
  orderCard: orderCardFields().slice(0, 3),
  orderDetails: fieldsOf('order'),
  customerDetails: fieldsOf('customer'),
};

describe("the card's hand checks accept and refuse what the zod wire does", () => {
  it.each([
    ['matched, default fields', matchedCard()],
    ['matched, every field', matchedCard(hanako, { kind: 'email', value: hanako.email }, everyField)],
    ['matched, stale', { ...matchedCard(), stale: { reason: 'SHOPIFY_THROTTLED', ageSeconds: 120 } }],
    ['picked among several', pickedSmithCard(smiths[0]!)],
    ['several', multipleCard()],
    ['none', notFoundCard()],
    ['configuration pending', configurationPendingCard('admin', ['mapping'])],
  ])('for a card open: %s', (_, answer) => {
    expectAgreement(cardAnswer, cardResponseSchema, answer);
  });

  it('for a next page of orders', () => {
    expectAgreement(orderPageAnswer, orderPageResponseSchema, {
      orders: orderPage(amelieOrders, 10, 3),
      fetchedAt: '2026-11-20T08:31:00.000Z',
    });
  });

  it('for an order with its details', () => {
    expectAgreement(orderDetailsAnswer, orderDetailsSchema, orderDetails(amelieOrders[0]!, everyField));
  });

  it('for a problem document', () => {
    expectAgreement(problemAnswer, problemSchema, {
      type: 'about:blank',
      title: 'Invalid request',
      status: 400,
      code: 'BAD_REQUEST',
      detail: 'See errors',
      errors: [{ path: 'phone', message: 'Too long' }],
    });
  });

  it('refuses a state, a field or a flag the wire does not know', () => {
    expect(cardAnswer({ state: 'maybe' })).toEqual({ path: 'state', message: expect.stringContaining('one of') });
    const unknownField = matchedCard();
    unknownField.customer.fields = { ...unknownField.customer.fields, ['customer.shoeSize' as 'customer.note']: '42' };
    expect(cardAnswer(unknownField)).toMatchObject({ path: 'customer.fields.customer.shoeSize' });
    expect(cardResponseSchema.safeParse(unknownField).success).toBe(false);
  });
});
