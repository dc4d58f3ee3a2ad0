import type { ColorMode } from '../../ui/color-mode';
import type { ConversationContext } from '../conversation-context';
import type { MessageTarget } from '../message-gate';

/** What a host can tell the card, whichever way it speaks. */
export type HostEvent =
  | { type: 'context'; context: ConversationContext }
  | { type: 'theme'; theme: ColorMode }
  | { type: 'locale'; locale: string }
  | { type: 'token'; token: string }
  /** A conversation the agent is about to open: its card can be fetched ahead. */
  | { type: 'prewarm'; context: ConversationContext };

export type HostWindow = MessageTarget & {
  parent: { postMessage(message: unknown, targetOrigin: string): void };
  location: Pick<Location, 'href'> & Partial<Pick<Location, 'ancestorOrigins'>>;
  document: Pick<Document, 'referrer' | 'visibilityState' | 'documentElement' | 'addEventListener' | 'removeEventListener'>;
};

/** What the bridge lends an adapter: the way to the host and back. */
export type HostLink = {
  win: HostWindow;
  /** The context the card's URL gave. */
  url: ConversationContext;
  /** Posts to the host: to the origin it spoke from, else to the parent's allowed origins; never `*`. */
  post(message: unknown): void;
  /** Hands the bridge what the host said. */
  take(event: HostEvent): void;
};

/**
 * One way an inbox embeds the card. The bridge picks one (by `?host=`, or by the first message a
 * framed card receives), starts it, screens every message before `receive` sees it, and calls what
 * it can do only once the host has spoken.
 */
export type HostAdapter = {
  /** The `?host=` value that picks it. */
  readonly name: string;
  /** A framed card whose URL names neither a host nor a conversation listens with it too. */
  readonly detectable: boolean;
  /** The host hands the session token over (so the card waits for it) and can renew it. */
  readonly tokenFromHost: boolean;
  /** How it starts (say the card is ready, ask for the context); returns how to stop. */
  start(link: HostLink): () => void;
  /** What it receives: a host message as the card understands it, or null. Never throws. Absent: it takes no messages. */
  receive?(data: unknown): HostEvent | null;
  /** Asks the host for a fresh token. */
  renewToken?(link: HostLink): void;
  /** Puts text into the agent's reply box. */
  insertText?(link: HostLink, text: string): void;
  /** Tells the host how tall the card's content is. */
  reportHeight?(link: HostLink, height: number): void;
};
