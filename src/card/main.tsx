import { Box } from '@chakra-ui/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, useEffect, useState, useSyncExternalStore } from 'react';
import { createRoot } from 'react-dom/client';
import { createQueryClient } from '../api/query-client';
import { pageSession, useSessionToken } from '../api/session';
import { readAllowedHostOrigins } from '../bridge/allowed-origins';
import { connectHost, type HostBridge } from '../bridge/host-bridge';
import { Provider } from '../ui/provider';
import { readCardContext, type ConversationContext } from './context';
import { preloaded, usePreloaded } from '../ui/preloaded';
import { LoadingCard } from './states/loading-card';

// The first paint is the loading card; the card itself loads as the page starts, beside React's first render.
const cardApp = preloaded(() => import('./card-app'));

/** How long a card waits for its host to name the conversation (and send a token) before going on without. */
const HOST_WAIT_MS = 5_000;

/**
 * The card's connection to its host, open while the card is mounted (subscribed to): the adapter the
 * URL names (or the host's first message shows). Tokens the host sends go to the page's session,
 * which asks the host through it when the BFF says the token has expired.
 */
function hostConnection(url: ConversationContext) {
  let host: HostBridge | null = null;
  let close = () => {};
  const listeners = new Set<() => void>();
  const open = (): void => {
    const bridge = connectHost({ win: window, allowedOrigins: readAllowedHostOrigins(), url });
    const release = pageSession.renewWith(() => bridge.requestToken());
    const unsubscribe = bridge.subscribe(() => {
      const fresh = bridge.getState().token;
      if (fresh) pageSession.update(fresh);
    });
    host = bridge;
    close = () => {
      unsubscribe();
      release();
      bridge.stop();
      host = null;
    };
  };
  return {
    current: (): HostBridge | null => host,
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      if (!host) open();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) close();
      };
    },
  };
}
type HostConnection = ReturnType<typeof hostConnection>;

function useElapsed(ms: number, running: boolean): boolean {
  const [elapsed, setElapsed] = useState(false);
  useEffect(() => {
    if (!running) return;
    const timer = setTimeout(() => setElapsed(true), ms);
    return () => clearTimeout(timer);
  }, [ms, running]);
  return elapsed;
}

/** Tells the host the height of the card's content whenever it changes. */
function useReportHeight(bridge: HostBridge): void {
  useEffect(() => {
    const root = document.getElementById('root');
    if (!root || typeof ResizeObserver !== 'function') return;
    const observer = new ResizeObserver(() => bridge.reportHeight(root.getBoundingClientRect().height));
    observer.observe(root);
    return () => observer.disconnect();
  }, [bridge]);
}

function Waiting() {
  return (
    <Box as="main" p="3" minW="0" maxW="full">
      <LoadingCard />
    </Box>
  );
}

type CardRootProps = { url: ConversationContext; connection: HostConnection };

function CardRoot({ url, connection }: CardRootProps) {
  const bridge = useSyncExternalStore(connection.subscribe, connection.current);
  if (!bridge) {
    return (
      <Provider colorMode={url.theme}>
        <Waiting />
      </Provider>
    );
  }
  return <ConnectedCard url={url} bridge={bridge} />;
}

function ConnectedCard({ url, bridge }: { url: ConversationContext; bridge: HostBridge }) {
  const state = useSyncExternalStore(bridge.subscribe, bridge.getState);
  const token = useSessionToken();
  const app = usePreloaded(cardApp);
  const awaitingHost = state.context === null || (bridge.hostSendsToken() && token === null);
  const gaveUp = useElapsed(HOST_WAIT_MS, awaitingHost);
  useReportHeight(bridge);

  const context = state.context ?? (gaveUp ? url : null);
  const ready = context !== null && (!awaitingHost || gaveUp);
  // Only hosts speaking our protocol can take text into their reply box.
  const actions = bridge.canInsertText() ? { insertText: bridge.insertText } : undefined;
  return (
    <Provider colorMode={context?.theme ?? url.theme}>
      {ready && context && app ? (
        // Another conversation starts a fresh card; theme, locale or a new token for the same one do not.
        <app.CardApp key={context.conversationId ?? ''} context={context} actions={actions} />
      ) : (
        <Waiting />
      )}
    </Provider>
  );
}

/** With `VITE_MOCK_API=on` in development, the card talks to the MSW handlers instead of the BFF. */
async function startMockApi(): Promise<void> {
  if (!import.meta.env.DEV || import.meta.env.VITE_MOCK_API !== 'on') return;
  const { startMockWorker } = await import('../../mocks/api/browser');
  await startMockWorker();
}

async function start(): Promise<void> {
  // Read (and scrub the token from the address bar) before anything else can see the URL.
  const { conversation, token } = readCardContext();
  pageSession.update(token);
  void cardApp.load();
  await startMockApi();

  const root = document.getElementById('root');
  if (!root) throw new Error('card.html has no #root element');
  const queryClient = createQueryClient();
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <CardRoot url={conversation} connection={hostConnection(conversation)} />
      </QueryClientProvider>
    </StrictMode>,
  );
}

void start();
