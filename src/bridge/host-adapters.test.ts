import { conversationInUrl, parseUrlContext } from './adapters/url';
import { chooseAdapter, hostAdapters } from './host-adapters';

describe('which hosts put the conversation in the URL', () => {
  it.each([
    ['/card?channel=SMS&phone=%2B33612345678', true],
    ['/card?channel=SMS&phone=%2B33612345678', false],
    ['/card?host=infobip&channel=SMS&phone=%2B33612345678', true],
    ['/card?host=postmessage', true],
    ['/card?host=chatwoot', true],
    ['/card?host=postmessage&phone=%2B33612345678', false],
    ['/card', true],
    ['/card', false],
    ['/card?theme=dark', true],
  ])('the boot script agrees with the bridge on %s (framed: %s)', (path, framed) => {
    const url = parseUrlContext(`https://cards.example.com${path}`);
    const adapters = hostAdapters.map((create) => create());
    expect(conversationInUrl(url, framed)).toBe(chooseAdapter(url, framed, adapters)?.name === 'url');
  });
});
