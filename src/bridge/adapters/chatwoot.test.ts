import { CHATWOOT_FETCH_INFO, parseChatwootMessage } from './chatwoot';

/** What Chatwoot posts: a JSON string. */
const chatwoot = (data: unknown) => JSON.stringify({ event: 'appContext', data });

const conversation = {
  id: 1001,
  inbox_id: 3,
  status: 'open',
  meta: {
    sender: { id: 42, name: 'Amélie Dubois', email: null, phone_number: '+33612345678', identifier: null, custom_attributes: {} },
    channel: 'Channel::Whatsapp',
    assignee: { id: 7, name: 'Sam' },
  },
  messages: [{ id: 1, content: 'Bonjour! Where is my order?' }],
  custom_attributes: {},
};
const contact = { id: 42, name: 'Amélie Dubois', email: 'amelie.dubois@example.fr', phone_number: '+33612345678' };

describe('the Chatwoot dashboard-app adapter', () => {
  it('reads the latest message: conversation, contact, current agent and theme', () => {
    const context = parseChatwootMessage(
      chatwoot({
        conversation,
        contact,
        currentAgent: { id: 7, name: 'Sam', email: 'sam@shop.example' },
        theme: 'dark',
        customAttributes: [],
      }),
    );

    expect(context).toEqual({
      host: 'chatwoot',
      conversationId: '1001',
      channel: 'WHATSAPP',
      customer: { name: 'Amélie Dubois', email: 'amelie.dubois@example.fr', phone: '+33612345678' },
      agentId: '7',
      theme: 'dark',
    });
  });

  it('reads what older builds send: only the conversation and the contact', () => {
    expect(parseChatwootMessage(chatwoot({ conversation, contact }))).toEqual({
      host: 'chatwoot',
      conversationId: '1001',
      channel: 'WHATSAPP',
      customer: { name: 'Amélie Dubois', email: 'amelie.dubois@example.fr', phone: '+33612345678' },
    });
  });

  it("falls back to the conversation's sender when the contact is missing or has gaps", () => {
    const context = parseChatwootMessage(chatwoot({ conversation, contact: { id: 42, name: null, email: null, phone_number: null } }));
    expect(context?.customer).toEqual({ name: 'Amélie Dubois', phone: '+33612345678' });

    expect(parseChatwootMessage(chatwoot({ conversation, contact: null }))?.customer).toEqual({
      name: 'Amélie Dubois',
      phone: '+33612345678',
    });
  });

  it.each([
    ['Channel::Whatsapp', undefined, 'WHATSAPP'],
    ['Channel::Sms', undefined, 'SMS'],
    ['Channel::TwilioSms', undefined, 'SMS'],
    ['Channel::Voice', undefined, 'VOICE'],
    ['Channel::Email', undefined, 'EMAIL'],
    ['Channel::Instagram', undefined, 'INSTAGRAM'],
    ['Channel::FacebookPage', undefined, 'MESSENGER'],
    ['Channel::FacebookPage', 'instagram_direct_message', 'INSTAGRAM'],
    ['Channel::WebWidget', undefined, undefined],
    ['Channel::Api', undefined, undefined],
  ])('reads the inbox type %s (%s) as %s', (channel, type, expected) => {
    const context = parseChatwootMessage(
      chatwoot({
        conversation: { ...conversation, meta: { ...conversation.meta, channel }, additional_attributes: type ? { type } : {} },
        contact,
      }),
    );
    expect(context?.channel).toBe(expected);
  });

  it('drops values that do not parse and keeps the rest', () => {
    const context = parseChatwootMessage(
      chatwoot({
        conversation: { id: 'c-9', meta: { sender: { name: 'Noah', email: 'nope', phone_number: 'unknown' } } },
        currentAgent: { id: { nested: true } },
        theme: 'auto',
      }),
    );
    expect(context).toEqual({ host: 'chatwoot', conversationId: 'c-9', customer: { name: 'Noah' } });
  });

  it.each([
    ['the message as an object rather than a string', { event: 'appContext', data: { conversation, contact } }],
    ['text that is not JSON', '{"event":"appContext",'],
    ['another event', JSON.stringify({ event: 'appUpdate', data: { conversation, contact } })],
    ['no conversation', chatwoot({ contact })],
    ['a conversation without an id', chatwoot({ conversation: { meta: conversation.meta }, contact })],
    ['its own fetch-info request', CHATWOOT_FETCH_INFO],
    ['a number', 42],
  ])('drops %s', (_, data) => {
    expect(parseChatwootMessage(data)).toBeNull();
  });
});
