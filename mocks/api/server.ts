import { setupServer } from 'msw/node';
import { handlers } from './handlers';

/** The BFF API for tests in Node (Vitest with jsdom). */
export const server = setupServer(...handlers);
