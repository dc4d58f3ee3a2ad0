import { Hono } from 'hono';
import { announce, listen } from './ipc';

/** The yardstick: the least a Hono app on @hono/node-server can do per request on this machine. */
const app = new Hono().get('/', (c) => c.json({ ok: true }));
const { port } = await listen(app.fetch);
announce({ origin: `http://127.0.0.1:${port}` });
