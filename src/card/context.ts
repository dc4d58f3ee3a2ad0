import * as z from 'zod/mini';
import { takeFragmentToken } from '../bridge/fragment-token';
import { matchesByPhone, parseChannel, type Channel } from '../shared/channels';
import type { CardLookup } from '../shared/wire';
import type { ColorMode } from '../ui/color-mode';

/** What the host tells the card about the conversation beside it. Every part may be missing. */
export type ConversationContext = {
  host?: string;
  conversationId?: string;
  channel?: Channel;
  customer: { name?: string; email?: string; phone?: string };
  agentId?: string;
  locale?: string;
  theme?: ColorMode;
};

export type CardContext = {
  conversation: ConversationContext;
  /** The signed BFF token, read from the URL fragment only; null when absent or malformed. */
  token: string | null;
};

// Control characters have no place in anything the host hands us and would garble the card.
const printable = /^[^\p{Cc}]+$/u;
const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max), z.regex(printable));

const schemas = {
  host: z.string().check(z.regex(/^[a-z0-9][a-z0-9._-]{0,39}$/i)),
  conversationId: text(200),
  agentId: text(200),
  name: text(200),
  email: z.email().check(z.maxLength(320)),
  // Digits with the usual separators; the BFF normalises to E.164 before matching.
  phone: z.string().check(z.maxLength(64), z.regex(/^\+?[\d ().-]+$/), z.regex(/(?:\d\D*){5}/)),
  locale: z.string().check(z.maxLength(64), z.refine(isLocale)),
  theme: z.enum(['light', 'dark']),
};

function isLocale(value: string): boolean {
  try {
    return Intl.getCanonicalLocales(value).length === 1;
  } catch {
    return false;
  }
}

/** The parsed value, or undefined when absent or invalid: a bad parameter is dropped, never thrown. */
function pick<T>(schema: z.ZodMiniType<T>, raw: string | null | undefined): T | undefined {
  if (raw === null || raw === undefined) return undefined;
  const trimmed = raw.trim();
  if (trimmed === '') return undefined;
  const parsed = schema.safeParse(trimmed);
  return parsed.success ? parsed.data : undefined;
}

/** A `+` left unencoded in a query string arrives as a space: give the phone number its `+` back. */
function restorePlus(raw: string | null): string | null {
  return raw === null ? null : raw.replace(/^\s(?=\d)/, '+');
}

/** Reads the conversation context from the query string. Pure. */
export function parseConversationContext(href: string): ConversationContext {
  const query = new URL(href).searchParams;
  const locale = pick(schemas.locale, query.get('locale'));
  return {
    host: pick(schemas.host, query.get('host'))?.toLowerCase(),
    conversationId: pick(schemas.conversationId, query.get('conversationId')),
    channel: parseChannel(query.get('channel')) ?? undefined,
    customer: {
      name: pick(schemas.name, query.get('name')),
      email: pick(schemas.email, query.get('email')),
      phone: pick(schemas.phone, restorePlus(query.get('phone'))),
    },
    agentId: pick(schemas.agentId, query.get('agentId')),
    locale: locale === undefined ? undefined : Intl.getCanonicalLocales(locale)[0],
    theme: pick(schemas.theme, query.get('theme')?.toLowerCase()),
  };
}

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
 * Null when the conversation lacks that identifier.
 */
export function lookupFor({ channel, customer }: ConversationContext): CardLookup | null {
  const { email, phone } = customer;
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
  return conversation.locale ?? pick(schemas.locale, fallback) ?? 'en';
}
