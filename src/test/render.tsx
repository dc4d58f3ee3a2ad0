import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderOptions } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { SystemContext } from '@chakra-ui/react';
import type { ReactElement, ReactNode } from 'react';
import type { ColorMode } from '../ui/color-mode';
import { pageSession } from '../api/session';
import { Provider } from '../ui/provider';

/** A client per test: nothing cached between tests, and a failure shows at once instead of after retries. */
export function createTestQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, gcTime: Infinity },
      mutations: { retry: false },
    },
  });
}

type Options = Omit<RenderOptions, 'wrapper'> & {
  queryClient?: QueryClient;
  colorMode?: ColorMode;
  /** The Chakra system of the page under test; the card's lean one unless given (the config page passes `configSystem`). */
  system?: SystemContext;
  /** The page's session token; a signed-in one unless given (null: the page was opened without one). */
  token?: string | null;
};

/** Shaped like a signed token; the mock BFF checks only that one is sent. */
export const testToken = 'header.payload.signature';

/** Renders through the real Chakra provider and a fresh QueryClient, with a user-event session. */
export function renderWithProviders(
  ui: ReactElement,
  { queryClient = createTestQueryClient(), colorMode = 'light', system, token = testToken, ...options }: Options = {},
) {
  pageSession.update(token);
  function Wrapper({ children }: { children: ReactNode }) {
    return (
      <Provider colorMode={colorMode} {...(system ? { system } : {})}>
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </Provider>
    );
  }
  return { user: userEvent.setup(), queryClient, ...render(ui, { wrapper: Wrapper, ...options }) };
}

/** The card's frame as wide or narrow as `matching` says: only that media query matches (jsdom has no layout). */
export function stubMediaQuery(matching: string): void {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: query === matching,
    media: query,
    addEventListener: () => {},
    removeEventListener: () => {},
  }));
}
