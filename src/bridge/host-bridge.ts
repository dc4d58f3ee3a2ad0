import type { HostAdapter, HostEvent, HostLink, HostWindow } from './adapters/host-adapter';
import { firstMessageTargets } from './allowed-origins';
import type { ColorMode } from '../ui/color-mode';
import { sameContext, type ConversationContext } from './conversation-context';
import { chooseAdapter, hostAdapters } from './host-adapters';
import { listenToParent, type DropCounts } from './message-gate';

export type { HostWindow } from './adapters/host-adapter';

export type BridgeState = {
  /** The adapter's name; null while a framed card without instructions waits to see which protocol its host speaks. */
  adapter: string | null;
  /** Null until the host has named the conversation (always set for the URL adapter). */
  context: ConversationContext | null;
  /** The newest token the host sent over the bridge. */
  token: string | null;
};

export type HostBridge = {
  getState(): BridgeState;
  subscribe(listener: () => void): () => void;
  /** Whether the host hands the card its session token (the card then waits for one). */
  hostSendsToken(): boolean;
  /** Whether the host can take text into its reply box. */
  canInsertText(): boolean;
  insertText(text: string): void;
  /** Tells the host how tall the card's content is, so it can size the frame. */
  reportHeight(height: number): void;
  /** Asks the host for a fresh token; false when this host has no way to give one. */
  requestToken(): boolean;
  /** Hears the conversations the host says are about to be opened. */
  onPrewarm(listener: (context: ConversationContext) => void): () => void;
  stop(): void;
};

export type ConnectOptions = {
  win: HostWindow;
  allowedOrigins: ReadonlySet<string>;
  /** The context the card's URL gave (host, and defaults for theme and locale). */
  url: ConversationContext;
  /** Dropped messages, counted by reason. */
  dropCounts?: DropCounts;
  /** The adapters to choose from; every registered one unless given. */
  adapters?: readonly (() => HostAdapter)[];
};

type Heard = { adapter: HostAdapter; event: HostEvent };

/** Connects the card to its host through the adapter the URL names or the host's first message shows. */
export function connectHost({ win, allowedOrigins, url, dropCounts, adapters: registered = hostAdapters }: ConnectOptions): HostBridge {
  const framed = (win.parent as unknown) !== win;
  const adapters = registered.map((create) => create());
  let adapter = chooseAdapter(url, framed, adapters);
  let state: BridgeState = { adapter: adapter?.name ?? null, context: null, token: null };
  const listeners = new Set<() => void>();
  const prewarmListeners = new Set<(context: ConversationContext) => void>();
  const stops: (() => void)[] = [];
  /** The origin of the host's first accepted message; every later message and reply uses it. */
  let hostOrigin: string | null = null;
  let theme: ColorMode | undefined = url.theme;
  let locale: string | undefined = url.locale;
  /** The content height last measured: the host hears of it once it has spoken. */
  let height: number | null = null;

  const setState = (next: BridgeState) => {
    state = next;
    for (const listener of listeners) listener();
  };

  /** A new context from the host; the same conversation said again changes nothing. */
  const showContext = (context: ConversationContext) => {
    theme = context.theme ?? theme;
    locale = context.locale ?? locale;
    const next = { ...context, host: context.host ?? url.host, theme, locale };
    if (state.context && sameContext(state.context, next)) return;
    setState({ ...state, context: next });
  };

  const applyLive = () => {
    if (state.context) setState({ ...state, context: { ...state.context, theme, locale } });
  };

  const take = (event: HostEvent) => {
    switch (event.type) {
      case 'context':
        return showContext(event.context);
      case 'theme':
        theme = event.theme;
        return applyLive();
      case 'locale':
        locale = event.locale;
        return applyLive();
      case 'token':
        if (event.token !== state.token) setState({ ...state, token: event.token });
        return;
      case 'prewarm':
        for (const listener of prewarmListeners) listener(event.context);
    }
  };

  const link: HostLink = {
    win,
    url,
    post(message) {
      if (!framed) return;
      for (const target of hostOrigin ? [hostOrigin] : firstMessageTargets(win, allowedOrigins)) {
        win.parent.postMessage(message, target);
      }
    },
    take,
  };

  const flushHeight = () => {
    if (adapter?.reportHeight && hostOrigin !== null && height !== null) adapter.reportHeight(link, height);
  };

  /** Until an adapter is chosen, every detectable one listens; the first whose message parses wins. */
  const candidates = adapter ? [adapter] : adapters.filter((candidate) => candidate.detectable);
  const parse = (data: unknown): Heard | null => {
    for (const candidate of adapter ? [adapter] : candidates) {
      const event = candidate.receive?.(data);
      if (event) return { adapter: candidate, event };
    }
    return null;
  };
  const rules = { parent: framed ? win.parent : null, allowedOrigins, parse };

  const started = new Map<HostAdapter, () => void>();
  const receive = (heard: Heard, origin: string) => {
    if (hostOrigin === null) {
      hostOrigin = origin;
      rules.allowedOrigins = new Set([origin]);
    }
    if (adapter === null) {
      adapter = heard.adapter;
      // The others stop asking a host that speaks another protocol.
      for (const [candidate, stop] of started) if (candidate !== adapter) stop();
      setState({ ...state, adapter: adapter.name });
    }
    take(heard.event);
    flushHeight();
  };

  if (adapter && !adapter.receive) {
    stops.push(adapter.start(link));
  } else if (framed) {
    stops.push(listenToParent(win, rules, receive, dropCounts));
    for (const candidate of candidates) started.set(candidate, candidate.start(link));
    stops.push(() => started.forEach((stop) => stop()));
  }

  const speaking = () => (hostOrigin !== null ? adapter : null);
  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    hostSendsToken: () => adapter?.tokenFromHost ?? false,
    canInsertText: () => Boolean(speaking()?.insertText),
    insertText(text) {
      speaking()?.insertText?.(link, text);
    },
    reportHeight(measured) {
      height = Math.ceil(measured);
      flushHeight();
    },
    requestToken() {
      const host = speaking();
      if (!host?.renewToken) return false;
      host.renewToken(link);
      return true;
    },
    onPrewarm(listener) {
      prewarmListeners.add(listener);
      return () => prewarmListeners.delete(listener);
    },
    stop() {
      for (const stop of stops.splice(0)) stop();
      listeners.clear();
      prewarmListeners.clear();
    },
  };
}
