import { fetchCard } from '../api/card';
import { takeBootHandoff } from '../api/early-card';
import { pageSession } from '../api/session';
import { server } from '../../mocks/api/server';
import { bootCard } from './boot';

const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZ2VudC03In0.c2lnbmF0dXJl';

/** Every request the card sends to the (mock) BFF's card endpoint, with its token and body. */
function cardOpens() {
  const opens: { authorization: string | null; body: unknown }[] = [];
  const listener = ({ request }: { request: Request }) => {
    if (new URL(request.url).pathname !== '/api/card') return;
    const copy = request.clone();
    const entry = { authorization: copy.headers.get('Authorization'), body: undefined as unknown };
    opens.push(entry);
    void copy.json().then((body: unknown) => (entry.body = body));
  };
  server.events.on('request:start', listener);
  return { opens, stop: () => server.events.removeListener('request:start', listener) };
}

describe('the card boot script', () => {
  afterEach(() => {
    takeBootHandoff(window);
    window.history.replaceState(null, '', '/');
  });

  it('starts the card-open request from the URL, and the card adopts it instead of sending another', async () => {
    window.history.replaceState(null, '', `/card?channel=WHATSAPP&phone=%2B33612345678&host=infobip#token=${jwt}`);
    const { opens, stop } = cardOpens();

    bootCard(window);
    expect(window.location.href).not.toContain(jwt);
    const handoff = takeBootHandoff(window);
    expect(handoff?.token).toBe(jwt);
    pageSession.update(handoff?.token ?? null);

    const card = await fetchCard({ phone: '+33612345678' });
    expect(card.state).toBe('matched');
    await vi.waitFor(() => expect(opens[0]?.body).toEqual({ phone: '+33612345678' }));
    expect(opens).toHaveLength(1);
    expect(opens[0]?.authorization).toBe(`Bearer ${jwt}`);

    // Adopted once: the next ask is a request of its own.
    await fetchCard({ phone: '+33612345678' });
    expect(opens).toHaveLength(2);
    stop();
  });

  it('is not adopted for another lookup', async () => {
    window.history.replaceState(null, '', `/card?channel=EMAIL&email=amelie.dubois%40example.fr#token=${jwt}`);
    const { opens, stop } = cardOpens();
    bootCard(window);
    pageSession.update(takeBootHandoff(window)?.token ?? null);

    await fetchCard({ phone: '+33612345678' });
    await vi.waitFor(() =>
      expect(opens.map((open) => open.body)).toEqual([{ email: 'amelie.dubois@example.fr' }, { phone: '+33612345678' }]),
    );
    stop();
  });

  it.each([
    ['a postMessage host', '/card?host=postmessage&channel=SMS&phone=%2B33612345678'],
    ['a Chatwoot dashboard app', '/card?host=chatwoot&channel=SMS&phone=%2B33612345678'],
    ['a conversation without an identifier to look up', '/card?channel=WHATSAPP&name=Am%C3%A9lie'],
  ])('hands over the token but asks nothing for %s', async (_, url) => {
    window.history.replaceState(null, '', `${url}#token=${jwt}`);
    const { opens, stop } = cardOpens();
    bootCard(window);
    expect(takeBootHandoff(window)).toEqual({ token: jwt, request: null });
    expect(window.location.href).not.toContain(jwt);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(opens).toEqual([]);
    stop();
  });

  it('asks nothing without a token, and leaves the card nothing to adopt', () => {
    window.history.replaceState(null, '', '/card?channel=SMS&phone=%2B33612345678');
    bootCard(window);
    expect(takeBootHandoff(window)).toEqual({ token: null, request: null });
    expect(takeBootHandoff(window)).toBeNull();
  });
});
