/**
 * Named states of the People API, for tests (`server.use(...peopleScenarios.peopleFirstRun())`) and for
 * front-end work in the browser (`?mockScenario=peopleFirstRun`).
 */
import { http, type RequestHandler } from 'msw';
import { peopleApi } from './people-handlers';
import { directory, failedRunState, firstRunState, neverRunState, upToDateState } from './people-fixtures';
import { problem } from './problems';

export const peopleScenarios = {
  /** Nothing set up: no credential, no mapping, never run. */
  peopleNeverRun: () => peopleApi(neverRunState()).handlers,
  /** The first run a quarter through a large store, and staying there. */
  peopleFirstRun: () => peopleApi(firstRunState(), directory(), { runReads: 0 }).handlers,
  /** The last run stopped on Shopify's refusal. */
  peopleRunFailed: () => peopleApi(failedRunState()).handlers,
  /** Synced, and nobody in the directory. */
  peopleEmpty: () => peopleApi(upToDateState(), []).handlers,
  /** The BFF fails every People request. */
  peopleUnavailable: () => [
    http.get('/api/people/sync', () => problem('INTERNAL', 'Something went wrong on our side')),
    http.get('/api/people', () => problem('INTERNAL', 'Something went wrong on our side')),
  ],
  /** Another admin saved the mapping first, whatever version is sent. */
  peopleMappingConflict: () => [
    http.put('/api/people/mapping', () =>
      problem('CONFIG_CONFLICT', 'Someone else saved first', 'The People mapping was saved by someone else (version 7).'),
    ),
  ],
} satisfies Record<string, () => RequestHandler[]>;

export type PeopleScenario = keyof typeof peopleScenarios;

export function isPeopleScenario(name: string): name is PeopleScenario {
  return Object.hasOwn(peopleScenarios, name);
}
