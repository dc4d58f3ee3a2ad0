import { chatwootAdapter } from './adapters/chatwoot';
import type { HostAdapter } from './adapters/host-adapter';
import { postMessageAdapter } from './adapters/postmessage';
import { urlAdapter, urlNamesConversation } from './adapters/url';
import type { ConversationContext } from './conversation-context';

/**
 * Every way an inbox can embed the card: `?host=` picks one by its name, and a framed card without
 * instructions tries the detectable ones on the host's first message, in this order. The URL
 * adapter takes every other case. Adding an inbox is one file under `adapters/` and a line here.
 */
export const hostAdapters: readonly (() => HostAdapter)[] = [postMessageAdapter, chatwootAdapter, urlAdapter];

/**
 * `?host=` names the adapter; without it, conversation parameters (or an unframed card) mean the URL
 * adapter, and null means: listen, and let the host's first message tell.
 */
export function chooseAdapter(url: ConversationContext, framed: boolean, adapters: readonly HostAdapter[]): HostAdapter | null {
  const fallback = adapters.find((adapter) => adapter.name === 'url') ?? urlAdapter();
  if (url.host !== undefined) return adapters.find((adapter) => adapter.name === url.host) ?? fallback;
  if (urlNamesConversation(url) || !framed) return fallback;
  return null;
}
