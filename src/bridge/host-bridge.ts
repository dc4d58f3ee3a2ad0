import { firstMessageTargets } from './allowed-origins';
import { CHATWOOT_FETCH_INFO, parseChatwootMessage } from './chatwoot';
import type { ColorMode } from '../ui/color-mode';
import { sameContext, type ConversationContext } from './conversation-context';
import { listenToParent, type DropCounts, type MessageTarget } from './message-gate';
import { cardMessage, parseHostMessage, type CardMessage, type HostUpdate } from './protocol';
import { urlNamesConversation } from './url-context';

/** Where the conversation comes from: the card's URL, our postMessage protocol, or Chatwoot's. */
export type HostAdapter = 'url' | 'postmessage' | 'chatwoot';

export type BridgeState = {
  /** Null while a framed card without instructions waits to see which protocol its host speaks. */
  adapter: HostAdapter | null;
  /** Null until the host has named the conversation (always set for the URL adapter). */
  context: ConversationContext | null;
  /** The newest token the host sent over the bridge. */
  token: string | null;
};

export type HostBridge = {
  getState(): BridgeState;
  subscribe(listener: () => void): () => void;
  /** Whether the host can take text into its reply box. */
  canInsertText(): boolean;
  insertText(text: string): void;
  /** Tells the host how tall the card's content is, so it can size the frame. */
  reportHeight(height: number): void;
  /** Asks the host for a fresh token; false when this host has no way to give one. */
  requestToken(): boolean;
  stop(): void;
};

export type HostWindow = MessageTarget & {
  parent: { postMessage(message: unknown, targetOrigin: string): void };
  location: Pick<Location, 'href'> & Partial<Pick<Location, 'ancestorOrigins'>>;
  document: Pick<Document, 'referrer' | 'visibilityState' | 'documentElement' | 'addEventListener' | 'removeEventListener'>;
};

export type ConnectOptions = {
  win: HostWindow;
  allowedOrigins: ReadonlySet<string>;
  /** The context the card's URL gave (host, and defaults for theme and locale). */
  url: ConversationContext;
  /** Dropped messages, counted by reason. */
  dropCounts?: DropCounts;
};

/** `?host=` names the adapter; without it, conversation parameters mean the URL adapter. */
export function chooseAdapter(url: ConversationContext, framed: boolean): HostAdapter | null {
  if (url.host === 'chatwoot') return 'chatwoot';
  if (url.host === 'postmessage') return 'postmessage';
  if (url.host !== undefined || urlNamesConversation(url) || !framed) return 'url';
  return null;
}

const SUPPORTS: CardMessage & { type: 'ready' } = { type: 'ready', supports: ['insert-text', 'resize', 'request-token'] };
const FETCH_INFO_GAP_MS = 250;

type Incoming = { kind: 'postmessage'; update: HostUpdate } | { kind: 'chatwoot'; context: ConversationContext };

/** Connects the card to its host through the adapter the URL names or the host's first message shows. */
export function connectHost({ win, allowedOrigins, url, dropCounts }: ConnectOptions): HostBridge {
  const framed = (win.parent as unknown) !== win;
  let state: BridgeState = { adapter: chooseAdapter(url, framed), context: null, token: null };
  if (state.adapter === 'url') state = { ...state, context: url };
  const listeners = new Set<() => void>();
  const stops: (() => void)[] = [];
  /** The origin of the host's first accepted message; every later message and reply uses it. */
  let hostOrigin: string | null = null;
  let theme: ColorMode | undefined = url.theme;
  let locale: string | undefined = url.locale;
  /** The content height last measured, and last sent: the host hears of it once it has spoken. */
  let height: number | null = null;
  let sentHeight: number | null = null;
  let lastFetchInfo = -Infinity;

  const setState = (next: BridgeState) => {
    state = next;
    for (const listener of listeners) listener();
  };

  const post = (message: unknown) => {
    if (!framed) return;
    for (const target of hostOrigin ? [hostOrigin] : firstMessageTargets(win, allowedOrigins)) {
      win.parent.postMessage(message, target);
    }
  };
  const postCard = (message: CardMessage) => post(cardMessage(message));

  const flushHeight = () => {
    if (state.adapter !== 'postmessage' || !hostOrigin || height === null || height === sentHeight) return;
    sentHeight = height;
    postCard({ type: 'resize', height });
  };

  const fetchChatwootInfo = () => {
    const now = Date.now();
    if (now - lastFetchInfo < FETCH_INFO_GAP_MS) return;
    lastFetchInfo = now;
    post(CHATWOOT_FETCH_INFO);
  };

  const parse = (data: unknown): Incoming | null => {
    if (state.adapter !== 'chatwoot') {
      const update = parseHostMessage(data);
      if (update) return { kind: 'postmessage', update };
    }
    if (state.adapter !== 'postmessage') {
      const context = parseChatwootMessage(data);
      if (context) return { kind: 'chatwoot', context };
    }
    return null;
  };

  const rules = { parent: framed ? win.parent : null, allowedOrigins, parse };

  /** A new context from the host; the same conversation said again changes nothing. */
  const showContext = (context: ConversationContext, adapter: HostAdapter) => {
    theme = context.theme ?? theme;
    locale = context.locale ?? locale;
    const next = { ...context, host: context.host ?? url.host, theme, locale };
    if (state.context && state.adapter === adapter && sameContext(state.context, next)) return;
    setState({ ...state, adapter, context: next });
  };

  const applyLive = () => {
    if (state.context) setState({ ...state, context: { ...state.context, theme, locale } });
  };

  const receive = (incoming: Incoming, origin: string) => {
    if (hostOrigin === null) {
      hostOrigin = origin;
      rules.allowedOrigins = new Set([origin]);
    }
    if (incoming.kind === 'chatwoot') {
      showContext(incoming.context, 'chatwoot');
      return;
    }
    const { update } = incoming;
    if (state.adapter === null) setState({ ...state, adapter: 'postmessage' });
    switch (update.type) {
      case 'context':
        showContext(update.context, 'postmessage');
        break;
      case 'theme':
        theme = update.theme;
        applyLive();
        break;
      case 'locale':
        locale = update.locale;
        applyLive();
        break;
      case 'token':
        if (update.token !== state.token) setState({ ...state, token: update.token });
        break;
    }
    flushHeight();
  };

  if (state.adapter !== 'url' && framed) {
    stops.push(listenToParent(win, rules, receive, dropCounts));
    if (state.adapter !== 'chatwoot') postCard(SUPPORTS);
    if (state.adapter !== 'postmessage') {
      fetchChatwootInfo();
      stops.push(
        watchVisibility(win, () => {
          if (state.adapter !== 'postmessage') fetchChatwootInfo();
        }),
      );
    }
  }

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    canInsertText: () => state.adapter === 'postmessage' && hostOrigin !== null,
    insertText(text) {
      if (state.adapter === 'postmessage' && hostOrigin) postCard({ type: 'insert-text', text });
    },
    reportHeight(measured) {
      height = Math.ceil(measured);
      flushHeight();
    },
    requestToken() {
      if (state.adapter !== 'postmessage' || !hostOrigin) return false;
      postCard({ type: 'request-token' });
      return true;
    },
    stop() {
      for (const stop of stops.splice(0)) stop();
      listeners.clear();
    },
  };
}

/**
 * Calls `onVisible` whenever the card comes into view: the browser tab is shown again, the window
 * gets focus, or the frame itself is shown (a host tab switched back to the card).
 */
function watchVisibility(win: HostWindow, onVisible: () => void): () => void {
  const onVisibilityChange = () => {
    if (win.document.visibilityState === 'visible') onVisible();
  };
  win.document.addEventListener('visibilitychange', onVisibilityChange);
  win.addEventListener('focus', onVisible);
  let observer: IntersectionObserver | undefined;
  if (typeof IntersectionObserver === 'function') {
    let shown = true;
    observer = new IntersectionObserver((entries) => {
      const visible = entries.some((entry) => entry.isIntersecting);
      if (visible && !shown) onVisible();
      shown = visible;
    });
    observer.observe(win.document.documentElement);
  }
  return () => {
    win.document.removeEventListener('visibilitychange', onVisibilityChange);
    win.removeEventListener('focus', onVisible);
    observer?.disconnect();
  };
}
