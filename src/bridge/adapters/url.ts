import { parseChannel } from '../../shared/channels';
import { contextFields, pickField, pickLocale, pickTheme, type ConversationContext } from '../conversation-context';
import type { HostAdapter } from './host-adapter';

/** A `+` left unencoded in a query string arrives as a space: give the phone number its `+` back. */
function restorePlus(raw: string | null): string | null {
  return raw === null ? null : raw.replace(/^\s(?=\d)/, '+');
}

/**
 * The URL-parameter adapter: reads the conversation from the card's query string, as an Infobip
 * custom card (or any host that can fill a URL template) passes it. Pure.
 */
export function parseUrlContext(href: string): ConversationContext {
  const query = new URL(href).searchParams;
  return {
    host: pickField(contextFields.host, query.get('host'))?.toLowerCase(),
    conversationId: pickField(contextFields.conversationId, query.get('conversationId')),
    channel: parseChannel(query.get('channel')) ?? undefined,
    customer: {
      name: pickField(contextFields.name, query.get('name')),
      email: pickField(contextFields.email, query.get('email')),
      phone: pickField(contextFields.phone, restorePlus(query.get('phone'))),
    },
    agentId: pickField(contextFields.agentId, query.get('agentId')),
    locale: pickLocale(query.get('locale')),
    theme: pickTheme(query.get('theme')),
  };
}

/** Whether the query string says anything about the conversation itself (not just host, theme or locale). */
export function urlNamesConversation(context: ConversationContext): boolean {
  const { customer } = context;
  return Boolean(context.conversationId || context.channel || customer.email || customer.phone || customer.name);
}

/**
 * URL parameters: the conversation is in the card's URL from the start and nothing is said over
 * messages. The adapter of any `?host=` no other adapter claims (an Infobip custom card says `infobip`).
 */
export function urlAdapter(): HostAdapter {
  return {
    name: 'url',
    detectable: false,
    tokenFromHost: false,
    start(link) {
      link.take({ type: 'context', context: link.url });
      return () => {};
    },
  };
}

/** The `?host=` names of the adapters that hear the conversation in messages, not in the URL. */
export const messageHostNames: readonly string[] = ['postmessage', 'chatwoot'];

/**
 * Whether the card will take the conversation from its URL (the URL adapter), as `chooseAdapter`
 * decides, for the boot script, which cannot carry the other adapters' code.
 */
export function conversationInUrl(url: ConversationContext, framed: boolean): boolean {
  if (url.host !== undefined) return !messageHostNames.includes(url.host);
  return urlNamesConversation(url) || !framed;
}
