import { screen, waitFor, within } from '@testing-library/react';
import type userEvent from '@testing-library/user-event';
import { configApi, configuredOverview, type ConfigApiOptions } from '../../mocks/api/config-handlers';
import { peopleApi, type PeopleApiOptions } from '../../mocks/api/people-handlers';
import { directory, upToDateState } from '../../mocks/api/people-fixtures';
import { server } from '../../mocks/api/server';
import type { ConfigOverview } from '../shared/config-wire';
import type { PeopleSyncState, PersonDetail } from '../shared/people';
import { renderWithProviders } from './render';
import { configSystem } from '../ui/config-system';
import { ConfigApp } from '../config/config-app';

/** The People API the page starts with: the sync's state, the directory, and how runs behave. */
export type PeopleSetup = { state?: PeopleSyncState; people?: PersonDetail[]; options?: PeopleApiOptions };

/**
 * The configuration page over a mock BFF that starts from `overview` (and People from `people`), as an admin would open it.
 * `typist` types into a focused field picker key by key, each once the input shows the key before:
 * the picker's input follows each key a frame late, and a key typed sooner is lost on a busy machine.
 */
export async function renderConfig(
  overview: ConfigOverview = configuredOverview(),
  options: ConfigApiOptions & { token?: string; people?: PeopleSetup } = {},
) {
  const { token = adminToken('admin-1'), people = {}, ...apiOptions } = options;
  const api = configApi(overview, apiOptions);
  const isCredential = (id: string) => api.state.credentials.some((c) => c.view.id === id);
  const peopleMock = peopleApi(people.state ?? upToDateState(), people.people ?? directory(), { isCredential, ...people.options });
  server.use(...api.handlers, ...peopleMock.handlers);
  const view = renderWithProviders(<ConfigApp />, { system: configSystem, token });
  await screen.findByRole('tab', { name: 'Credentials' });
  const typist = {
    async type(input: HTMLElement, text: string) {
      for (let length = 1; length <= text.length; length += 1) {
        await view.user.type(input, text.charAt(length - 1), { skipClick: true });
        await waitFor(() => expect(input).toHaveValue(text.slice(0, length)));
      }
    },
  };
  return { ...view, typist, api, peopleApi: peopleMock };
}

const base64url = (value: unknown) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(value))))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

/** A token shaped like the BFF's for `sub` (the mock BFF does not check signatures). */
export function adminToken(sub: string): string {
  return `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url({ sub, role: 'admin', exp: 4_102_444_800 })}.c2lnbmF0dXJl`;
}

/** Opens the Integrations tab, where the card is activated and its fields configured. */
export async function openIntegrations(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('tab', { name: 'Integrations' }));
  // The tab's code loads when first opened (with the card's components for the preview): compiling it may take a while.
  return screen.findByRole('heading', { name: 'Shopify Context Card fields' }, { timeout: 10_000 });
}

/** One list of fields by its title, e.g. "Order card information". */
export function section(title: string): HTMLElement {
  return screen.getByRole('region', { name: title });
}

/** The field pickers of a list, in order. */
export function pickers(title: string): HTMLElement[] {
  return within(section(title)).getAllByRole('combobox');
}
