import { queryOptions } from '@tanstack/react-query';
import type { CardLookup, CardResponse } from '../shared/wire';
import { cardAnswer } from './card-answers';
import { apiRequest } from './http';

export const cardKeys = {
  all: ['card'] as const,
  lookup: (lookup: CardLookup) => [...cardKeys.all, lookup] as const,
};

export function fetchCard(lookup: CardLookup, signal?: AbortSignal): Promise<CardResponse> {
  return apiRequest('/api/card', { method: 'POST', body: lookup, schema: cardAnswer, signal });
}

/** The card for one lookup. */
export function cardQueryOptions(lookup: CardLookup) {
  return queryOptions({
    queryKey: cardKeys.lookup(lookup),
    queryFn: ({ signal }) => fetchCard(lookup, signal),
  });
}
