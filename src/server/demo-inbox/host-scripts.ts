/**
 * How each page of the demo inbox embeds the card. Each is a static script run after `inbox.js`.
 */

/** URL parameters, as an Infobip custom card does: the conversation in the query, the token in the fragment. */
export const urlHostScript = `'use strict';
(function () {
  var inbox = window.demoInbox;
  var frame = document.getElementById('card-frame');

  function cardUrl(conversation, token) {
    var params = new URLSearchParams({ channel: conversation.channel, conversationId: conversation.id, agentId: 'demo-agent', host: 'demo', locale: navigator.language || 'en-GB', theme: inbox.theme() });
    if (conversation.customer.phone) params.set('phone', conversation.customer.phone);
    if (conversation.customer.email) params.set('email', conversation.customer.email);
    params.set('name', conversation.customer.name);
    return inbox.data.cardOrigin + '/card?' + params.toString() + '#token=' + encodeURIComponent(token);
  }

  function load(conversation) {
    return inbox.tokenFor('agent').then(function (token) {
      frame.hidden = false;
      frame.src = cardUrl(conversation, token);
    });
  }

  document.addEventListener('inbox:open', function (event) { load(event.detail); });
  // A URL-parameter card learns a new theme only by loading again.
  document.addEventListener('inbox:theme', function () { if (inbox.selected()) load(inbox.selected()); });
})();
`;

/**
 * Chatwoot's dashboard apps, message for message: the app is a tab of the conversation, its frame is
 * made on first opening and kept; on the frame's load, and whenever the frame posts
 * 'chatwoot-dashboard-app:fetch-info', the inbox posts a JSON string
 * {"event":"appContext","data":{conversation, contact, currentAgent, theme}}. The latest builds answer
 * only the frame that asked and hold answers while the tab is hidden; older builds send only the
 * conversation and the contact. Chatwoot switches conversations without telling the app.
 */
export const chatwootHostScript = `'use strict';
(function () {
  var FETCH_INFO = 'chatwoot-dashboard-app:fetch-info';
  var inbox = window.demoInbox;
  var data = inbox.data;
  var build = document.getElementById('chatwoot-build');
  var tablist = document.querySelector('[role="tablist"]');
  var tabs = { messages: document.getElementById('tab-messages'), app: document.getElementById('tab-app') };
  var panels = { messages: document.getElementById('panel-messages'), app: document.getElementById('panel-app') };
  var frame = null;
  var appVisible = false;
  var pending = false;
  var current = null;

  tablist.hidden = true;

  function appContext() {
    var record = data.chatwoot.records[data.conversations.indexOf(current)];
    var payload = { conversation: record.conversation, contact: record.contact };
    if (build.value === 'latest') {
      payload.currentAgent = data.chatwoot.agent;
      payload.customAttributes = [];
      payload.theme = inbox.theme();
    }
    return JSON.stringify({ event: 'appContext', data: payload });
  }

  function sendAppContext() {
    if (!frame || !current) return;
    // Chatwoot itself posts to '*'; the demo names the card's origin (the card cannot tell the difference).
    frame.contentWindow.postMessage(appContext(), data.cardOrigin);
  }

  function createFrame() {
    frame = document.createElement('iframe');
    frame.id = 'dashboard-app--frame-1-0';
    frame.title = 'Shopify context card';
    inbox.tokenFor('agent').then(function (token) {
      frame.src = data.cardOrigin + '/card?host=chatwoot#token=' + encodeURIComponent(token);
      frame.addEventListener('load', sendAppContext);
      panels.app.appendChild(frame);
    });
  }

  function showTab(name) {
    Object.keys(tabs).forEach(function (key) {
      var on = key === name;
      tabs[key].setAttribute('aria-selected', String(on));
      tabs[key].tabIndex = on ? 0 : -1;
      panels[key].hidden = !on;
    });
    appVisible = name === 'app';
    if (!appVisible) return;
    if (!frame) createFrame();
    else if (pending) {
      pending = false;
      sendAppContext();
    }
  }

  window.addEventListener('message', function (event) {
    if (event.data !== FETCH_INFO || !frame || event.source !== frame.contentWindow) return;
    if (build.value === 'latest' && !appVisible) {
      pending = true;
      return;
    }
    sendAppContext();
  });

  tabs.messages.addEventListener('click', function () { showTab('messages'); });
  tabs.app.addEventListener('click', function () { showTab('app'); });
  tablist.addEventListener('keydown', function (event) {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    var next = tabs.messages.getAttribute('aria-selected') === 'true' ? 'app' : 'messages';
    showTab(next);
    tabs[next].focus();
  });
  document.addEventListener('inbox:open', function (event) {
    current = event.detail;
    tablist.hidden = false;
    showTab('messages');
  });
  document.addEventListener('inbox:theme', function () {
    if (build.value !== 'latest') return;
    if (appVisible) sendAppContext();
    else pending = true;
  });
})();
`;

/**
 * Our own protocol: the host waits for the card's 'ready', then sends the context, theme, locale and
 * a token; it puts text the card asks to insert into the reply box, sizes the frame to the card's
 * height, and answers 'request-token' with a fresh token. Every message is checked for its window,
 * origin and shape, and posted to the card's origin only.
 */
export const postMessageHostScript = `'use strict';
(function () {
  var NAMESPACE = 'shopify-context-card';
  var VERSION = 1;
  var inbox = window.demoInbox;
  var cardOrigin = inbox.data.cardOrigin;
  var frame = document.getElementById('card-frame');
  var locale = document.getElementById('locale');
  var session = document.getElementById('session');
  var heightStatus = document.getElementById('card-height');
  var ready = false;
  var current = null;

  function send(type, fields) {
    // Until the card says it is ready, nothing is sent; 'ready' sends it all.
    if (!ready) return;
    frame.contentWindow.postMessage(Object.assign({ namespace: NAMESPACE, version: VERSION, type: type }, fields), cardOrigin);
  }

  function context(conversation) {
    return { conversationId: conversation.id, channel: conversation.channel, customer: conversation.customer, agentId: 'demo-agent', locale: locale.value, theme: inbox.theme() };
  }

  function sendToken(fresh) {
    return inbox.tokenFor('agent', !fresh).then(function (token) { send('token', { token: token }); });
  }

  window.addEventListener('message', function (event) {
    if (event.source !== frame.contentWindow || event.origin !== cardOrigin) return;
    var message = event.data;
    if (!message || message.namespace !== NAMESPACE || message.version !== VERSION) return;
    switch (message.type) {
      case 'ready':
        ready = true;
        if (current) {
          send('context', { context: context(current) });
          sendToken(session.value === 'fresh');
        }
        break;
      case 'request-token':
        if (session.value !== 'expired') sendToken(true);
        break;
      case 'insert-text':
        if (typeof message.text === 'string') inbox.appendToReply(message.text);
        break;
      case 'resize':
        if (typeof message.height === 'number' && message.height > 0) {
          frame.style.height = Math.min(Math.max(Math.ceil(message.height), 160), 4000) + 'px';
          heightStatus.textContent = 'Card height: ' + Math.round(message.height) + ' px';
        }
        break;
    }
  });

  document.addEventListener('inbox:open', function (event) {
    current = event.detail;
    if (frame.hidden) {
      frame.hidden = false;
      frame.src = cardOrigin + '/card?host=postmessage';
      return;
    }
    send('context', { context: context(current) });
  });
  document.addEventListener('inbox:theme', function (event) { send('theme', { theme: event.detail }); });
  locale.addEventListener('change', function () { send('locale', { locale: locale.value }); });
})();
`;
