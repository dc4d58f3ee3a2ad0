import { agentLocale, lookupFor, parseConversationContext, readCardContext, type ConversationContext } from './context';

const card = (query: string, fragment = '') => `https://cards.example.com/card?${query}${fragment}`;

describe('reading the conversation context from the URL', () => {
  it('reads every parameter the host can pass', () => {
    const conversation = parseConversationContext(
      card(
        'channel=WHATSAPP&phone=%2B33612345678&email=amelie.dubois%40example.fr&name=Am%C3%A9lie%20Dubois' +
          '&conversationId=conv-42&agentId=agent-7&host=infobip&locale=fr-FR&theme=dark',
      ),
    );

    expect(conversation).toEqual({
      host: 'infobip',
      conversationId: 'conv-42',
      channel: 'WHATSAPP',
      customer: { name: 'Amélie Dubois', email: 'amelie.dubois@example.fr', phone: '+33612345678' },
      agentId: 'agent-7',
      locale: 'fr-FR',
      theme: 'dark',
    });
  });

  it.each([
    ['whatsapp', 'WHATSAPP'],
    ['Viber_BM', 'VIBER'],
    ['facebook_messenger', 'MESSENGER'],
    ['INSTAGRAM_DM', 'INSTAGRAM'],
    ['mail', 'EMAIL'],
    ['sms', 'SMS'],
  ])('reads the channel %s as %s', (value, channel) => {
    expect(parseConversationContext(card(`channel=${value}`)).channel).toBe(channel);
  });

  it('drops values that do not parse, and keeps the rest', () => {
    const conversation = parseConversationContext(
      card(
        'channel=FAX&phone=call%20me&email=not-an-email&theme=blue&locale=%2A%2A&host=evil%20host%3Cscript%3E' +
          '&name=Am%C3%A9lie%0ADubois&conversationId=&agentId=agent-7',
      ),
    );

    expect(conversation).toEqual({ customer: {}, agentId: 'agent-7' } satisfies ConversationContext);
  });

  it('gives back the + of a phone number a host forgot to encode', () => {
    expect(parseConversationContext(card('phone=+447700900123')).customer.phone).toBe('+447700900123');
  });

  it('accepts the theme and locale in any case', () => {
    const conversation = parseConversationContext(card('theme=LIGHT&locale=en-gb'));
    expect(conversation.theme).toBe('light');
    expect(conversation.locale).toBe('en-GB');
  });
});

describe('the token', () => {
  const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZ2VudC03In0.c2lnbmF0dXJl';
  const addressBar = (href: string) => ({ location: { href }, history: { state: null, replaceState: vi.fn() } });

  it('is read from the URL fragment, and taken out of the address bar, keeping the rest of the URL', () => {
    window.history.replaceState(null, '', `/card?channel=SMS&phone=%2B33612345678#token=${jwt}&view=orders`);

    const { token, conversation } = readCardContext();

    expect(token).toBe(jwt);
    expect(conversation.customer.phone).toBe('+33612345678');
    expect(window.location.hash).toBe('#view=orders');
    expect(window.location.search).toBe('?channel=SMS&phone=%2B33612345678');
    expect(window.location.href).not.toContain(jwt);
  });

  it('is never read from the query string', () => {
    expect(readCardContext(addressBar(card(`channel=SMS&token=${jwt}`))).token).toBeNull();
  });

  it('is dropped when it is not shaped like a signed token, and still leaves the address bar', () => {
    const win = addressBar(card('channel=SMS', '#token=%3Cscript%3E'));
    expect(readCardContext(win).token).toBeNull();
    expect(win.history.replaceState).toHaveBeenCalledWith(null, '', new URL(card('channel=SMS')));
  });

  it('leaves the address bar alone when there is no token in it', () => {
    const win = addressBar(card('channel=SMS'));
    readCardContext(win);
    expect(win.history.replaceState).not.toHaveBeenCalled();
  });
});

describe('which identifier the card looks up', () => {
  const both = { email: 'amelie.dubois@example.fr', phone: '+33612345678' };

  it.each(['WHATSAPP', 'SMS', 'VOICE', 'VIBER'] as const)('looks up %s conversations by phone', (channel) => {
    expect(lookupFor({ channel, customer: both })).toEqual({ phone: '+33612345678' });
    expect(lookupFor({ channel, customer: { email: both.email } })).toBeNull();
  });

  it('looks up email conversations by email', () => {
    expect(lookupFor({ channel: 'EMAIL', customer: both })).toEqual({ email: 'amelie.dubois@example.fr' });
    expect(lookupFor({ channel: 'EMAIL', customer: { phone: both.phone } })).toBeNull();
  });

  it.each(['INSTAGRAM', 'MESSENGER', undefined] as const)('looks up %s conversations by email, else phone', (channel) => {
    expect(lookupFor({ channel, customer: both })).toEqual({ email: 'amelie.dubois@example.fr' });
    expect(lookupFor({ channel, customer: { phone: both.phone } })).toEqual({ phone: '+33612345678' });
    expect(lookupFor({ channel, customer: {} })).toBeNull();
  });

  it('takes nothing that is not an email or a phone, which the BFF would refuse', () => {
    expect(lookupFor({ channel: 'EMAIL', customer: { email: '*' } })).toBeNull();
    expect(lookupFor({ channel: 'SMS', customer: { phone: 'unknown' } })).toBeNull();
    expect(lookupFor({ channel: 'MESSENGER', customer: { email: 'psid:123', phone: '+33 6 12 34 56 78' } })).toEqual({
      phone: '+33 6 12 34 56 78',
    });
  });
});

describe("the agent's locale", () => {
  it("is the host's when given, else the browser's, else English", () => {
    expect(agentLocale({ customer: {}, locale: 'ja-JP' }, 'fr-FR')).toBe('ja-JP');
    expect(agentLocale({ customer: {} }, 'fr-FR')).toBe('fr-FR');
    expect(agentLocale({ customer: {} }, 'not a locale!')).toBe('en');
  });
});
