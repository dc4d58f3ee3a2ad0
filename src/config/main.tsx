import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createQueryClient } from '../api/query-client';
import { pageSession } from '../api/session';
import { takeFragmentToken } from '../bridge/fragment-token';
import { configSystem } from '../ui/config-system';
import { Provider } from '../ui/provider';
import { ConfigApp } from './config-app';
import { forgetConfigSession, openConfigSession } from './config-session';
import { pageTheme } from './page-theme';

// Read (and scrub the token from the address bar) before anything else can see the URL.
const session = openConfigSession(takeFragmentToken());
pageSession.update(session.token);
const theme = pageTheme(window.location.href);
const root = document.getElementById('root');
if (!root) throw new Error('config.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <Provider system={configSystem} colorMode={theme}>
      <QueryClientProvider client={createQueryClient()}>
        <ConfigApp keptOnReload={session.keptOnReload} onSessionRefused={forgetConfigSession} />
      </QueryClientProvider>
    </Provider>
  </StrictMode>,
);
