/** URL parameters, as an Infobip custom card does: the conversation in the query, the token in the fragment. */
import type { DemoConversation } from '../conversations';
import { byId, onInbox } from './demo-inbox';

const inbox = window.demoInbox;
const frame = byId<HTMLIFrameElement>('card-frame');

function cardUrl(conversation: DemoConversation, token: string): string {
  const params = new URLSearchParams({
    channel: conversation.channel,
    conversationId: conversation.id,
    agentId: 'demo-agent',
    host: 'demo',
    locale: navigator.language || 'en-GB',
    theme: inbox.theme(),
  });
  if (conversation.customer.phone) params.set('phone', conversation.customer.phone);
  if (conversation.customer.email) params.set('email', conversation.customer.email);
  params.set('name', conversation.customer.name);
  return `${inbox.data.cardOrigin}/card?${params.toString()}#token=${encodeURIComponent(token)}`;
}

async function load(conversation: DemoConversation): Promise<void> {
  const token = await inbox.tokenFor('agent');
  frame.hidden = false;
  frame.src = cardUrl(conversation, token);
}

onInbox('inbox:open', (event) => void load(event.detail));
// A URL-parameter card learns a new theme only by loading again.
onInbox('inbox:theme', () => {
  const selected = inbox.selected();
  if (selected) void load(selected);
});
// A URL-parameter card is loaded afresh for each conversation: the inbox's server warms the next ones.
onInbox('inbox:prewarm', (event) => inbox.prewarmOnServer(event.detail));
