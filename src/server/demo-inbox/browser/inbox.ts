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

function open(conversation: DemoConversation): void {
  selected = conversation;
  document.querySelectorAll<HTMLElement>('.conversation').forEach((button) => {
    button.setAttribute('aria-pressed', String(button.dataset.id === conversation.id));
  });
  renderThread(conversation);
  sandbox?.show(conversation);
  reply.value = '';
  emit('inbox:open', conversation);
}

function applyWidth(): void {
  const frame = document.getElementById('card-frame');
  if (frame && width) frame.style.width = `${width.value}px`;
}

document.querySelectorAll<HTMLElement>('.conversation').forEach((button) => {
  button.addEventListener('click', () => {
    const conversation = data.conversations.find((c) => c.id === button.dataset.id);
    if (conversation) open(conversation);
  });
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
  appendToReply(text) {
    reply.value = reply.value ? `${reply.value.replace(/\s*$/, ' ')}${text}` : text;
    reply.focus();
  },
};
window.demoInbox = demoInbox;
