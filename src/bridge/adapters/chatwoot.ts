/**
 * Chatwoot dashboard apps. Chatwoot posts a JSON *string* to the app's frame when it loads, and again
 * when the frame posts `chatwoot-dashboard-app:fetch-info` to its parent:
 * `{"event":"appContext","data":{"conversation":{…},"contact":{…},"currentAgent":{…},"theme":"dark"}}`.
 * Builds before `currentAgent` and `theme` existed send only `conversation` and `contact`.
 */
import type { Channel } from '../../shared/channels';
import { anyOf, anything, literal, nullish, number, object, string, verify, type Check } from '../../shared/checks';
import { contextFields, pickField, pickTheme, type ConversationContext, type FieldRule } from '../conversation-context';
import { watchVisibility } from '../watch-visibility';
import type { HostAdapter } from './host-adapter';

export const CHATWOOT_FETCH_INFO = 'chatwoot-dashboard-app:fetch-info';

/** A conversation with its full message history can be large, but not this large. */
const MAX_MESSAGE_LENGTH = 5_000_000;

// The frame of the message must hold; everything inside it is read field by field, leniently, because
// Chatwoot sends null for what it does not know and adds fields over time.
type Person = { name?: unknown; email?: unknown; phone_number?: unknown } | null | undefined;
type ChatwootConversation = {
  id: number | string;
  meta?: { sender?: Person; channel?: unknown } | null;
  additional_attributes?: { type?: unknown } | null;
};
type ChatwootMessage = {
  event: 'appContext';
  data: { conversation: ChatwootConversation; contact?: Person; currentAgent?: { id?: unknown } | null; theme?: unknown };
};

const person: Check<Person> = nullish(object<NonNullable<Person>>({ name: anything, email: anything, phone_number: anything }));
const chatwootMessage = object<ChatwootMessage>({
  event: literal('appContext'),
  data: object<ChatwootMessage['data']>({
    conversation: object<ChatwootConversation>({
      id: anyOf<number | string>([number, string], 'a number or a string'),
      meta: nullish(object<NonNullable<ChatwootConversation['meta']>>({ sender: person, channel: anything })),
      additional_attributes: nullish(object<NonNullable<ChatwootConversation['additional_attributes']>>({ type: anything })),
    }),
    contact: person,
    currentAgent: nullish(object<{ id?: unknown }>({ id: anything })),
    theme: anything,
  }),
});

/** Chatwoot's inbox types (`conversation.meta.channel`) and the channel each one is. */
const chatwootChannels: Record<string, Channel> = {
  'Channel::Whatsapp': 'WHATSAPP',
  'Channel::Sms': 'SMS',
  // Twilio carries SMS and WhatsApp alike; both are looked up by phone.
  'Channel::TwilioSms': 'SMS',
  'Channel::Voice': 'VOICE',
  'Channel::Email': 'EMAIL',
  'Channel::Instagram': 'INSTAGRAM',
  'Channel::FacebookPage': 'MESSENGER',
};

function channelOf(metaChannel: unknown, conversationType: unknown): Channel | undefined {
  if (typeof metaChannel !== 'string') return undefined;
  // Instagram conversations reach older builds through the Facebook page.
  if (metaChannel === 'Channel::FacebookPage' && conversationType === 'instagram_direct_message') return 'INSTAGRAM';
  return chatwootChannels[metaChannel];
}

/** The context in a Chatwoot `appContext` message, or null when `data` is anything else. Never throws. */
export function parseChatwootMessage(data: unknown): ConversationContext | null {
  if (typeof data !== 'string' || data.length > MAX_MESSAGE_LENGTH || !data.startsWith('{')) return null;
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return null;
  }
  const checked = verify(chatwootMessage, json);
  if (!checked.ok) return null;
  const { conversation, contact, currentAgent, theme } = checked.value.data;
  const sender = conversation.meta?.sender;
  // The contact record is the fuller one; the conversation's sender fills its gaps.
  const first = (accepts: FieldRule, key: 'name' | 'email' | 'phone_number') =>
    pickField(accepts, contact?.[key]) ?? pickField(accepts, sender?.[key]);
  return {
    host: 'chatwoot',
    conversationId: pickField(contextFields.conversationId, conversation.id),
    channel: channelOf(conversation.meta?.channel, conversation.additional_attributes?.type),
    customer: {
      name: first(contextFields.name, 'name'),
      email: first(contextFields.email, 'email'),
      phone: first(contextFields.phone, 'phone_number'),
    },
    agentId: pickField(contextFields.agentId, currentAgent?.id),
    theme: pickTheme(theme),
  };
}

/** Asking again within this gap (focus and visibility often change together) says nothing new. */
const FETCH_INFO_GAP_MS = 250;

/**
 * Chatwoot's dashboard apps: the card asks for the context on opening and whenever it comes back
 * into view, since Chatwoot does not tell an app that the agent moved to another conversation.
 * Chatwoot can neither renew a token nor take text into its reply box.
 */
export function chatwootAdapter(): HostAdapter {
  let lastFetchInfo = -Infinity;
  return {
    name: 'chatwoot',
    detectable: true,
    tokenFromHost: false,
    start(link) {
      const fetchInfo = () => {
        const now = Date.now();
        if (now - lastFetchInfo < FETCH_INFO_GAP_MS) return;
        lastFetchInfo = now;
        link.post(CHATWOOT_FETCH_INFO);
      };
      fetchInfo();
      return watchVisibility(link.win, fetchInfo);
    },
    receive(data) {
      const context = parseChatwootMessage(data);
      return context && { type: 'context', context };
    },
  };
}
