import type { Channel } from '../../shared/channels';
import type { DemoConversation } from './conversations';

/** Chatwoot's inbox type for each channel; Chatwoot has no Viber inbox, so Viber arrives through the API inbox. */
const inboxTypes: Record<Channel, string> = {
  WHATSAPP: 'Channel::Whatsapp',
  SMS: 'Channel::Sms',
  VOICE: 'Channel::Voice',
  VIBER: 'Channel::Api',
  EMAIL: 'Channel::Email',
  INSTAGRAM: 'Channel::Instagram',
  MESSENGER: 'Channel::FacebookPage',
};

export const chatwootAgent = { id: 7, name: 'Demo Agent', email: 'agent@demo-inbox.example' };

/** A demo conversation as Chatwoot's dashboard sends it to a dashboard app: the chat and its contact. */
export function chatwootRecords(conversation: DemoConversation, index: number) {
  const contact = {
    id: 500 + index,
    name: conversation.customer.name,
    email: conversation.customer.email ?? null,
    phone_number: conversation.customer.phone ?? null,
    identifier: null,
    thumbnail: '',
    availability_status: 'offline',
    additional_attributes: {},
    custom_attributes: {},
  };
  return {
    contact,
    conversation: {
      id: 1000 + index,
      inbox_id: 1 + Object.keys(inboxTypes).indexOf(conversation.channel),
      status: 'open',
      unread_count: 0,
      meta: { sender: contact, channel: inboxTypes[conversation.channel], assignee: chatwootAgent, hmac_verified: false },
      messages: conversation.messages.map((message, position) => ({
        id: 9000 + index * 100 + position,
        content: message.text,
        message_type: message.from === 'customer' ? 0 : 1,
        content_type: 'text',
      })),
      additional_attributes: {},
      custom_attributes: {},
      labels: [],
    },
  };
}
