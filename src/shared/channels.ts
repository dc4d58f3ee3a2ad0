/** The conversation channels the card supports, and the names hosts use for them. */
export const channels = ['WHATSAPP', 'SMS', 'VOICE', 'VIBER', 'EMAIL', 'INSTAGRAM', 'MESSENGER'] as const;
export type Channel = (typeof channels)[number];

const aliases: Record<string, Channel> = {
  WHATSAPP: 'WHATSAPP',
  WHATSAPP_BM: 'WHATSAPP',
  WA: 'WHATSAPP',
  SMS: 'SMS',
  MMS: 'SMS',
  VOICE: 'VOICE',
  CALL: 'VOICE',
  PHONE: 'VOICE',
  VIBER: 'VIBER',
  VIBER_BM: 'VIBER',
  VIBER_BOT: 'VIBER',
  EMAIL: 'EMAIL',
  MAIL: 'EMAIL',
  E_MAIL: 'EMAIL',
  INSTAGRAM: 'INSTAGRAM',
  INSTAGRAM_DM: 'INSTAGRAM',
  INSTAGRAM_MESSAGING: 'INSTAGRAM',
  MESSENGER: 'MESSENGER',
  FACEBOOK_MESSENGER: 'MESSENGER',
  FACEBOOK: 'MESSENGER',
  FB_MESSENGER: 'MESSENGER',
};

/** Reads a host's channel name, case-insensitively and with the common aliases; null when unknown. */
export function parseChannel(value: string | null | undefined): Channel | null {
  if (!value) return null;
  const key = value
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, '_');
  return aliases[key] ?? null;
}

/** Channels whose conversation identifier is a phone number. */
export function matchesByPhone(channel: Channel): boolean {
  return channel === 'WHATSAPP' || channel === 'SMS' || channel === 'VOICE' || channel === 'VIBER';
}

export const channelLabels: Record<Channel, string> = {
  WHATSAPP: 'WhatsApp',
  SMS: 'SMS',
  VOICE: 'Voice',
  VIBER: 'Viber',
  EMAIL: 'Email',
  INSTAGRAM: 'Instagram',
  MESSENGER: 'Messenger',
};
