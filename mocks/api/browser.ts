import { setupWorker } from 'msw/browser';
import { handlers } from './handlers';
import { isPeopleScenario, peopleScenarios } from './people-scenarios';
import { cardScenarios, isCardScenario } from './scenarios';

/** The BFF API in the browser, for front-end work without the BFF. Needs `npx msw init public/` once. */
export const worker = setupWorker(...handlers);

/** Starts the worker; `?mockScenario=throttled` (any name in `cardScenarios` or `peopleScenarios`) shows that state. */
export async function startMockWorker(search: string = window.location.search): Promise<void> {
  const scenario = new URLSearchParams(search).get('mockScenario');
  if (scenario && isCardScenario(scenario)) worker.use(...cardScenarios[scenario]());
  if (scenario && isPeopleScenario(scenario)) worker.use(...peopleScenarios[scenario]());
  await worker.start({ onUnhandledRequest: 'bypass' });
}
