/**
 * Chatwoot's dashboard apps, message for message: the app is a tab of the conversation, its frame is
 * made on first opening and kept; on the frame's load, and whenever the frame posts
 * 'chatwoot-dashboard-app:fetch-info', the inbox posts a JSON string
 * {"event":"appContext","data":{conversation, contact, currentAgent, theme}}. The latest builds answer
 * only the frame that asked and hold answers while the tab is hidden; older builds send only the
 * conversation and the contact. Chatwoot switches conversations without telling the app.
 */
import type { DemoConversation } from '../conversations';
import { byId, onInbox } from './demo-inbox';

type Tab = 'messages' | 'app';

const FETCH_INFO = 'chatwoot-dashboard-app:fetch-info';
const inbox = window.demoInbox;
const data = inbox.data;
const build = byId<HTMLSelectElement>('chatwoot-build');
const tablist = document.querySelector<HTMLElement>('[role="tablist"]');
const tabs: Record<Tab, HTMLElement> = { messages: byId('tab-messages'), app: byId('tab-app') };
const panels: Record<Tab, HTMLElement> = { messages: byId('panel-messages'), app: byId('panel-app') };
let frame: HTMLIFrameElement | null = null;
let appVisible = false;
let pending = false;
let current: DemoConversation | null = null;

if (tablist) tablist.hidden = true;

function appContext(): string {
  const record = current && data.chatwoot?.records[data.conversations.indexOf(current)];
  const payload: Record<string, unknown> = { conversation: record?.conversation, contact: record?.contact };
  if (build.value === 'latest') {
    payload.currentAgent = data.chatwoot?.agent;
    payload.customAttributes = [];
    payload.theme = inbox.theme();
  }
  return JSON.stringify({ event: 'appContext', data: payload });
}

function sendAppContext(): void {
  if (!frame?.contentWindow || !current) return;
  // Chatwoot itself posts to '*'; the demo names the card's origin (the card cannot tell the difference).
  frame.contentWindow.postMessage(appContext(), data.cardOrigin);
}

function createFrame(): HTMLIFrameElement {
  const created = document.createElement('iframe');
  created.id = 'dashboard-app--frame-1-0';
  created.title = 'Shopify context card';
  void inbox.tokenFor('agent').then((token) => {
    created.src = `${data.cardOrigin}/card?host=chatwoot#token=${encodeURIComponent(token)}`;
    created.addEventListener('load', sendAppContext);
    panels.app.appendChild(created);
  });
  return created;
}

function showTab(name: Tab): void {
  for (const key of ['messages', 'app'] as const) {
    const on = key === name;
    tabs[key].setAttribute('aria-selected', String(on));
    tabs[key].tabIndex = on ? 0 : -1;
    panels[key].hidden = !on;
  }
  appVisible = name === 'app';
  if (!appVisible) return;
  if (!frame) frame = createFrame();
  else if (pending) {
    pending = false;
    sendAppContext();
  }
}

window.addEventListener('message', (event) => {
  if (event.data !== FETCH_INFO || !frame || event.source !== frame.contentWindow) return;
  if (build.value === 'latest' && !appVisible) {
    pending = true;
    return;
  }
  sendAppContext();
});

tabs.messages.addEventListener('click', () => showTab('messages'));
tabs.app.addEventListener('click', () => showTab('app'));
tablist?.addEventListener('keydown', (event) => {
  if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
  const next: Tab = tabs.messages.getAttribute('aria-selected') === 'true' ? 'app' : 'messages';
  showTab(next);
  tabs[next].focus();
});
onInbox('inbox:open', (event) => {
  current = event.detail;
  if (tablist) tablist.hidden = false;
  showTab('messages');
});
onInbox('inbox:theme', () => {
  if (build.value !== 'latest') return;
  if (appVisible) sendAppContext();
  else pending = true;
});
// Chatwoot has no way to tell an app what comes next: the inbox's server warms the cards.
onInbox('inbox:prewarm', (event) => inbox.prewarmOnServer(event.detail));
