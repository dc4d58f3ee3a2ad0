import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { server } from '../../mocks/api/server';
import { pageSession } from '../api/session';

// jsdom has no ResizeObserver; Chakra's popovers (the configuration page's field picker) call it to place themselves.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  cleanup();
  pageSession.update(null);
});
afterAll(() => server.close());
