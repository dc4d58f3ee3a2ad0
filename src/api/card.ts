import { queryOptions } from '@tanstack/react-query';
import { cardResponseSchema, type CardLookup, type CardResponse } from '../shared/wire';
import { apiRequest } from './http';

export const cardKeys = {
  all: ['card'] as const,
  lookup: (lookup: CardLookup) => [...cardKeys.all, lookup] as const,
};

export function fetchCard(lookup: CardLookup, signal?: AbortSignal): Promise<CardResponse> {
  return apiRequest('/api/card', { method: 'POST', body: lookup, schema: cardResponseSchema, signal });
}

/** The card for one lookup. */
export function cardQueryOptions(lookup: CardLookup) {
  return queryOptions({
    queryKey: cardKeys.lookup(lookup),
    queryFn: ({ signal }) => fetchCard(lookup, signal),
  });
}
