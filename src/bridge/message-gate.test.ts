import { listenToParent, screenMessage } from './message-gate';

const inbox = 'https://inbox.example.com';
const parent = { name: 'the inbox window' };
const sibling = { name: 'another frame in the inbox' };
const parseWord = (data: unknown) => (data === 'hello' ? 'hello' : null);
const rules = { parent, allowedOrigins: new Set([inbox]), parse: parseWord };

describe('the checks on every message', () => {
  it('accepts a message from the parent, from an allowed origin, that parses', () => {
    expect(screenMessage({ source: parent as never, origin: inbox, data: 'hello' }, rules)).toEqual({
      ok: true,
      message: 'hello',
      origin: inbox,
    });
  });

  it('checks the sender window first, then the origin, then the shape', () => {
    const parse = vi.fn(parseWord);
    const checked = { ...rules, parse };

    // A window that is not the parent fails even from an allowed origin with a good message.
    expect(screenMessage({ source: sibling as never, origin: inbox, data: 'hello' }, checked)).toEqual({ ok: false, reason: 'not-parent' });
    // The parent's message from an origin not on the list fails before its shape is read.
    expect(screenMessage({ source: parent as never, origin: 'https://evil.example', data: 'hello' }, checked)).toEqual({
      ok: false,
      reason: 'origin',
    });
    expect(parse).not.toHaveBeenCalled();
    expect(screenMessage({ source: parent as never, origin: inbox, data: 'goodbye' }, checked)).toEqual({ ok: false, reason: 'shape' });
  });

  it('accepts nothing when the card is not framed', () => {
    expect(screenMessage({ source: null, origin: inbox, data: 'hello' }, { ...rules, parent: null })).toEqual({
      ok: false,
      reason: 'not-parent',
    });
  });

  it('treats an origin by its exact text: no prefixes, no other ports or schemes', () => {
    for (const origin of ['https://inbox.example.com.evil.example', 'http://inbox.example.com', 'https://inbox.example.com:8443', 'null']) {
      expect(screenMessage({ source: parent as never, origin, data: 'hello' }, rules)).toEqual({ ok: false, reason: 'origin' });
    }
  });
});

describe('listening to the parent', () => {
  const message = (data: unknown, origin: string, source: unknown) => Object.assign(new Event('message'), { data, origin, source });

  it('passes on what is accepted, counts and logs what is dropped, never throws, and stops when told', () => {
    const target = new EventTarget();
    const received = vi.fn();
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => {});
    const counts = { 'not-parent': 0, origin: 0, shape: 0 };
    const stop = listenToParent(target, rules, received, counts);

    target.dispatchEvent(message('hello', inbox, parent));
    target.dispatchEvent(message('hello', inbox, sibling));
    target.dispatchEvent(message('hello', 'https://evil.example', parent));
    target.dispatchEvent(message({ toString: null }, inbox, parent));

    expect(received).toHaveBeenCalledExactlyOnceWith('hello', inbox);
    expect(counts).toEqual({ 'not-parent': 1, origin: 1, shape: 1 });
    expect(debug).toHaveBeenCalledTimes(3);
    expect(JSON.stringify(debug.mock.calls)).not.toContain('hello');

    stop();
    target.dispatchEvent(message('hello', inbox, parent));
    expect(received).toHaveBeenCalledTimes(1);
    debug.mockRestore();
  });
});
