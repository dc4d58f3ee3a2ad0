import { Hono } from 'hono';
import { announce, answer, listen } from './ipc';

/**
 * The yardsticks: the least a Hono app on @hono/node-server can do per request on this machine.
 * `GET /` answers `{"ok":true}`. `POST /card` answers a card open exactly as the BFF would (the same
 * request, read and parsed; the same bytes back, set by the parent through `cardAnswer`) and does
 * nothing else: no token, no lookup, no cache, no log.
 */
let cardAnswer = '{}';
const app = new Hono()
  .get('/', (c) => c.json({ ok: true }))
  .post('/card', async (c) => {
    await c.req.json();
    return c.body(cardAnswer, 200, { 'Content-Type': 'application/json' });
  });
const { port } = await listen(app.fetch);
answer({
  cardAnswer: (payload) => {
    cardAnswer = String(payload);
  },
});
announce({ origin: `http://127.0.0.1:${port}` });
