/**
 * The demo inbox's own behaviour, shared by its pages: the conversation list, the thread, the reply
 * box, theme and width. Each page's host script listens for `inbox:open` and `inbox:theme` on the
 * document and embeds the card its own way. Served as a static script (the pages allow no inline script).
 */
export const inboxScript = `'use strict';
(function () {
  var data = JSON.parse(document.getElementById('inbox-data').textContent);
  var theme = document.getElementById('theme');
  var width = document.getElementById('width');
  var reply = document.getElementById('reply');
  var selected = null;

  function tokenFor(role, expired) {
    var query = '?role=' + role + (expired ? '&expired=1' : '');
    return fetch('/demo-token' + query, { method: 'POST' }).then(function (r) { return r.json(); }).then(function (b) { return b.token; });
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

  function emit(name, detail) {
    document.dispatchEvent(new CustomEvent(name, { detail: detail }));
  }

  function open(conversation) {
    selected = conversation;
    document.querySelectorAll('.conversation').forEach(function (button) {
      button.setAttribute('aria-pressed', String(button.dataset.id === conversation.id));
    });
    renderThread(conversation);
    reply.value = '';
    emit('inbox:open', conversation);
  }

  function applyWidth() {
    var frame = document.getElementById('card-frame');
    if (frame && width) frame.style.width = width.value + 'px';
  }

  document.querySelectorAll('.conversation').forEach(function (button) {
    button.addEventListener('click', function () {
      var conversation = data.conversations.find(function (c) { return c.id === button.dataset.id; });
      if (conversation) open(conversation);
    });
  });
  theme.addEventListener('change', function () {
    document.documentElement.dataset.theme = theme.value;
    emit('inbox:theme', theme.value);
  });
  if (width) width.addEventListener('change', applyWidth);
  applyWidth();
  document.getElementById('config-link').addEventListener('click', function (event) {
    event.preventDefault();
    tokenFor('admin').then(function (token) { window.open(data.cardOrigin + '/config#token=' + encodeURIComponent(token), '_blank', 'noopener'); });
  });

  window.demoInbox = {
    data: data,
    tokenFor: tokenFor,
    selected: function () { return selected; },
    theme: function () { return theme.value; },
    /** What the card asked to insert goes into the reply box, after what the agent typed. */
    appendToReply: function (text) {
      reply.value = reply.value ? reply.value.replace(/\\s*$/, ' ') + text : text;
      reply.focus();
    },
  };
})();
`;
