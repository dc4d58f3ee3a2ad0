import { Hono } from 'hono';
import { signToken, type Role } from '../auth/tokens';
import { AppError, problemResponse } from '../http/problem';
import type { DemoConversation } from './conversations';
import { chatwootHostScript, inboxScript, postMessageHostScript, urlHostScript } from './browser-scripts';
import { demoHosts, inboxPage } from './inbox-page';
import { inboxStyles } from './inbox-styles';

const javascript = { 'Content-Type': 'text/javascript; charset=utf-8' };

/**
 * The demo inbox: served on its own origin, it embeds the card the way helpdesks do (URL parameters on
 * `/`, Chatwoot's dashboard-app messages on `/chatwoot`, our postMessage protocol on `/postmessage`),
 * and mints short-lived tokens for its pretend agent and admin, for its own pages only.
 */
export function createDemoInbox(options: {
  conversations: DemoConversation[];
  cardOrigin: string;
  appSecret: string;
  /** Where the inbox is served (`http://127.0.0.1:8788`): the only Host and Origin it mints tokens for. */
  origin: string;
}) {
  const ownHost = new URL(options.origin).host;
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    `frame-src ${options.cardOrigin}`,
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  const app = new Hono();
  app.use(async (c, next) => {
    await next();
    c.header('Content-Security-Policy', csp);
    c.header('X-Content-Type-Options', 'nosniff');
  });
  for (const { host, path } of demoHosts) {
    const html = inboxPage({ ...options, host });
    app.get(path, (c) => c.html(html));
  }
  return app
    .get('/inbox.js', (c) => c.body(inboxScript, 200, javascript))
    .get('/url-host.js', (c) => c.body(urlHostScript, 200, javascript))
    .get('/chatwoot-host.js', (c) => c.body(chatwootHostScript, 200, javascript))
    .get('/postmessage-host.js', (c) => c.body(postMessageHostScript, 200, javascript))
    .get('/inbox.css', (c) => c.body(inboxStyles, 200, { 'Content-Type': 'text/css; charset=utf-8' }))
    .post('/demo-token', async (c) => {
      // Another page could reach this port by DNS rebinding (its own name, our address) or post to it
      // from its own origin: a token goes only to a request for our own address from our own pages.
      if (c.req.header('Host') !== ownHost || c.req.header('Origin') !== options.origin) {
        return problemResponse(c, new AppError('FORBIDDEN', 'The demo inbox gives tokens to its own pages only.'));
      }
      const role: Role = c.req.query('role') === 'admin' ? 'admin' : 'agent';
      // `expired=1` gives a token that expired an hour ago, to show how the card renews a session.
      const issuedAt = c.req.query('expired') === '1' ? Date.now() - 2 * 60 * 60_000 : Date.now();
      const token = await signToken(options.appSecret, { sub: role === 'admin' ? 'demo-admin' : 'demo-agent', role }, 60 * 60, issuedAt);
      c.header('Cache-Control', 'no-store');
      return c.json({ token });
    });
}
