import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, vi } from 'vitest';
import { server } from '../../mocks/api/server';
import { offerEarlyCardRequest, takeBootHandoff } from '../api/early-card';
import { pageSession } from '../api/session';

// jsdom has no ResizeObserver; Chakra's popovers (the configuration page's field picker) call it to place themselves.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

// A view loaded on demand (order details, dialogs) can take over a second to arrive on a busy machine: findBy and
// waitFor wait up to 5 s for what a user would see, instead of Testing Library's 1 s.
configure({ asyncUtilTimeout: 5_000 });

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
// The test files share one environment (`isolate: false`): nothing a test or a file leaves behind may reach
// the next one: spies, stubbed globals (the media queries), a boot script's handoff and early request, nodes
// put in the page by hand, the page's address and storage.
afterEach(() => {
  server.resetHandlers();
  cleanup();
  pageSession.update(null);
  vi.restoreAllMocks();
  takeBootHandoff(window);
  offerEarlyCardRequest(null);
  document.body.replaceChildren();
});
afterAll(() => {
  server.close();
  vi.unstubAllGlobals();
  const root = document.documentElement;
  root.removeAttribute('class');
  root.removeAttribute('style');
  window.history.replaceState(null, '', '/');
  localStorage.clear();
  sessionStorage.clear();
});
