import { Hono } from 'hono';
import { signToken, type Role } from '../auth/tokens';
import type { DemoConversation } from './conversations';
import { inboxPage, inboxScript, inboxStyles } from './inbox-page';

/**
 * The demo inbox: served on its own origin, it embeds the card in an iframe the way a helpdesk does,
 * and mints short-lived tokens for its pretend agent and admin.
 */
export function createDemoInbox(options: { conversations: DemoConversation[]; cardOrigin: string; appSecret: string }) {
  const html = inboxPage(options);
  return new Hono()
    .get('/', (c) => c.html(html))
    .get('/inbox.js', (c) => c.body(inboxScript, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }))
    .get('/inbox.css', (c) => c.body(inboxStyles, 200, { 'Content-Type': 'text/css; charset=utf-8' }))
    .post('/demo-token', async (c) => {
      const role: Role = c.req.query('role') === 'admin' ? 'admin' : 'agent';
      const token = await signToken(options.appSecret, { sub: role === 'admin' ? 'demo-admin' : 'demo-agent', role }, 60 * 60);
      c.header('Cache-Control', 'no-store');
      return c.json({ token });
    });
}
