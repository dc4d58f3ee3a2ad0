import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createQueryClient } from '../api/query-client';
import { pageSession } from '../api/session';
import { takeFragmentToken } from '../bridge/fragment-token';
import { configSystem } from '../ui/config-system';
import { Provider } from '../ui/provider';
import { ConfigApp } from './config-app';

pageSession.update(takeFragmentToken());
const root = document.getElementById('root');
if (!root) throw new Error('config.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <Provider system={configSystem}>
      <QueryClientProvider client={createQueryClient()}>
        <ConfigApp />
      </QueryClientProvider>
    </Provider>
  </StrictMode>,
);
