import type { CardLookup } from '../shared/wire';

/** The card's query keys, apart from its fetcher so that the card's first paint can read the cache without it. */
export const cardKeys = {
  all: ['card'] as const,
  lookup: (lookup: CardLookup) => [...cardKeys.all, lookup] as const,
};
