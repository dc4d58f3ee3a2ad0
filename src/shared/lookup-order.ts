import type { CardLookup } from './wire';

/** One identifier of a lookup, as the card tries it. */
export type LookupStep =
  | { kind: 'customerId'; value: string }
  | { kind: 'orderNumber'; value: string }
  | { kind: 'name'; value: string }
  | { kind: 'email'; value: string }
  | { kind: 'phone'; value: string };

/**
 * The identifiers of a lookup in the order they are tried: a customer id, an order number or a name (from the
 * card's search) stands alone; otherwise the email, then the phone, so that an Email conversation that also has
 * a phone still finds the shopper when the email finds nobody. The BFF, the card's cache key and the mock BFF
 * all read this one order.
 */
export function lookupSteps(lookup: CardLookup): LookupStep[] {
  if (lookup.customerId) return [{ kind: 'customerId', value: lookup.customerId }];
  if (lookup.orderNumber) return [{ kind: 'orderNumber', value: lookup.orderNumber }];
  if (lookup.name) return [{ kind: 'name', value: lookup.name }];
  return [
    ...(lookup.email ? [{ kind: 'email' as const, value: lookup.email }] : []),
    ...(lookup.phone ? [{ kind: 'phone' as const, value: lookup.phone }] : []),
  ];
}

/**
 * One string per question, so equal questions share a cache entry: the steps in order, each normalised by
 * `normalise` (the BFF passes its E.164 parser for phones).
 */
export function lookupKey(lookup: CardLookup, normalise: (step: LookupStep) => string = (step) => step.value): string {
  return lookupSteps(lookup)
    .map((step) => `${step.kind}:${normalise(step)}`)
    .join('|');
}
