import { channelLabels } from '../../shared/channels';
import type { DemoConversation } from './conversations';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** JSON that is safe inside a <script type="application/json"> element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

export function inboxPage(options: { conversations: DemoConversation[]; cardOrigin: string }): string {
  const items = options.conversations
    .map(
      (conversation) => `<li>
        <button type="button" class="conversation" data-id="${conversation.id}" aria-pressed="false">
          <span class="channel channel-${conversation.channel.toLowerCase()}">${channelLabels[conversation.channel]}</span>
          <span class="name">${escapeHtml(conversation.customer.name)}</span>
          <span class="preview">${escapeHtml(conversation.preview)}</span>
        </button>
      </li>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Demo inbox · Shopify Context Card</title>
  <link rel="stylesheet" href="/inbox.css">
</head>
<body>
  <header class="topbar">
    <h1>Demo inbox</h1>
    <label>Theme
      <select id="theme"><option value="light">Light</option><option value="dark">Dark</option></select>
    </label>
    <label>Card width
      <select id="width"><option>280</option><option selected>360</option><option>420</option></select>
    </label>
    <a id="config-link" href="${escapeHtml(options.cardOrigin)}/config" target="_blank" rel="noopener">Configure the card (admin)</a>
  </header>
  <main class="layout">
    <nav aria-label="Conversations"><ul class="conversations">${items}</ul></nav>
    <section class="thread" aria-label="Conversation">
      <h2 id="thread-title">Pick a conversation</h2>
      <ol id="messages" class="messages"></ol>
      <div class="composer">
        <label for="reply">Reply</label>
        <textarea id="reply" rows="3" placeholder="Type a reply…"></textarea>
      </div>
    </section>
    <aside class="sidebar" aria-label="Shopify">
      <iframe id="card-frame" title="Shopify context card" hidden></iframe>
    </aside>
  </main>
  <script type="application/json" id="inbox-data">${scriptJson({ conversations: options.conversations, cardOrigin: options.cardOrigin })}</script>
  <script src="/inbox.js"></script>
</body>
</html>`;
}

export const inboxScript = `'use strict';
(function () {
  var data = JSON.parse(document.getElementById('inbox-data').textContent);
  var frame = document.getElementById('card-frame');
  var theme = document.getElementById('theme');
  var width = document.getElementById('width');
  var selected = null;

  function tokenFor(role) {
    return fetch('/demo-token?role=' + role, { method: 'POST' }).then(function (r) { return r.json(); }).then(function (b) { return b.token; });
  }

  function cardUrl(conversation, token) {
    var params = new URLSearchParams({ channel: conversation.channel, conversationId: conversation.id, agentId: 'demo-agent', host: 'demo', locale: navigator.language || 'en-GB', theme: theme.value });
    if (conversation.customer.phone) params.set('phone', conversation.customer.phone);
    if (conversation.customer.email) params.set('email', conversation.customer.email);
    params.set('name', conversation.customer.name);
    return data.cardOrigin + '/card?' + params.toString() + '#token=' + encodeURIComponent(token);
  }

  function renderThread(conversation) {
    document.getElementById('thread-title').textContent = conversation.customer.name;
    var list = document.getElementById('messages');
    list.replaceChildren();
    conversation.messages.forEach(function (message) {
      var item = document.createElement('li');
      item.className = 'message message-' + message.from;
      item.textContent = message.text;
      list.appendChild(item);
    });
  }

  function open(conversation) {
    selected = conversation;
    document.querySelectorAll('.conversation').forEach(function (button) {
      button.setAttribute('aria-pressed', String(button.dataset.id === conversation.id));
    });
    renderThread(conversation);
    return tokenFor('agent').then(function (token) {
      frame.hidden = false;
      frame.src = cardUrl(conversation, token);
    });
  }

  document.querySelectorAll('.conversation').forEach(function (button) {
    button.addEventListener('click', function () {
      var conversation = data.conversations.find(function (c) { return c.id === button.dataset.id; });
      if (conversation) open(conversation);
    });
  });
  theme.addEventListener('change', function () {
    document.documentElement.dataset.theme = theme.value;
    if (selected) open(selected);
  });
  width.addEventListener('change', function () { frame.style.width = width.value + 'px'; });
  frame.style.width = width.value + 'px';
  document.getElementById('config-link').addEventListener('click', function (event) {
    event.preventDefault();
    tokenFor('admin').then(function (token) { window.open(data.cardOrigin + '/config#token=' + encodeURIComponent(token), '_blank', 'noopener'); });
  });
})();
`;

export const inboxStyles = `
:root { color-scheme: light; --bg: #f6f7f9; --panel: #fff; --text: #1b1f24; --muted: #5b6570; --line: #dde1e6; --accent: #0b5cad; }
:root[data-theme="dark"] { color-scheme: dark; --bg: #111418; --panel: #1a1f25; --text: #e8ebef; --muted: #a3adb8; --line: #2d343c; --accent: #6fb1ff; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, sans-serif; background: var(--bg); color: var(--text); }
.topbar { display: flex; gap: 16px; align-items: center; padding: 8px 16px; border-bottom: 1px solid var(--line); background: var(--panel); }
.topbar h1 { font-size: 16px; margin: 0 auto 0 0; }
.topbar a { color: var(--accent); }
.layout { display: grid; grid-template-columns: 280px 1fr auto; height: calc(100vh - 49px); }
nav { overflow-y: auto; border-right: 1px solid var(--line); background: var(--panel); }
.conversations { list-style: none; margin: 0; padding: 0; }
.conversation { display: grid; gap: 2px; width: 100%; text-align: left; padding: 10px 14px; border: 0; border-bottom: 1px solid var(--line); background: none; color: inherit; font: inherit; cursor: pointer; }
.conversation[aria-pressed="true"] { background: color-mix(in srgb, var(--accent) 14%, transparent); }
.conversation:focus-visible { outline: 2px solid var(--accent); outline-offset: -2px; }
.channel { font-size: 11px; font-weight: 600; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
.name { font-weight: 600; }
.preview { color: var(--muted); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.thread { display: flex; flex-direction: column; padding: 16px; gap: 12px; min-width: 0; }
.thread h2 { margin: 0; font-size: 18px; }
.messages { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 8px; flex: 1; overflow-y: auto; }
.message { max-width: 70%; padding: 8px 12px; border-radius: 12px; background: var(--panel); border: 1px solid var(--line); }
.message-agent { align-self: flex-end; background: color-mix(in srgb, var(--accent) 18%, var(--panel)); }
.composer { display: grid; gap: 4px; }
.composer textarea { width: 100%; font: inherit; padding: 8px; border: 1px solid var(--line); border-radius: 8px; background: var(--panel); color: inherit; }
.sidebar { border-left: 1px solid var(--line); background: var(--panel); }
.sidebar iframe { display: block; height: 100%; border: 0; }
`;
