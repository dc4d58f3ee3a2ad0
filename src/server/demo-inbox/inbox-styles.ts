export const inboxStyles = `
:root { color-scheme: light; --bg: #f4f5f7; --panel: #fff; --text: #1b1f24; --muted: #57606a; --line: #dde1e6; --accent: #0b5cad; --accent-soft: #e3eefb; --bubble: #fff; --bubble-agent: #dcebfb; }
:root[data-theme="dark"] { color-scheme: dark; --bg: #0f1216; --panel: #171b21; --text: #e8ebef; --muted: #a3adb8; --line: #2b323a; --accent: #6fb1ff; --accent-soft: #1c2c40; --bubble: #1f252c; --bubble-agent: #1d3350; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, sans-serif; background: var(--bg); color: var(--text); }
a { color: var(--accent); }
:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }

.topbar { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; padding: 8px 16px; border-bottom: 1px solid var(--line); background: var(--panel); }
.topbar h1 { font-size: 16px; margin: 0; }
.topbar label { display: inline-flex; gap: 6px; align-items: center; color: var(--muted); }
.topbar select { font: inherit; color: var(--text); background: var(--bg); border: 1px solid var(--line); border-radius: 6px; padding: 2px 6px; }
.hosts { display: flex; gap: 4px; margin-right: auto; }
.hosts a { padding: 4px 10px; border-radius: 999px; text-decoration: none; color: var(--muted); }
.hosts a[aria-current="page"] { background: var(--accent-soft); color: var(--accent); font-weight: 600; }

.layout { display: grid; grid-template-columns: 300px minmax(0, 1fr) auto; height: calc(100vh - 49px); }
.layout-chatwoot { grid-template-columns: 300px minmax(0, 1fr); }
nav[aria-label="Conversations"] { overflow-y: auto; border-right: 1px solid var(--line); background: var(--panel); }
.conversations { list-style: none; margin: 0; padding: 0; }
.conversation { display: grid; grid-template-columns: 36px minmax(0, 1fr); grid-template-areas: "avatar channel" "avatar name" "avatar preview"; column-gap: 10px; width: 100%; text-align: left; padding: 10px 14px; border: 0; border-bottom: 1px solid var(--line); background: none; color: inherit; font: inherit; cursor: pointer; }
.conversation:hover { background: color-mix(in srgb, var(--accent) 6%, transparent); }
.conversation[aria-pressed="true"] { background: var(--accent-soft); box-shadow: inset 3px 0 0 var(--accent); }
.conversation:focus-visible { outline-offset: -2px; }
.avatar { grid-area: avatar; align-self: center; display: grid; place-items: center; width: 36px; height: 36px; border-radius: 50%; background: var(--bg); border: 1px solid var(--line); font-size: 12px; font-weight: 600; color: var(--muted); }
.channel { grid-area: channel; display: inline-flex; gap: 4px; align-items: center; font-size: 11px; font-weight: 600; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
.channel-icon { flex: none; }
.channel-whatsapp .channel-icon { color: #1a9e55; }
.channel-sms .channel-icon { color: #6b5bd6; }
.channel-voice .channel-icon { color: #c2570c; }
.channel-viber .channel-icon { color: #7b519d; }
.channel-email .channel-icon { color: #0b6bcb; }
.channel-instagram .channel-icon { color: #c1357a; }
.channel-messenger .channel-icon { color: #0a7cff; }
.name { grid-area: name; font-weight: 600; }
.preview { grid-area: preview; color: var(--muted); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }

.thread { display: flex; flex-direction: column; padding: 16px; gap: 12px; min-width: 0; min-height: 0; }
.thread h2 { margin: 0; font-size: 18px; }
.tab-panel { display: flex; flex-direction: column; gap: 12px; flex: 1; min-height: 0; }
.tab-panel[hidden] { display: none; }
.messages { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 8px; flex: 1; overflow-y: auto; }
.message { max-width: 70%; padding: 8px 12px; border-radius: 12px; background: var(--bubble); border: 1px solid var(--line); }
.message-agent { align-self: flex-end; background: var(--bubble-agent); }
.composer { display: grid; gap: 4px; }
.composer textarea { width: 100%; font: inherit; padding: 8px; border: 1px solid var(--line); border-radius: 8px; background: var(--panel); color: inherit; }

.tabs { display: flex; gap: 4px; border-bottom: 1px solid var(--line); }
.tabs[hidden] { display: none; }
.tabs [role="tab"] { font: inherit; color: var(--muted); background: none; border: 0; border-bottom: 2px solid transparent; padding: 6px 12px; cursor: pointer; }
.tabs [role="tab"][aria-selected="true"] { color: var(--accent); border-bottom-color: var(--accent); font-weight: 600; }
.dashboard-app iframe { display: block; width: 100%; height: 100%; min-height: 480px; border: 0; }

.sidebar { border-left: 1px solid var(--line); background: var(--panel); overflow-y: auto; }
.sidebar iframe { display: block; height: 100%; border: 0; }
.layout-postmessage .sidebar iframe { height: 320px; }
.card-status { margin: 8px 12px; font-size: 12px; color: var(--muted); }
.sandbox-change { display: flex; flex-wrap: wrap; gap: 4px 12px; align-items: center; }
.sandbox-change[hidden] { display: none; }
.sandbox-change button { font: inherit; color: var(--accent); background: var(--panel); border: 1px solid var(--accent); border-radius: 6px; padding: 4px 10px; cursor: pointer; }
.sandbox-status { margin: 0; font-size: 12px; color: var(--muted); }
`;
