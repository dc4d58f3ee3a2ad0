import type { DemoConversation } from '../conversations';
import type { InboxData } from '../inbox-data';

/**
 * What `inbox.js` lends the page's host script (`window.demoInbox`): the page's data, a way to mint
 * a token, the conversation on screen, the theme, and the reply box.
 */
export type DemoInbox = {
  data: InboxData;
  tokenFor(role: 'agent' | 'admin', expired?: boolean): Promise<string>;
  selected(): DemoConversation | null;
  theme(): string;
  /** What the card asked to insert goes into the reply box, after what the agent typed. */
  appendToReply(text: string): void;
  /** Has the inbox's server warm these conversations' cards (`POST /api/card/prewarm`). */
  prewarmOnServer(conversations: DemoConversation[]): void;
};

/** The events `inbox.js` dispatches on the document: a conversation opened, the theme changed. */
export type InboxEvents = {
  'inbox:open': CustomEvent<DemoConversation>;
  'inbox:theme': CustomEvent<string>;
  /** Conversations the agent is about to open (under the pointer, next in the list): each page warms their cards its own way. */
  'inbox:prewarm': CustomEvent<DemoConversation[]>;
};

declare global {
  interface Window {
    demoInbox: DemoInbox;
  }
}

/** The element with this id; the page always has it (the server writes it). */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`The demo inbox page has no #${id}`);
  return element as T;
}

/** Listens for one of the inbox's own events. */
export function onInbox<K extends keyof InboxEvents>(name: K, listener: (event: InboxEvents[K]) => void): void {
  document.addEventListener(name, (event) => listener(event as InboxEvents[K]));
}
