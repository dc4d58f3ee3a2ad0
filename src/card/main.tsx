import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createQueryClient } from '../api/query-client';
import { Provider } from '../ui/provider';
import { CardApp } from './card-app';
import { readCardContext } from './context';

/** With `VITE_MOCK_API=on` in development, the card talks to the MSW handlers instead of the BFF. */
async function startMockApi(): Promise<void> {
  if (!import.meta.env.DEV || import.meta.env.VITE_MOCK_API !== 'on') return;
  const { startMockWorker } = await import('../../mocks/api/browser');
  await startMockWorker();
}

async function start(): Promise<void> {
  // Read (and scrub the token from the address bar) before anything else can see the URL.
  const { conversation, token } = readCardContext();
  await startMockApi();

  const root = document.getElementById('root');
  if (!root) throw new Error('card.html has no #root element');
  createRoot(root).render(
    <StrictMode>
      <Provider colorMode={conversation.theme}>
        <QueryClientProvider client={createQueryClient()}>
          <CardApp context={conversation} token={token} />
        </QueryClientProvider>
      </Provider>
    </StrictMode>,
  );
}

void start();
