/**
 * The card's own postMessage protocol, for any inbox that wants more than URL parameters.
 *
 * Every message is a plain object `{ namespace: 'shopify-context-card', version: 1, type, … }`.
 *
 * Card → host (posted to the host's origin, never `*`):
 * - `ready` `{ supports: ['insert-text', 'resize', 'request-token'] }`: the card listens now; send
 *   (or send again) the context, theme, locale and token. Sent once on load.
 * - `request-token` `{}`: the token has expired; answer with a `token` message.
 * - `insert-text` `{ text }`: the agent asked to put this text into the reply box.
 * - `resize` `{ height }`: the card's content height in CSS pixels, so the host can size the frame.
 *
 * Host → card (posted to the card's origin, from the window that frames it):
 * - `context` `{ context: { conversationId?, channel?, customer?: { name?, email?, phone? },
 *   agentId?, locale?, theme?, host? } }`: the conversation on screen; send again when it changes.
 * - `theme` `{ theme: 'light' | 'dark' }`, `locale` `{ locale }`: applied live.
 * - `token` `{ token }`: a signed session token (fresh, or in answer to `request-token`).
 * - `prewarm` `{ context }`: a conversation the agent is about to open (pointed at, next in the list,
 *   newly assigned): the card asks the BFF to fetch and keep that shopper's card, shown nothing.
 */
import { parseChannel } from '../../shared/channels';
import { anyOf, guard, literal, number, object, oneOf, optional, text, variant, verify, type Check } from '../../shared/checks';
import type { ColorMode } from '../../ui/color-mode';
import { contextFields, pickField, pickLocale, pickTheme, type ConversationContext } from '../conversation-context';
import { isTokenShaped } from '../fragment-token';
import type { HostAdapter, HostEvent } from './host-adapter';

export const PROTOCOL_NAMESPACE = 'shopify-context-card';
export const PROTOCOL_VERSION = 1;

type Envelope = { namespace: typeof PROTOCOL_NAMESPACE; version: typeof PROTOCOL_VERSION };
type Loose = string | undefined;
type Id = string | number | undefined;
type HostContextMessage = {
  host?: Loose;
  conversationId?: Id;
  channel?: Loose;
  customer?: { name?: Loose; email?: Loose; phone?: Loose } | undefined;
  agentId?: Id;
  locale?: Loose;
  theme?: Loose;
};
/** A host message as it arrives, before its values are read. */
type HostMessage = Envelope &
  (
    | { type: 'context'; context: HostContextMessage }
    | { type: 'theme'; theme: ColorMode }
    | { type: 'locale'; locale: string }
    | { type: 'token'; token: string }
    | { type: 'prewarm'; context: HostContextMessage }
  );

const envelope = { namespace: literal(PROTOCOL_NAMESPACE), version: literal(PROTOCOL_VERSION) };

// Values are checked one by one below (a bad email is dropped like a bad URL parameter); the shape
// itself must hold, or the whole message is dropped.
const loose = optional(text(1000));
const id = optional(anyOf<string | number>([text(1000), number], 'an id'));

const hostContext = object<HostContextMessage>({
  host: loose,
  conversationId: id,
  channel: loose,
  customer: optional(object<NonNullable<HostContextMessage['customer']>>({ name: loose, email: loose, phone: loose })),
  agentId: id,
  locale: loose,
  theme: loose,
});

type Of<T extends HostMessage['type']> = Extract<HostMessage, { type: T }>;
const hostMessage: Check<HostMessage> = variant<HostMessage, 'type'>('type', {
  context: object<Of<'context'>>({ ...envelope, type: literal('context'), context: hostContext }),
  theme: object<Of<'theme'>>({ ...envelope, type: literal('theme'), theme: oneOf(['light', 'dark']) }),
  locale: object<Of<'locale'>>({ ...envelope, type: literal('locale'), locale: text(64, contextFields.locale) }),
  token: object<Of<'token'>>({
    ...envelope,
    type: literal('token'),
    token: guard((v): v is string => typeof v === 'string' && isTokenShaped(v), 'a token'),
  }),
  prewarm: object<Of<'prewarm'>>({ ...envelope, type: literal('prewarm'), context: hostContext }),
});

function readContext(context: HostContextMessage): ConversationContext {
  return {
    host: pickField(contextFields.host, context.host)?.toLowerCase() ?? 'postmessage',
    conversationId: pickField(contextFields.conversationId, context.conversationId),
    channel: parseChannel(context.channel) ?? undefined,
    customer: {
      name: pickField(contextFields.name, context.customer?.name),
      email: pickField(contextFields.email, context.customer?.email),
      phone: pickField(contextFields.phone, context.customer?.phone),
    },
    agentId: pickField(contextFields.agentId, context.agentId),
    locale: pickLocale(context.locale),
    theme: pickTheme(context.theme),
  };
}

/** A host message of our protocol, or null when `data` is anything else. Never throws. */
export function parseHostMessage(data: unknown): HostEvent | null {
  const checked = verify(hostMessage, data);
  if (!checked.ok) return null;
  const message = checked.value;
  switch (message.type) {
    case 'context':
    case 'prewarm':
      return { type: message.type, context: readContext(message.context) };
    case 'theme':
      return { type: 'theme', theme: message.theme };
    case 'locale': {
      const locale = pickLocale(message.locale);
      return locale ? { type: 'locale', locale } : null;
    }
    case 'token':
      return { type: 'token', token: message.token };
  }
}

export type CardCapability = 'insert-text' | 'resize' | 'request-token';

export type CardMessage =
  | { type: 'ready'; supports: CardCapability[] }
  | { type: 'request-token' }
  | { type: 'insert-text'; text: string }
  | { type: 'resize'; height: number };

export type CardEnvelope = CardMessage & { namespace: typeof PROTOCOL_NAMESPACE; version: typeof PROTOCOL_VERSION };

export function cardMessage(message: CardMessage): CardEnvelope {
  return { namespace: PROTOCOL_NAMESPACE, version: PROTOCOL_VERSION, ...message };
}

const READY: CardMessage = { type: 'ready', supports: ['insert-text', 'resize', 'request-token'] };

/** Our own protocol: the host sends the context, theme, locale and token; the card can ask for a token, insert text and report its height. */
export function postMessageAdapter(): HostAdapter {
  /** The height last sent: the host hears of a change once. */
  let sentHeight: number | null = null;
  const send = (post: (message: unknown) => void, message: CardMessage) => post(cardMessage(message));
  return {
    name: 'postmessage',
    detectable: true,
    tokenFromHost: true,
    start(link) {
      send(link.post, READY);
      return () => {};
    },
    receive: parseHostMessage,
    renewToken: (link) => send(link.post, { type: 'request-token' }),
    insertText: (link, text) => send(link.post, { type: 'insert-text', text }),
    reportHeight(link, height) {
      if (height === sentHeight) return;
      sentHeight = height;
      send(link.post, { type: 'resize', height });
    },
  };
}
