import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import * as z from 'zod/mini';
import {
  peoplePageSchema,
  peopleSyncStateSchema,
  personDetailSchema,
  savedPeopleMappingSchema,
  type PeopleMappingInput,
  type PeopleSyncState,
} from '../shared/people';
import { apiRequest } from './http';

/** People's keys, from general to specific: the sync's state, a search's pages, one person. */
export const peopleKeys = {
  all: ['people'] as const,
  sync: () => [...peopleKeys.all, 'sync'] as const,
  lists: () => [...peopleKeys.all, 'list'] as const,
  list: (query: string) => [...peopleKeys.lists(), query] as const,
  person: (id: string) => [...peopleKeys.all, 'person', id] as const,
};

const noContent = z.undefined();
const personPath = (id: string) => `/api/people/${encodeURIComponent(id)}`;

/** While a run is under way (or due within the scheduler's next look), the block asks again this often. */
export const SYNC_POLL_MS = 2_000;
/** A run asked for is picked up within the scheduler's tick (5 s); past this, "due" means no run is coming soon. */
const DUE_WINDOW_MS = 60_000;

/**
 * When the block should ask for the state again: every few seconds while a run is under way or due, else once
 * when the next run is due, else never. React Query does not poll a hidden tab, so nothing runs in the background.
 */
export function syncRefetchInterval(state: PeopleSyncState | undefined, now: number = Date.now()): number | false {
  if (!state) return false;
  if (state.running) return SYNC_POLL_MS;
  if (!state.active || !state.nextRunAt) return false;
  const dueIn = Date.parse(state.nextRunAt) - now;
  if (Number.isNaN(dueIn) || dueIn < -DUE_WINDOW_MS) return false;
  return dueIn <= 0 ? SYNC_POLL_MS : dueIn + SYNC_POLL_MS;
}

/** The state the "Shopify customers to people" block shows, refreshing itself while a run is under way. */
export function peopleSyncQueryOptions() {
  return queryOptions({
    queryKey: peopleKeys.sync(),
    queryFn: ({ signal }) => apiRequest('/api/people/sync', { schema: peopleSyncStateSchema, signal }),
    refetchInterval: (query) => syncRefetchInterval(query.state.data),
  });
}

/** One search of the directory (by name, email or phone), 25 people a page, in name order. */
export function peopleListQueryOptions(query: string) {
  return infiniteQueryOptions({
    queryKey: peopleKeys.list(query),
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams();
      if (query) params.set('query', query);
      if (pageParam) params.set('cursor', pageParam);
      const search = params.toString();
      return apiRequest(`/api/people${search ? `?${search}` : ''}`, { schema: peoplePageSchema, signal });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}

/** A person with their events, newest first. */
export function personQueryOptions(id: string) {
  return queryOptions({
    queryKey: peopleKeys.person(id),
    queryFn: ({ signal }) => apiRequest(personPath(id), { schema: personDetailSchema, signal }),
  });
}

export function setPeopleCredential(credentialId: string) {
  return apiRequest('/api/people/sync/credential', { method: 'PUT', body: { credentialId }, schema: peopleSyncStateSchema });
}

export function setPeopleActivation(active: boolean) {
  return apiRequest('/api/people/sync/activation', { method: 'PUT', body: { active }, schema: peopleSyncStateSchema });
}

export function runPeopleSync() {
  return apiRequest('/api/people/sync/run', { method: 'POST', schema: peopleSyncStateSchema });
}

/** `version` is the mapping version the admin edited from (0 for none): a stale one is a `CONFIG_CONFLICT`. */
export function savePeopleMapping(save: { mapping: PeopleMappingInput; version: number }) {
  return apiRequest('/api/people/mapping', { method: 'PUT', body: save, schema: savedPeopleMappingSchema });
}

export function deletePerson(id: string) {
  return apiRequest(personPath(id), { method: 'DELETE', schema: noContent });
}

/** The sync's answers are its new state: shown at once, and People's lists and people read again. */
function useSyncMutation<Variables>(mutationFn: (variables: Variables) => Promise<PeopleSyncState>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (state) => queryClient.setQueryData(peopleKeys.sync(), state),
    onSettled: () => queryClient.invalidateQueries({ queryKey: peopleKeys.all }),
  });
}

export function useSetPeopleCredential() {
  return useSyncMutation(setPeopleCredential);
}

export function usePeopleActivation() {
  return useSyncMutation(setPeopleActivation);
}

export function useRunPeopleSync() {
  return useSyncMutation(runPeopleSync);
}

export function useSavePeopleMapping() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: savePeopleMapping,
    // The block shows the saved mapping's version; whatever happened, read the state again.
    onSettled: () => queryClient.invalidateQueries({ queryKey: peopleKeys.sync() }),
  });
}

export function useDeletePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deletePerson,
    onSuccess: (_, id) => queryClient.removeQueries({ queryKey: peopleKeys.person(id) }),
    // The lists and the counts change; the person's own page is gone.
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: peopleKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: peopleKeys.sync() }),
      ]),
  });
}
