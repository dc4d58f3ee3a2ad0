import type { Channel } from '../../shared/channels';

/** `id`: the shopper's customer GID in the sandbox store, when the demo runs on it. */
export type DemoPersona = { id?: string; displayName: string; email: string | null; phone: string | null };

export type DemoConversation = {
  id: string;
  channel: Channel;
  /** What the inbox knows of the shopper: a phone on phone channels, an email on Email. */
  customer: { name: string; phone?: string; email?: string };
  preview: string;
  messages: { from: 'customer' | 'agent'; text: string }[];
  /** The shopper in the sandbox store, which the demo inbox can change to show People picking it up. */
  shopifyCustomerId?: string;
};

type Script = {
  persona: string;
  channel: Channel;
  by: 'phone' | 'email';
  /** A number other than the persona's own, for a shopper who writes from another phone. */
  phone?: string;
  messages: DemoConversation['messages'];
};

/** One sample conversation per channel, each with a shopper from the sandbox store. */
const scripts: Script[] = [
  {
    persona: 'amelie',
    channel: 'WHATSAPP',
    by: 'phone',
    messages: [
      { from: 'customer', text: 'Bonjour! Where is my order? It was supposed to arrive yesterday.' },
      { from: 'agent', text: 'Hi Amélie, let me check that for you.' },
    ],
  },
  {
    persona: 'oliver',
    channel: 'SMS',
    by: 'phone',
    messages: [{ from: 'customer', text: 'Hi, I was charged twice for my last order, can you check?' }],
  },
  {
    persona: 'hiroshi',
    channel: 'VOICE',
    by: 'phone',
    messages: [{ from: 'customer', text: '[Call] The caller asks to change the delivery address of his latest order.' }],
  },
  {
    persona: 'lukasz',
    channel: 'VIBER',
    by: 'phone',
    messages: [{ from: 'customer', text: 'Dzień dobry, one item was missing from my parcel.' }],
  },
  {
    persona: 'sofia',
    channel: 'EMAIL',
    by: 'email',
    messages: [{ from: 'customer', text: 'Hola, I would like to return the sweater from my last order. How do I do that?' }],
  },
  {
    persona: 'chloe',
    channel: 'INSTAGRAM',
    by: 'email',
    messages: [{ from: 'customer', text: 'Love the new collection! Has my order shipped yet? 💛' }],
  },
  { persona: 'mateus', channel: 'MESSENGER', by: 'phone', messages: [{ from: 'customer', text: 'Olá, can I still cancel my order?' }] },
  {
    persona: 'margaret',
    channel: 'EMAIL',
    by: 'email',
    messages: [{ from: 'customer', text: 'Could you send me a list of everything I ordered last year? Thanks, Margaret' }],
  },
  {
    persona: 'noah',
    channel: 'WHATSAPP',
    by: 'phone',
    messages: [{ from: 'customer', text: 'Hey, tracking says delivered but nothing here.' }],
  },
  {
    persona: 'jack',
    channel: 'SMS',
    by: 'phone',
    // The Taylors' household phone, on both their addresses in the sandbox store: the agent picks who writes.
    phone: '+61491570156',
    messages: [{ from: 'customer', text: 'Hi it is the Taylors, we have a question about an order.' }],
  },
  { persona: 'priya', channel: 'WHATSAPP', by: 'phone', messages: [{ from: 'customer', text: 'Hello, do you ship to Bengaluru?' }] },
];

export function demoConversations(personas: Record<string, DemoPersona>): DemoConversation[] {
  return scripts.flatMap((script, index) => {
    const persona = personas[script.persona];
    if (!persona) return [];
    const identifier = script.by === 'email' ? persona.email : (script.phone ?? persona.phone);
    if (!identifier) return [];
    return [
      {
        id: `conv-${1000 + index}`,
        channel: script.channel,
        customer: { name: persona.displayName, ...(script.by === 'email' ? { email: identifier } : { phone: identifier }) },
        preview: script.messages[0]?.text ?? '',
        messages: script.messages,
        ...(persona.id ? { shopifyCustomerId: persona.id } : {}),
      },
    ];
  });
}
