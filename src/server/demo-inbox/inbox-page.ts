import { channelLabels } from '../../shared/channels';
import { channelIcon } from './channel-icons';
import { chatwootAgent, chatwootRecords } from './chatwoot-records';
import type { DemoConversation } from './conversations';
import type { InboxData } from './inbox-data';

/** How a page of the demo inbox embeds the card. */
export type DemoHost = 'url' | 'chatwoot' | 'postmessage';

export const demoHosts: { host: DemoHost; path: string; label: string }[] = [
  { host: 'url', path: '/', label: 'URL parameters' },
  { host: 'chatwoot', path: '/chatwoot', label: 'Chatwoot dashboard app' },
  { host: 'postmessage', path: '/postmessage', label: 'postMessage' },
];

const scripts: Record<DemoHost, string> = { url: '/url-host.js', chatwoot: '/chatwoot-host.js', postmessage: '/postmessage-host.js' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** JSON that is safe inside a <script type="application/json"> element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .slice(0, 2)
    .map((part) => part.charAt(0))
    .join('')
    .toUpperCase();
}

function conversationList(conversations: DemoConversation[]): string {
  return conversations
    .map(
      (conversation) => `<li>
        <button type="button" class="conversation" data-id="${conversation.id}" aria-pressed="false">
          <span class="avatar" aria-hidden="true">${escapeHtml(initials(conversation.customer.name))}</span>
          <span class="channel channel-${conversation.channel.toLowerCase()}">${channelIcon(conversation.channel)}<span class="channel-label">${channelLabels[conversation.channel]}</span></span>
          <span class="name">${escapeHtml(conversation.customer.name)}</span>
          <span class="preview">${escapeHtml(conversation.preview)}</span>
        </button>
      </li>`,
    )
    .join('\n');
}

const select = (id: string, label: string, options: [string, string][], selected?: string) =>
  `<label>${label}
      <select id="${id}">${options.map(([value, text]) => `<option value="${value}"${value === selected ? ' selected' : ''}>${text}</option>`).join('')}</select>
    </label>`;

/** Controls that only one way of embedding has. */
const hostControls: Record<DemoHost, string> = {
  url: '',
  chatwoot: select('chatwoot-build', 'Chatwoot build', [
    ['latest', 'Latest'],
    ['older', 'Older'],
  ]),
  postmessage: [
    select('locale', 'Locale', [
      ['en-GB', 'English (UK)'],
      ['en-US', 'English (US)'],
      ['fr-FR', 'Français'],
      ['de-DE', 'Deutsch'],
      ['ja-JP', '日本語'],
    ]),
    select('session', 'Session', [
      ['fresh', 'Fresh'],
      ['expired-renewed', 'Expired, renewed'],
      ['expired', 'Expired, not renewed'],
    ]),
  ].join('\n    '),
};

const widthControl = select(
  'width',
  'Card width',
  [
    ['280', '280'],
    ['360', '360'],
    ['420', '420'],
    ['1000', '1000 (a wide tab)'],
  ],
  '360',
);

/** Changes the conversation's shopper in the sandbox store, so that the next People run picks it up. */
const sandboxControl = `<div class="sandbox-change" id="sandbox-change" hidden>
        <button type="button" id="sandbox-change-button">Change this shopper in the sandbox store</button>
        <p id="sandbox-change-status" class="sandbox-status" role="status"></p>
      </div>`;

function thread(host: DemoHost, sandbox: boolean): string {
  const messages = `<ol id="messages" class="messages"></ol>
      <div class="composer">
        <label for="reply">Reply</label>
        <textarea id="reply" rows="3" placeholder="Type a reply…"></textarea>
      </div>`;
  if (host !== 'chatwoot') {
    return `<section class="thread" aria-labelledby="thread-title">
      <h2 id="thread-title">Pick a conversation</h2>
      ${sandbox ? sandboxControl : ''}
      ${messages}
    </section>`;
  }
  // Chatwoot shows each dashboard app as a tab of the conversation, beside its messages.
  return `<section class="thread" aria-labelledby="thread-title">
      <h2 id="thread-title">Pick a conversation</h2>
      ${sandbox ? sandboxControl : ''}
      <div class="tabs" role="tablist" aria-label="Conversation views">
        <button type="button" role="tab" id="tab-messages" aria-controls="panel-messages" aria-selected="true">Messages</button>
        <button type="button" role="tab" id="tab-app" aria-controls="panel-app" aria-selected="false" tabindex="-1">Shopify</button>
      </div>
      <div class="tab-panel" role="tabpanel" id="panel-messages" aria-labelledby="tab-messages">
      ${messages}
      </div>
      <div class="tab-panel dashboard-app" role="tabpanel" id="panel-app" aria-labelledby="tab-app" hidden></div>
    </section>`;
}

function sidebar(host: DemoHost): string {
  if (host === 'chatwoot') return '';
  const status = host === 'postmessage' ? '\n      <p id="card-height" class="card-status">Card height: not reported yet</p>' : '';
  return `<aside class="sidebar" aria-label="Shopify">
      <iframe id="card-frame" title="Shopify context card" hidden></iframe>${status}
    </aside>`;
}

export function inboxPage(options: { conversations: DemoConversation[]; cardOrigin: string; host?: DemoHost; sandbox?: boolean }): string {
  const host = options.host ?? 'url';
  const sandbox = options.sandbox ?? false;
  const data: InboxData = {
    conversations: options.conversations,
    cardOrigin: options.cardOrigin,
    sandbox,
    ...(host === 'chatwoot' ? { chatwoot: { agent: chatwootAgent, records: options.conversations.map(chatwootRecords) } } : {}),
  };
  const links = demoHosts
    .map(({ host: other, path, label }) => `<a href="${path}"${other === host ? ' aria-current="page"' : ''}>${label}</a>`)
    .join('\n      ');
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="referrer" content="strict-origin">
  <title>Demo inbox · Shopify Context Card</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="/inbox.css">
</head>
<body>
  <header class="topbar">
    <h1>Demo inbox</h1>
    <nav class="hosts" aria-label="Ways to embed the card">
      ${links}
    </nav>
    ${select('theme', 'Theme', [
      ['light', 'Light'],
      ['dark', 'Dark'],
    ])}
    ${host === 'chatwoot' ? '' : widthControl}
    ${hostControls[host]}
    <a id="config-link" href="${escapeHtml(options.cardOrigin)}/config" target="_blank" rel="noopener">Configure the card (admin)</a>
  </header>
  <main class="layout layout-${host}">
    <nav aria-label="Conversations"><ul class="conversations">${conversationList(options.conversations)}</ul></nav>
    ${thread(host, sandbox)}
    ${sidebar(host)}
  </main>
  <script type="application/json" id="inbox-data">${scriptJson(data)}</script>
  <script src="/inbox.js"></script>
  <script src="${scripts[host]}"></script>
</body>
</html>`;
}
