import type { Channel } from '../../shared/channels';

/**
 * Small line icons for the channels, drawn for the demo (24×24, `currentColor`). They are decoration:
 * every icon sits beside the channel's name in text, so it is hidden from assistive technology.
 */
const paths: Record<Channel, string> = {
  // A speech bubble with a handset.
  WHATSAPP:
    '<path d="M4.5 19.5l1.2-3.6A8 8 0 1 1 8.3 18.6z"/><path d="M9.2 8.6c.3-.5.9-.5 1.1 0l.5 1.2c.1.3 0 .6-.2.8l-.4.4a5 5 0 0 0 2.8 2.8l.4-.4c.2-.2.5-.3.8-.2l1.2.5c.5.2.5.8 0 1.1-1.6 1.2-6.4-1.6-6.2-6.2z"/>',
  // A speech bubble with three dots.
  SMS: '<path d="M4 5h16v11H9l-4 3.5V16H4z"/><path d="M8.5 10.5h.01M12 10.5h.01M15.5 10.5h.01" stroke-width="2.4"/>',
  // A handset.
  VOICE:
    '<path d="M6.6 3.8l2.6-.6 1.6 4-1.9 1.3a10 10 0 0 0 6.6 6.6l1.3-1.9 4 1.6-.6 2.6a2 2 0 0 1-2 1.6A15.8 15.8 0 0 1 5 5.8a2 2 0 0 1 1.6-2z"/>',
  // A rounded bubble with a handset and waves.
  VIBER:
    '<path d="M12 3.5c4.6 0 7.5 1.9 7.5 7s-2.9 7-7.5 7l-3 2.5V17c-2.8-.8-4.5-2.9-4.5-6.5 0-5.1 2.9-7 7.5-7z"/><path d="M13.2 7.2a3.3 3.3 0 0 1 3 3M13 9.3a1.3 1.3 0 0 1 1.1 1.1"/>',
  // An envelope.
  EMAIL: '<rect x="3.5" y="5.5" width="17" height="13" rx="2"/><path d="M4 7l8 6 8-6"/>',
  // A rounded square camera.
  INSTAGRAM:
    '<rect x="4" y="4" width="16" height="16" rx="4.5"/><circle cx="12" cy="12" r="3.6"/><path d="M16.6 7.4h.01" stroke-width="2.4"/>',
  // A bubble with a zig-zag.
  MESSENGER:
    '<path d="M12 3.5c4.8 0 8.5 3.4 8.5 7.9s-3.7 7.9-8.5 7.9c-.9 0-1.7-.1-2.5-.3L6 20.5v-3.2a7.7 7.7 0 0 1-2.5-5.9c0-4.5 3.7-7.9 8.5-7.9z"/><path d="M7.8 13.3l2.8-3 2 1.7 3.6-2.3-2.8 3-2-1.7z"/>',
};

export function channelIcon(channel: Channel): string {
  return `<svg class="channel-icon" viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">${paths[channel]}</svg>`;
}
