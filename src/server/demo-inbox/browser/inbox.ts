/**
 * The demo inbox's own behaviour, shared by its pages: the conversation list, the thread, the reply
 * box, theme and width. Each page's host script listens for `inbox:open` and `inbox:theme` on the
 * document and embeds the card its own way.
 */
import type { DemoConversation } from '../conversations';
import type { InboxData } from '../inbox-data';
import { byId, type DemoInbox } from './demo-inbox';
import { sandboxChange } from './sandbox-change';

const data = JSON.parse(byId('inbox-data').textContent ?? '{}') as InboxData;
const theme = byId<HTMLSelectElement>('theme');
const width = document.getElementById('width') as HTMLSelectElement | null;
const reply = byId<HTMLTextAreaElement>('reply');
let selected: DemoConversation | null = null;
const sandbox = data.sandbox ? sandboxChange(() => selected) : null;

async function tokenFor(role: 'agent' | 'admin', expired = false): Promise<string> {
  const response = await fetch(`/demo-token?role=${role}${expired ? '&expired=1' : ''}`, { method: 'POST' });
  const body = (await response.json()) as { token: string };
  return body.token;
}

function renderThread(conversation: DemoConversation): void {
  byId('thread-title').textContent = conversation.customer.name;
  const list = byId('messages');
  list.replaceChildren();
  for (const message of conversation.messages) {
    const item = document.createElement('li');
    item.className = `message message-${message.from}`;
    item.textContent = message.text;
    list.appendChild(item);
  }
}

function emit<T>(name: string, detail: T): void {
  document.dispatchEvent(new CustomEvent(name, { detail }));
}

/** How long a warmed card stays fresh at the BFF: no need to warm it again before. */
const WARM_FOR_MS = 25_000;
/** The conversations after the one pointed at that are warmed too: agents work down the list. */
const WARM_AHEAD = 2;
const warmedAt = new Map<string, number>();

/** Warms the cards of the conversation at `index` (when given) and the next ones, each once while it stays warm. */
function prewarmFrom(index: number, includeItself: boolean): void {
  const now = Date.now();
  const due = data.conversations
    .slice(includeItself ? index : index + 1, index + 1 + WARM_AHEAD)
    .filter((conversation) => conversation !== selected && now - (warmedAt.get(conversation.id) ?? -Infinity) > WARM_FOR_MS);
  if (due.length === 0) return;
  for (const conversation of due) warmedAt.set(conversation.id, now);
  emit('inbox:prewarm', due);
}

function prewarmOnServer(conversations: DemoConversation[]): void {
  void fetch('/demo-prewarm', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ conversationIds: conversations.map((conversation) => conversation.id) }),
  }).catch(() => undefined);
}

function open(conversation: DemoConversation): void {
  selected = conversation;
  document.querySelectorAll<HTMLElement>('.conversation').forEach((button) => {
    button.setAttribute('aria-pressed', String(button.dataset.id === conversation.id));
  });
  renderThread(conversation);
  sandbox?.show(conversation);
  reply.value = '';
  emit('inbox:open', conversation);
  prewarmFrom(data.conversations.indexOf(conversation), false);
}

function applyWidth(): void {
  const frame = document.getElementById('card-frame');
  if (frame && width) frame.style.width = `${width.value}px`;
}

document.querySelectorAll<HTMLElement>('.conversation').forEach((button) => {
  const index = data.conversations.findIndex((c) => c.id === button.dataset.id);
  button.addEventListener('click', () => {
    const conversation = data.conversations[index];
    if (conversation) open(conversation);
  });
  // The pointer on a conversation (or the keyboard's focus) says the agent may open it next.
  button.addEventListener('pointerenter', () => prewarmFrom(index, true));
  button.addEventListener('focus', () => prewarmFrom(index, true));
});
theme.addEventListener('change', () => {
  document.documentElement.dataset.theme = theme.value;
  emit('inbox:theme', theme.value);
});
width?.addEventListener('change', applyWidth);
applyWidth();
byId('config-link').addEventListener('click', (event) => {
  event.preventDefault();
  void tokenFor('admin').then((token) => {
    window.open(`${data.cardOrigin}/config#token=${encodeURIComponent(token)}`, '_blank', 'noopener');
  });
});

const demoInbox: DemoInbox = {
  data,
  tokenFor,
  selected: () => selected,
  theme: () => theme.value,
  prewarmOnServer,
  appendToReply(text) {
    reply.value = reply.value ? `${reply.value.replace(/\s*$/, ' ')}${text}` : text;
    reply.focus();
  },
};
window.demoInbox = demoInbox;
