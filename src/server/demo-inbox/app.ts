import { Hono, type Context } from 'hono';
import { signToken, type Role } from '../auth/tokens';
import { AppError, problemResponse } from '../http/problem';
import type { DemoConversation } from './conversations';
import { chatwootHostScript, inboxScript, postMessageHostScript, urlHostScript } from './browser-scripts';
import { demoHosts, inboxPage } from './inbox-page';
import { inboxStyles } from './inbox-styles';
import { prewarmCards, prewarmRequestSchema } from './prewarm';
import { changeSandboxCustomer, sandboxChangeRequestSchema } from './sandbox-change';

const javascript = { 'Content-Type': 'text/javascript; charset=utf-8' };

type DemoInboxOptions = {
  conversations: DemoConversation[];
  cardOrigin: string;
  appSecret: string;
  /** Where the inbox is served (`http://127.0.0.1:8788`): the only Host and Origin it answers its own requests from. */
  origin: string;
  /** The sandbox store the demo runs on: its shoppers can be changed from the inbox, as a merchant would in Shopify. */
  sandboxOrigin?: string | undefined;
};

/**
 * The demo inbox: served on its own origin, it embeds the card the way helpdesks do (URL parameters on
 * `/`, Chatwoot's dashboard-app messages on `/chatwoot`, our postMessage protocol on `/postmessage`),
 * mints short-lived tokens for its pretend agent and admin (for its own pages only), and on the sandbox store
 * changes a conversation's shopper, so that the next People run can be seen picking the change up.
 */
export function createDemoInbox(options: DemoInboxOptions) {
  const ownHost = new URL(options.origin).host;
  // Another page could reach this port by DNS rebinding (its own name, our address) or post to it from its
  // own origin: what the inbox does for its pages (tokens, sandbox changes) answers only a request for our
  // own address from our own pages.
  const fromOwnPage = (c: Context) => c.req.header('Host') === ownHost && c.req.header('Origin') === options.origin;
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
    const html = inboxPage({ ...options, host, sandbox: Boolean(options.sandboxOrigin) });
    app.get(path, (c) => c.html(html));
  }
  return (
    app
      .get('/inbox.js', (c) => c.body(inboxScript, 200, javascript))
      .get('/url-host.js', (c) => c.body(urlHostScript, 200, javascript))
      .get('/chatwoot-host.js', (c) => c.body(chatwootHostScript, 200, javascript))
      .get('/postmessage-host.js', (c) => c.body(postMessageHostScript, 200, javascript))
      .get('/inbox.css', (c) => c.body(inboxStyles, 200, { 'Content-Type': 'text/css; charset=utf-8' }))
      .post('/demo-token', async (c) => {
        if (!fromOwnPage(c)) return problemResponse(c, new AppError('FORBIDDEN', 'The demo inbox gives tokens to its own pages only.'));
        const role: Role = c.req.query('role') === 'admin' ? 'admin' : 'agent';
        // `expired=1` gives a token that expired an hour ago, to show how the card renews a session.
        const issuedAt = c.req.query('expired') === '1' ? Date.now() - 2 * 60 * 60_000 : Date.now();
        const token = await signToken(options.appSecret, { sub: role === 'admin' ? 'demo-admin' : 'demo-agent', role }, 60 * 60, issuedAt);
        c.header('Cache-Control', 'no-store');
        return c.json({ token });
      })
      // The inbox's server warms the cards of the conversations its agent is about to open.
      .post('/demo-prewarm', async (c) => {
        if (!fromOwnPage(c)) return problemResponse(c, new AppError('FORBIDDEN', 'The demo inbox warms cards for its own pages only.'));
        const asked = prewarmRequestSchema.safeParse(await c.req.json().catch(() => null));
        if (!asked.success) return problemResponse(c, new AppError('BAD_REQUEST', 'Send { conversationIds } (one to five).'));
        const conversations = asked.data.conversationIds.flatMap((id) => options.conversations.filter((candidate) => candidate.id === id));
        const token = await signToken(options.appSecret, { sub: 'demo-agent', role: 'agent' }, 5 * 60);
        const statuses = await prewarmCards(options.cardOrigin, token, conversations);
        return c.json({ warmed: statuses.filter((status) => status === 202).length }, 202);
      })
      .post('/sandbox-change', async (c) => {
        if (!fromOwnPage(c))
          return problemResponse(c, new AppError('FORBIDDEN', 'The demo inbox changes shoppers for its own pages only.'));
        const { sandboxOrigin } = options;
        const asked = sandboxChangeRequestSchema.safeParse(await c.req.json().catch(() => null));
        if (!asked.success) return c.json({ error: 'Send { conversationId }.' }, 400);
        const conversation = options.conversations.find((candidate) => candidate.id === asked.data.conversationId);
        if (!sandboxOrigin || !conversation?.shopifyCustomerId) return c.json({ error: 'This shopper is not in the sandbox store.' }, 404);
        try {
          return c.json(await changeSandboxCustomer(sandboxOrigin, conversation));
        } catch {
          return c.json({ error: 'The sandbox store could not change this shopper.' }, 502);
        }
      })
  );
}
