import { Box } from '@chakra-ui/react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { StrictMode, useEffect, useState, useSyncExternalStore } from 'react';
import { createRoot } from 'react-dom/client';
import { createQueryClient } from '../api/query-client';
import { cardKeys } from '../api/card-keys';
import { offerEarlyCardRequest, openCardEarly, prewarmCard, takeBootHandoff } from '../api/early-card';
import { pageSession, useSessionToken } from '../api/session';
import { readAllowedHostOrigins } from '../bridge/allowed-origins';
import { connectHost, type BridgeState, type HostBridge } from '../bridge/host-bridge';
import { Provider } from '../ui/provider';
import { lookupFor, parseConversationContext, readCardContext, type ConversationContext } from './context';
import { preloaded, usePreloaded } from '../ui/preloaded';
import { LoadingCard } from './states/loading-card';

// The first paint is the loading card; the card itself loads as the page starts, beside React's first render.
const cardApp = preloaded(() => import('./card-app'));

/** How long a card waits for its host to name the conversation (and send a token) before going on without. */
const HOST_WAIT_MS = 5_000;

/**
 * The card's connection to its host, opened as the page starts and kept while the card is mounted
 * (subscribed to): the adapter the URL names (or the host's first message shows). Tokens the host sends
 * go to the page's session, which asks the host through it when the BFF says the token has expired.
 * `onState` hears every change of the host's state, before the card renders it.
 */
function hostConnection(url: ConversationContext, onState: (state: BridgeState) => void) {
  let host: HostBridge | null = null;
  let close = () => {};
  const listeners = new Set<() => void>();
  const open = (): void => {
    if (host) return;
    const bridge = connectHost({ win: window, allowedOrigins: readAllowedHostOrigins(), url });
    const release = pageSession.renewWith(() => bridge.requestToken());
    const heard = () => {
      const state = bridge.getState();
      if (state.token) pageSession.update(state.token);
      onState(state);
    };
    const unsubscribe = bridge.subscribe(heard);
    const stopPrewarm = bridge.onPrewarm((context) => {
      const lookup = lookupFor(context);
      const token = pageSession.token();
      if (lookup && token) prewarmCard(lookup, token, window.location.href);
    });
    host = bridge;
    close = () => {
      stopPrewarm();
      unsubscribe();
      release();
      bridge.stop();
      host = null;
    };
    // The URL adapter names the conversation as it starts, before anyone could subscribe.
    heard();
  };
  return {
    open,
    current: (): HostBridge | null => host,
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      open();
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

/**
 * As soon as the host has named the conversation (and the card has a token), the card-open request
 * leaves, before the card renders anything for it; the card adopts it when it asks. Not when the card
 * already has (or is fetching) that shopper's card.
 */
function cardRequestStarter(queryClient: QueryClient, bootStarted: boolean) {
  let done: ConversationContext | null = null;
  return (state: BridgeState): void => {
    const { context } = state;
    if (!context || context === done) return;
    // The boot script has asked for the URL's conversation already, when it could.
    if (state.adapter === 'url' && bootStarted) return;
    const lookup = lookupFor(context);
    const token = pageSession.token();
    if (lookup && !token) return;
    done = context;
    if (!lookup || !token || queryClient.getQueryState(cardKeys.lookup(lookup))) return;
    offerEarlyCardRequest(openCardEarly(lookup, token, window.location.href));
  };
}

/** With `VITE_MOCK_API=on` in development, the card talks to the MSW handlers instead of the BFF. */
async function startMockApi(): Promise<void> {
  if (!import.meta.env.DEV || import.meta.env.VITE_MOCK_API !== 'on') return;
  // The boot script's request went out before the mock API could answer it.
  offerEarlyCardRequest(null);
  const { startMockWorker } = await import('../../mocks/api/browser');
  await startMockWorker();
}

async function start(): Promise<void> {
  // The boot script in card.html took the token (and may have started the card-open request); without
  // it, read (and scrub the token from the address bar) before anything else can see the URL.
  const handoff = takeBootHandoff(window);
  const { conversation, token } = handoff
    ? { conversation: parseConversationContext(window.location.href), token: handoff.token }
    : readCardContext();
  pageSession.update(token);
  void cardApp.load();
  // The card-open request is on its way: the found customer's view will be wanted as it lands, so its code
  // loads now beside the app's, not after it.
  if (handoff?.request) void import('./customer/matched-customer').catch(() => undefined);
  await startMockApi();

  const root = document.getElementById('root');
  if (!root) throw new Error('card.html has no #root element');
  const queryClient = createQueryClient();
  // The boot script's request is on its way: its answer goes into the card's query as soon as the app's code
  // has run, not once the app has rendered and asked.
  const early = handoff?.request ? lookupFor(conversation) : null;
  if (early)
    void cardApp.load().then(
      (app) => app.startCardQuery(queryClient, early),
      () => undefined,
    );
  const connection = hostConnection(conversation, cardRequestStarter(queryClient, handoff !== null));
  connection.open();
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <CardRoot url={conversation} connection={connection} />
      </QueryClientProvider>
    </StrictMode>,
  );
}

void start();
