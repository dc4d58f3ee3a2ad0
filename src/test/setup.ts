import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { server } from '../../mocks/api/server';
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
afterEach(() => {
  server.resetHandlers();
  cleanup();
  pageSession.update(null);
});
afterAll(() => server.close());
