/**
 * Our own protocol: the host waits for the card's 'ready', then sends the context, theme, locale and
 * a token; it puts text the card asks to insert into the reply box, sizes the frame to the card's
 * height, and answers 'request-token' with a fresh token. Every message is checked for its window,
 * origin and shape, and posted to the card's origin only.
 */
import type { DemoConversation } from '../conversations';
import { byId, onInbox } from './demo-inbox';

const NAMESPACE = 'shopify-context-card';
const VERSION = 1;
const inbox = window.demoInbox;
const cardOrigin = inbox.data.cardOrigin;
const frame = byId<HTMLIFrameElement>('card-frame');
const locale = byId<HTMLSelectElement>('locale');
const session = byId<HTMLSelectElement>('session');
const heightStatus = byId('card-height');
let ready = false;
let current: DemoConversation | null = null;

function send(type: string, fields: Record<string, unknown>): void {
  // Until the card says it is ready, nothing is sent; 'ready' sends it all.
  if (!ready) return;
  frame.contentWindow?.postMessage({ namespace: NAMESPACE, version: VERSION, type, ...fields }, cardOrigin);
}

function context(conversation: DemoConversation) {
  return {
    conversationId: conversation.id,
    channel: conversation.channel,
    customer: conversation.customer,
    agentId: 'demo-agent',
    locale: locale.value,
    theme: inbox.theme(),
  };
}

async function sendToken(fresh: boolean): Promise<void> {
  const token = await inbox.tokenFor('agent', !fresh);
  send('token', { token });
}

type CardMessage = { namespace?: unknown; version?: unknown; type?: unknown; text?: unknown; height?: unknown };

window.addEventListener('message', (event: MessageEvent<CardMessage | null>) => {
  if (event.source !== frame.contentWindow || event.origin !== cardOrigin) return;
  const message = event.data;
  if (!message || message.namespace !== NAMESPACE || message.version !== VERSION) return;
  switch (message.type) {
    case 'ready':
      ready = true;
      if (current) {
        send('context', { context: context(current) });
        void sendToken(session.value === 'fresh');
      }
      break;
    case 'request-token':
      if (session.value !== 'expired') void sendToken(true);
      break;
    case 'insert-text':
      if (typeof message.text === 'string') inbox.appendToReply(message.text);
      break;
    case 'resize':
      if (typeof message.height === 'number' && message.height > 0) {
        frame.style.height = `${Math.min(Math.max(Math.ceil(message.height), 160), 4000)}px`;
        heightStatus.textContent = `Card height: ${Math.round(message.height)} px`;
      }
      break;
  }
});

onInbox('inbox:open', (event) => {
  current = event.detail;
  if (frame.hidden) {
    frame.hidden = false;
    frame.src = `${cardOrigin}/card?host=postmessage`;
    return;
  }
  send('context', { context: context(current) });
});
onInbox('inbox:theme', (event) => send('theme', { theme: event.detail }));
// The card, once it listens, warms what the agent is about to open; before that, the inbox's server does.
onInbox('inbox:prewarm', (event) => {
  if (!ready) return inbox.prewarmOnServer(event.detail);
  for (const conversation of event.detail) send('prewarm', { context: context(conversation) });
});
locale.addEventListener('change', () => send('locale', { locale: locale.value }));
