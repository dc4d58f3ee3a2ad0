import { queryOptions } from '@tanstack/react-query';
import { configOverviewSchema } from '../shared/config-wire';
import { apiRequest } from './http';

export const configKeys = {
  all: ['config'] as const,
  overview: () => [...configKeys.all, 'overview'] as const,
};

/** The admin's view of the set-up. The token only says who is asking, so it is not part of the key. */
export function configOverviewQueryOptions(token: string | null) {
  // eslint-disable-next-line @tanstack/query/exhaustive-deps -- the token authenticates the request; it is not what is asked
  return queryOptions({
    queryKey: configKeys.overview(),
    queryFn: ({ signal }) => apiRequest('/api/config', { token, schema: configOverviewSchema, signal }),
  });
}
