import { CHATWOOT_FETCH_INFO } from './adapters/chatwoot';
import type { HostAdapter } from './adapters/host-adapter';
import { parseUrlContext } from './adapters/url';
import type { ConversationContext } from './conversation-context';
import { chooseAdapter, hostAdapters } from './host-adapters';
import { connectHost, type HostWindow } from './host-bridge';

const inbox = 'https://inbox.example.com';
const allowedOrigins = new Set([inbox, 'https://desk.example.org']);
const envelope = { namespace: 'shopify-context-card', version: 1 } as const;
const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZ2VudC03In0.c2lnbmF0dXJl';
const amelie = { conversationId: 'c-1', channel: 'WHATSAPP', customer: { name: 'Amélie Dubois', phone: '+33612345678' } };

/** A card window framed by an inbox on `inbox`, whose messages the test sends by hand. */
function framedCard(query: string, options: { framed?: boolean; adapters?: readonly (() => HostAdapter)[] } = {}) {
  const parent = { postMessage: vi.fn() };
  const win = Object.assign(new EventTarget(), {
    parent,
    location: {
      href: `https://cards.example.com/card?${query}`,
      ancestorOrigins: Object.assign([inbox], { contains: () => true, item: () => inbox }),
    },
    document: Object.assign(new EventTarget(), {
      referrer: '',
      visibilityState: 'visible' as DocumentVisibilityState,
      documentElement: document.documentElement,
    }),
  });
  if (options.framed === false) win.parent = win as never;
  const hostWindow: HostWindow = win;
  const counts = { 'not-parent': 0, origin: 0, shape: 0 };
  const bridge = connectHost({
    win: hostWindow,
    allowedOrigins,
    url: parseUrlContext(win.location.href),
    dropCounts: counts,
    ...(options.adapters ? { adapters: options.adapters } : {}),
  });
  const send = (data: unknown, from: { origin?: string; source?: unknown } = {}) =>
    win.dispatchEvent(Object.assign(new Event('message'), { data, origin: from.origin ?? inbox, source: from.source ?? parent }));
  const sent = () => parent.postMessage.mock.calls.map(([message, target]) => ({ message: message as unknown, target: target as string }));
  return { bridge, send, sent, counts, win };
}

beforeEach(() => {
  vi.spyOn(console, 'debug').mockImplementation(() => {});
});

describe('choosing the adapter', () => {
  const url = (query: string): ConversationContext => parseUrlContext(`https://cards.example.com/card?${query}`);
  const chosen = (query: string, framed: boolean) =>
    chooseAdapter(
      url(query),
      framed,
      hostAdapters.map((create) => create()),
    )?.name ?? null;

  it('follows ?host=, then the URL parameters, then waits to see what the host speaks', () => {
    expect(chosen('host=chatwoot', true)).toBe('chatwoot');
    expect(chosen('host=postmessage', true)).toBe('postmessage');
    expect(chosen('host=infobip&channel=SMS&phone=%2B447700900123', true)).toBe('url');
    expect(chosen('channel=SMS&phone=%2B447700900123', true)).toBe('url');
    expect(chosen('theme=dark', true)).toBeNull();
    expect(chosen('', false)).toBe('url');
  });
});

describe('the URL-parameter adapter', () => {
  it('has the context at once, sends nothing and cannot renew a token', () => {
    const { bridge, sent } = framedCard('host=infobip&channel=SMS&phone=%2B447700900123');

    expect(bridge.getState()).toMatchObject({
      adapter: 'url',
      context: { host: 'infobip', channel: 'SMS', customer: { phone: '+447700900123' } },
    });
    expect(bridge.requestToken()).toBe(false);
    expect(bridge.canInsertText()).toBe(false);
    expect(sent()).toEqual([]);
  });
});

describe('our postMessage protocol', () => {
  it('says it is ready to the parent, then takes the context, theme, locale and token the host sends', () => {
    const { bridge, send, sent } = framedCard('host=postmessage&locale=en-GB');

    expect(sent()).toEqual([
      { message: { ...envelope, type: 'ready', supports: ['insert-text', 'resize', 'request-token'] }, target: inbox },
    ]);
    expect(bridge.getState().context).toBeNull();

    send({ ...envelope, type: 'context', context: amelie });
    send({ ...envelope, type: 'token', token: jwt });
    expect(bridge.getState()).toEqual({
      adapter: 'postmessage',
      token: jwt,
      context: {
        host: 'postmessage',
        conversationId: 'c-1',
        channel: 'WHATSAPP',
        customer: { name: 'Amélie Dubois', phone: '+33612345678' },
        locale: 'en-GB',
      },
    });

    send({ ...envelope, type: 'theme', theme: 'dark' });
    send({ ...envelope, type: 'locale', locale: 'fr-FR' });
    expect(bridge.getState().context).toMatchObject({ conversationId: 'c-1', theme: 'dark', locale: 'fr-FR' });
  });

  it('sends insert-text, height and token requests to the origin the host spoke from, never "*"', () => {
    const { bridge, send, sent } = framedCard('host=postmessage');
    bridge.reportHeight(311.2);
    bridge.insertText('too early');
    expect(bridge.requestToken()).toBe(false);
    expect(sent()).toHaveLength(1);

    send({ ...envelope, type: 'context', context: amelie });
    expect(bridge.canInsertText()).toBe(true);
    bridge.insertText('Your order #1042 shipped today.');
    expect(bridge.requestToken()).toBe(true);
    bridge.reportHeight(311.9);
    bridge.reportHeight(480);

    expect(sent().slice(1)).toEqual([
      // The height measured before the host spoke is sent once it has.
      { message: { ...envelope, type: 'resize', height: 312 }, target: inbox },
      { message: { ...envelope, type: 'insert-text', text: 'Your order #1042 shipped today.' }, target: inbox },
      { message: { ...envelope, type: 'request-token' }, target: inbox },
      { message: { ...envelope, type: 'resize', height: 480 }, target: inbox },
    ]);
  });

  it('keeps the same context object when the host repeats itself', () => {
    const { bridge, send } = framedCard('host=postmessage');
    const listener = vi.fn();
    bridge.subscribe(listener);

    send({ ...envelope, type: 'context', context: amelie });
    const first = bridge.getState().context;
    send({ ...envelope, type: 'context', context: amelie });

    expect(bridge.getState().context).toBe(first);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('ignores Chatwoot messages', () => {
    const { bridge, send, counts } = framedCard('host=postmessage');
    send(JSON.stringify({ event: 'appContext', data: { conversation: { id: 1 } } }));
    expect(bridge.getState().context).toBeNull();
    expect(counts.shape).toBe(1);
  });
});

describe('Chatwoot dashboard apps', () => {
  const appContext = (id: number, contact: object, theme?: string) =>
    JSON.stringify({
      event: 'appContext',
      data: { conversation: { id, meta: { channel: 'Channel::Whatsapp' } }, contact, currentAgent: { id: 7 }, ...(theme ? { theme } : {}) },
    });

  it('asks for the context on mount, as a plain string to the parent origin', () => {
    const { sent } = framedCard('host=chatwoot');
    expect(sent()).toEqual([{ message: CHATWOOT_FETCH_INFO, target: inbox }]);
  });

  it('takes the context, ignores repeats for the same conversation, and follows theme and conversation changes', () => {
    const { bridge, send } = framedCard('host=chatwoot&locale=de-DE');
    const listener = vi.fn();
    bridge.subscribe(listener);

    send(appContext(1001, { name: 'Amélie Dubois', phone_number: '+33612345678' }, 'light'));
    const first = bridge.getState().context;
    expect(first).toEqual({
      host: 'chatwoot',
      conversationId: '1001',
      channel: 'WHATSAPP',
      customer: { name: 'Amélie Dubois', phone: '+33612345678' },
      agentId: '7',
      theme: 'light',
      locale: 'de-DE',
    });

    send(appContext(1001, { name: 'Amélie Dubois', phone_number: '+33612345678' }, 'light'));
    expect(bridge.getState().context).toBe(first);

    send(appContext(1001, { name: 'Amélie Dubois', phone_number: '+33612345678' }, 'dark'));
    expect(bridge.getState().context).toMatchObject({ conversationId: '1001', theme: 'dark' });

    send(appContext(1002, { name: 'Oliver Smith', phone_number: '+447700900123' }));
    expect(bridge.getState().context).toMatchObject({ conversationId: '1002', customer: { name: 'Oliver Smith' }, theme: 'dark' });
    expect(listener).toHaveBeenCalledTimes(3);
  });

  it('asks again when the card comes back into view', () => {
    const { sent, win } = framedCard('host=chatwoot');
    vi.useFakeTimers();
    vi.advanceTimersByTime(1000);
    win.dispatchEvent(new Event('focus'));
    vi.useRealTimers();
    expect(sent().filter(({ message }) => message === CHATWOOT_FETCH_INFO)).toHaveLength(2);
  });

  it('has no way to renew a token or insert text', () => {
    const { bridge, send } = framedCard('host=chatwoot');
    send(appContext(1001, { phone_number: '+33612345678' }));
    expect(bridge.requestToken()).toBe(false);
    expect(bridge.canInsertText()).toBe(false);
  });
});

describe('a framed card without ?host=', () => {
  it('learns the protocol from the first message that parses, then sticks to it', () => {
    const { bridge, send, sent } = framedCard('');
    expect(sent().map(({ message }) => message)).toEqual([
      { ...envelope, type: 'ready', supports: ['insert-text', 'resize', 'request-token'] },
      CHATWOOT_FETCH_INFO,
    ]);

    send(JSON.stringify({ event: 'appContext', data: { conversation: { id: 5 }, contact: { email: 'sofia.hernandez@example.mx' } } }));
    expect(bridge.getState()).toMatchObject({ adapter: 'chatwoot', context: { conversationId: '5' } });

    send({ ...envelope, type: 'context', context: amelie });
    expect(bridge.getState().context).toMatchObject({ conversationId: '5' });
  });
});

describe('messages that change nothing', () => {
  it('from another origin, from a window that is not the parent, or of the wrong shape', () => {
    const { bridge, send, counts } = framedCard('host=postmessage');
    send({ ...envelope, type: 'context', context: amelie });
    const before = bridge.getState();

    send({ ...envelope, type: 'context', context: { customer: { phone: '+15550000000' } } }, { origin: 'https://evil.example' });
    send({ ...envelope, type: 'token', token: jwt }, { source: { postMessage: vi.fn() } });
    send({ ...envelope, type: 'context', context: { customer: { phone: 15550000000 } } });
    send('{"namespace":"shopify-context-card"}');

    expect(bridge.getState()).toBe(before);
    expect(counts).toEqual({ 'not-parent': 1, origin: 1, shape: 2 });
  });

  it('from the other allowed origin, once the host has spoken from its own', () => {
    const { bridge, send, counts } = framedCard('host=postmessage');
    send({ ...envelope, type: 'context', context: amelie });
    send({ ...envelope, type: 'theme', theme: 'dark' }, { origin: 'https://desk.example.org' });
    expect(bridge.getState().context?.theme).toBeUndefined();
    expect(counts.origin).toBe(1);
  });

  it('when the card is not framed at all', () => {
    const { bridge, send, sent } = framedCard('host=postmessage', { framed: false });
    send({ ...envelope, type: 'context', context: amelie });
    expect(bridge.getState().context).toBeNull();
    expect(sent()).toEqual([]);
  });

  it('after the bridge has stopped', () => {
    const { bridge, send } = framedCard('host=postmessage');
    bridge.stop();
    send({ ...envelope, type: 'context', context: amelie });
    expect(bridge.getState().context).toBeNull();
  });
});

describe('an inbox of its own', () => {
  /** A made-up inbox that says hello, sends the phone number as a plain string and takes text back. */
  const pagerAdapter = (): HostAdapter => ({
    name: 'pager',
    detectable: false,
    tokenFromHost: false,
    start(link) {
      link.post('pager:hello');
      return () => {};
    },
    receive: (data) =>
      typeof data === 'string' && data.startsWith('pager:+') ? { type: 'context', context: { customer: { phone: data.slice(6) } } } : null,
    insertText: (link, text) => link.post(`pager:reply:${text}`),
  });

  it('plugs in as one adapter: ?host= picks it, the bridge runs it and screens its messages', () => {
    const { bridge, send, sent, counts } = framedCard('host=pager', { adapters: [pagerAdapter, ...hostAdapters] });
    expect(bridge.canInsertText()).toBe(false);

    send('pager:+447700900123');
    send('pager:+15550000000', { origin: 'https://evil.example' });
    bridge.insertText('On its way');

    expect(bridge.getState()).toMatchObject({ adapter: 'pager', context: { host: 'pager', customer: { phone: '+447700900123' } } });
    expect(bridge.requestToken()).toBe(false);
    expect(counts.origin).toBe(1);
    expect(sent()).toEqual([
      { message: 'pager:hello', target: inbox },
      { message: 'pager:reply:On its way', target: inbox },
    ]);
  });
});
