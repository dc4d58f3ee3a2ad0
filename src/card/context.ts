import { contextFields, pickField, type ConversationContext } from '../bridge/conversation-context';
import { takeFragmentToken } from '../bridge/fragment-token';
import { parseUrlContext } from '../bridge/adapters/url';
import { matchesByPhone, type Channel } from '../shared/channels';
import { EMAIL_ADDRESS, looksLikePhone } from '../shared/identifiers';
import type { CardLookup } from '../shared/wire';

export type { ConversationContext } from '../bridge/conversation-context';

/** Reads the conversation context from the query string (the URL-parameter adapter). Pure. */
export const parseConversationContext = parseUrlContext;

export type CardContext = {
  conversation: ConversationContext;
  /** The signed BFF token, read from the URL fragment only; null when absent or malformed. */
  token: string | null;
};

/**
 * Reads the conversation from the query string and the token from the fragment (never the query
 * string), then takes the token out of the address bar so it is not left in the page URL.
 */
export function readCardContext(win: Parameters<typeof takeFragmentToken>[0] = window): CardContext {
  const conversation = parseConversationContext(win.location.href);
  return { conversation, token: takeFragmentToken(win) };
}

/** Which identifier the channel rule asks for. */
export type ExpectedIdentifier = 'phone' | 'email' | 'any';

export function expectedIdentifier(channel: Channel | undefined): ExpectedIdentifier {
  if (channel && matchesByPhone(channel)) return 'phone';
  if (channel === 'EMAIL') return 'email';
  return 'any';
}

/**
 * The lookup the channel calls for: WhatsApp, SMS, Voice and Viber by phone; Email by email;
 * Instagram, Messenger or an unnamed channel by what the host knows (email, else phone).
 * Null when the conversation lacks that identifier, or what it has is not one (the BFF would refuse
 * it): the agent is told so and can search instead.
 */
export function lookupFor({ channel, customer }: ConversationContext): CardLookup | null {
  const email = customer.email && EMAIL_ADDRESS.test(customer.email.trim()) ? customer.email.trim() : undefined;
  const phone = customer.phone && looksLikePhone(customer.phone.trim()) ? customer.phone.trim() : undefined;
  switch (expectedIdentifier(channel)) {
    case 'phone':
      return phone ? { phone } : null;
    case 'email':
      return email ? { email } : null;
    case 'any':
      if (email) return { email };
      return phone ? { phone } : null;
  }
}

/** The agent's locale for dates and numbers: the host's, else the browser's, else English. */
export function agentLocale(conversation: ConversationContext, fallback: string | undefined = globalThis.navigator?.language): string {
  return conversation.locale ?? pickField(contextFields.locale, fallback) ?? 'en';
}
