/**
 * Every English string the agent reads on the card, in one place so another locale can follow.
 * Values that come with the string (names, numbers, identifiers) are arguments, already formatted.
 */
import { channelLabels, type Channel } from '../shared/channels';
import type { MatchedIdentifier, MissingSetup } from '../shared/wire';
import type { ExpectedIdentifier } from './context';

function identifierPhrase({ kind, value, display }: MatchedIdentifier): string {
  switch (kind) {
    case 'phone':
      return `the phone ${display ?? value}`;
    case 'orderNumber':
      return `the order number ${value}`;
    case 'email':
      return `the email ${value}`;
    case 'customerId':
      return `the customer ID ${value}`;
  }
}

function either(phrases: string[]): string {
  return phrases.length <= 1 ? (phrases[0] ?? '') : `${phrases.slice(0, -1).join(', ')} or ${phrases.at(-1)}`;
}

export const strings = {
  loadingOrders: 'Loading orders…',
  notSet: 'Not set',
  opensInNewTab: '(opens in a new tab)',
  retry: 'Retry',

  configurationPending: {
    title: 'Configuration Pending',
    intro: 'The Shopify card is not set up yet. Still missing:',
    missing: {
      credential: 'An active Shopify connection (credential)',
      mapping: 'A saved field mapping (which order and customer fields to show)',
    } satisfies Record<MissingSetup, string>,
    agentHelp: 'Ask an admin to finish setting up the Shopify card.',
    adminHelp: 'You can finish the setup on the configuration page.',
    adminLink: 'Open the card configuration',
  },

  notFound: {
    title: 'No customer found',
    detail: (tried: MatchedIdentifier[]) =>
      tried.length === 0
        ? 'No Shopify customer matches this conversation.'
        : `No Shopify customer has ${either(tried.map(identifierPhrase))}.`,
  },

  multiple: {
    title: 'Several customers match',
    intro: (tried: MatchedIdentifier[]) =>
      tried.length === 0
        ? 'More than one Shopify customer matches this conversation. Pick the one you are talking to.'
        : `More than one Shopify customer has ${either(tried.map(identifierPhrase))}. Pick the one you are talking to.`,
    listLabel: 'Matching customers',
    back: 'Back to the matching customers',
  },

  missingIdentifier: {
    title: (expected: ExpectedIdentifier) =>
      ({ phone: 'No phone number to look up', email: 'No email address to look up', any: 'Nothing to look up' })[expected],
    detail: (expected: ExpectedIdentifier, channel: Channel | undefined) => {
      const conversation = channel ? `This ${channelLabels[channel]} conversation` : 'This conversation';
      const lacking = { phone: 'a phone number', email: 'an email address', any: 'an email address or a phone number' }[expected];
      return `${conversation} did not come with ${lacking}, so the card cannot find the Shopify customer.`;
    },
  },

  errors: {
    throttled: {
      title: 'Shopify is busy',
      detail: 'Too many requests reached the shop at once. Wait a few seconds, then retry.',
    },
    unreachable: {
      title: 'Shopify could not be reached',
      detail: 'Shopify did not answer as expected. This is usually brief: retry in a moment.',
    },
    network: {
      title: 'The card is offline',
      detail: 'The card could not reach its server. Check your connection, then retry.',
    },
    credentials: {
      title: 'The Shopify connection needs attention',
      detail: 'Shopify refused the store credential. Ask an admin to check the Shopify connection.',
    },
    session: {
      title: 'Your session has expired',
      detail: 'Reopen the conversation to load the card again.',
    },
    forbidden: {
      title: 'You cannot see this card',
      detail: 'Your account is not allowed to read Shopify customers. Ask an admin for access.',
    },
    unexpected: {
      title: 'Something went wrong',
      detail: 'The card could not be loaded. Retry, and if it keeps failing, tell an admin.',
    },
  } satisfies Record<string, { title: string; detail: string }>,

  matched: {
    matchedBy: (identifier: MatchedIdentifier) =>
      identifier.kind === 'customerId' ? 'picked from several matching customers' : `matched by ${identifier.kind} ${identifier.value}`,
    ordersLabel: 'Orders',
    orderCount: (count: number, formatted: string) => `${formatted} ${count === 1 ? 'order' : 'orders'}`,
    showingRecent: (count: number, formatted: string) =>
      count === 1 ? 'Showing the most recent one.' : `Showing the ${formatted} most recent.`,
    noOrders: 'No orders yet.',
    /** What the live region says once the card has loaded, e.g. "Amélie Dubois, 12 orders". */
    summary: (name: string, orderCount: string) => `${name}, ${orderCount}`,
  },

  fields: {
    quantityTimesPrice: (quantity: string, price: string) => `${quantity} × ${price}`,
    moreItems: (count: number, formatted: string) => `and ${formatted} more ${count === 1 ? 'item' : 'items'}`,
    trackShipment: 'Track shipment',
  },
};

export type ErrorView = keyof typeof strings.errors;

/** Shopify's enum values as words: PARTIALLY_REFUNDED → "Partially refunded". */
export function statusLabel(value: string): string {
  const words = value.replace(/_/g, ' ').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
