import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { signToken } from '../src/server/auth/tokens';

/**
 * Host pages for the embedding tests, started by Playwright as a web server:
 * - a custom inbox on an origin the BFF allows (CUSTOM_HOST_PORT), which frames the card with tokens
 *   it signs itself (`/frame`) or drives our postMessage protocol as a test tells it to (`/inbox`);
 * - pages on an origin the BFF has never heard of (UNLISTED_HOST_PORT).
 */
const cardOrigin = required('CARD_ORIGIN');
const secret = required('APP_SECRET');
const customPort = Number(required('CUSTOM_HOST_PORT'));
const unlistedPort = Number(required('UNLISTED_HOST_PORT'));
const unlistedOrigin = `http://127.0.0.1:${unlistedPort}`;

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

/** A token that expired an hour ago, or a fresh one. */
function agentToken(expired: boolean): Promise<string> {
  return signToken(secret, { sub: 'custom-inbox-agent', role: 'agent' }, 15 * 60, expired ? Date.now() - 2 * 60 * 60_000 : Date.now());
}

function html(response: ServerResponse, body: string): void {
  response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(`<!doctype html><meta charset="utf-8">${body}`);
}

const script = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

async function custom(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', `http://127.0.0.1:${customPort}`);
  switch (url.pathname) {
    case '/health':
      response.end('ok');
      return;
    case '/token':
      response.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      response.end(JSON.stringify({ token: await agentToken(url.searchParams.get('expired') === '1') }));
      return;
    case '/frame': {
      // The card's path and query as a URL-parameter host fills them, and its token in the fragment.
      const card = url.searchParams.get('card') ?? '/card';
      if (!card.startsWith('/card')) break;
      const token = await agentToken(url.searchParams.get('expired') === '1');
      const src = `${cardOrigin}${card}#token=${token}`;
      html(
        response,
        `<title>Custom inbox</title><iframe title="Shopify context card" src="${src.replace(/"/g, '&quot;')}" style="width:360px;height:640px;border:0"></iframe>`,
      );
      return;
    }
    case '/inbox':
      html(
        response,
        `<title>Custom inbox</title>
<iframe id="card" title="Shopify context card" src="${cardOrigin}/card?host=postmessage" style="width:360px;height:640px;border:0"></iframe>
<iframe name="other-app" title="Another app" src="${unlistedOrigin}/other-app"></iframe>
<iframe name="sibling" title="Sibling"></iframe>
<script>
  const cardOrigin = ${script(cardOrigin)};
  const card = document.getElementById('card');
  window.fromCard = [];
  window.addEventListener('message', (event) => {
    if (event.source === card.contentWindow && event.origin === cardOrigin) window.fromCard.push(event.data);
  });
  window.toCard = (message) => card.contentWindow.postMessage(message, cardOrigin);
  window.agentToken = () => fetch('/token', { method: 'POST' }).then((r) => r.json()).then((b) => b.token);
</script>`,
      );
      return;
  }
  response.writeHead(404).end();
}

function unlisted(request: IncomingMessage, response: ServerResponse): void {
  if (request.url === '/frame-card') {
    html(
      response,
      `<title>Unlisted</title>
<iframe title="Shopify context card" src="${cardOrigin}/card?channel=WHATSAPP&amp;phone=%2B33612345678" onload="document.title = 'loaded'" style="width:360px;height:640px"></iframe>`,
    );
    return;
  }
  if (request.url === '/other-app') {
    html(response, '<title>Another app</title><p>Another app in the inbox</p>');
    return;
  }
  response.writeHead(404).end();
}

createServer((request, response) => void custom(request, response)).listen(customPort, '127.0.0.1');
createServer(unlisted).listen(unlistedPort, '127.0.0.1');
