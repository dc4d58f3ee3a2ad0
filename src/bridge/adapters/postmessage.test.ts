import { cardMessage, parseHostMessage } from './postmessage';

const envelope = { namespace: 'shopify-context-card', version: 1 } as const;
const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZ2VudC03In0.c2lnbmF0dXJl';

describe('our postMessage protocol, as the card reads it', () => {
  it('reads a context message into the conversation context', () => {
    const update = parseHostMessage({
      ...envelope,
      type: 'context',
      context: {
        conversationId: 4711,
        channel: 'whatsapp',
        customer: { name: 'Amélie Dubois', phone: '+33612345678', email: 'amelie.dubois@example.fr' },
        agentId: 'agent-7',
        locale: 'fr-fr',
        theme: 'dark',
      },
    });

    expect(update).toEqual({
      type: 'context',
      context: {
        host: 'postmessage',
        conversationId: '4711',
        channel: 'WHATSAPP',
        customer: { name: 'Amélie Dubois', phone: '+33612345678', email: 'amelie.dubois@example.fr' },
        agentId: 'agent-7',
        locale: 'fr-FR',
        theme: 'dark',
      },
    });
  });

  it('drops values that do not parse and keeps the rest, like URL parameters', () => {
    const update = parseHostMessage({
      ...envelope,
      type: 'context',
      context: {
        channel: 'FAX',
        customer: { email: 'not-an-email', phone: 'call me', name: 'Noah\u0000' },
        theme: 'blue',
        conversationId: 'c-1',
      },
    });

    expect(update).toEqual({ type: 'context', context: { host: 'postmessage', conversationId: 'c-1', customer: {} } });
  });

  it.each([
    ['theme', { type: 'theme', theme: 'dark' }, { type: 'theme', theme: 'dark' }],
    ['locale', { type: 'locale', locale: 'ja-jp' }, { type: 'locale', locale: 'ja-JP' }],
    ['token', { type: 'token', token: jwt }, { type: 'token', token: jwt }],
  ])('reads a %s message', (_, message, expected) => {
    expect(parseHostMessage({ ...envelope, ...message })).toEqual(expected);
  });

  it.each([
    ['a string', 'context'],
    ['another namespace', { namespace: 'penpal', version: 1, type: 'theme', theme: 'dark' }],
    ['another version', { ...envelope, version: 2, type: 'theme', theme: 'dark' }],
    ['an unknown type', { ...envelope, type: 'navigate', url: 'https://evil.example' }],
    ['a message meant for the host', { ...envelope, type: 'insert-text', text: 'hello' }],
    ['a context that is not an object', { ...envelope, type: 'context', context: 'amelie' }],
    ['a phone that is not text', { ...envelope, type: 'context', context: { customer: { phone: 33612345678 } } }],
    ['a theme outside the two', { ...envelope, type: 'theme', theme: 'sepia' }],
    ['a locale that is not one', { ...envelope, type: 'locale', locale: '**' }],
    ['a token that is not shaped like one', { ...envelope, type: 'token', token: '<script>' }],
    ['an oversized value', { ...envelope, type: 'context', context: { customer: { name: 'x'.repeat(5000) } } }],
    ['null', null],
  ])('drops %s', (_, data) => {
    expect(parseHostMessage(data)).toBeNull();
  });

  it('reads a prewarm message as a conversation about to be opened, checked like a context', () => {
    expect(
      parseHostMessage({
        ...envelope,
        type: 'prewarm',
        context: { channel: 'email', customer: { email: 'sofia.hernandez@example.mx', phone: 'x' } },
      }),
    ).toEqual({
      type: 'prewarm',
      context: expect.objectContaining({ channel: 'EMAIL', customer: { email: 'sofia.hernandez@example.mx' } }) as unknown,
    });
    expect(parseHostMessage({ ...envelope, type: 'prewarm', context: 'sofia' })).toBeNull();
    expect(parseHostMessage({ ...envelope, type: 'prewarm' })).toBeNull();
  });

  it('wraps what the card sends in the namespace and version', () => {
    expect(cardMessage({ type: 'insert-text', text: 'Your order #1042 shipped.' })).toEqual({
      ...envelope,
      type: 'insert-text',
      text: 'Your order #1042 shipped.',
    });
  });
});
