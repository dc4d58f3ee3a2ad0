/**
 * Every English string the agent reads on the card, in one place so another locale can follow.
 * Values that come with the string (names, numbers, identifiers) are arguments, already formatted.
 */
import { channelLabels, type Channel } from '../shared/channels';
import type { MatchedIdentifier, MissingSetup, OrderFlag } from '../shared/wire';
import type { ExpectedIdentifier } from './context';

/** The language of these strings: relative times ("3 days ago") are phrased in it, whatever the locale. */
export const uiLanguage = 'en';

function identifierPhrase({ kind, value, display }: MatchedIdentifier): string {
  switch (kind) {
    case 'phone':
      return `the phone ${display ?? value}`;
    case 'orderNumber':
      return `the order number ${value}`;
    case 'email':
      return `the email ${value}`;
    case 'name':
      return `the name ${value}`;
    case 'customerId':
      return `the customer ID ${value}`;
  }
}

function either(phrases: string[]): string {
  return phrases.length <= 1 ? (phrases[0] ?? '') : `${phrases.slice(0, -1).join(', ')} or ${phrases.at(-1)}`;
}

const plural = (count: number, one: string, many: string) => (count === 1 ? one : many);

export type SearchKind = 'orderNumber' | 'email' | 'phone' | 'name';

export const strings = {
  loadingOrders: 'Loading orders…',
  notSet: 'Not set',
  opensInNewTab: '(opens in a new tab)',
  retry: 'Retry',
  refresh: 'Refresh',
  refreshing: 'Refreshing…',

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
    searchHint: 'Try the order number, email, phone or name the shopper gives you.',
  },

  multiple: {
    title: 'Several customers match',
    intro: (tried: MatchedIdentifier[]) =>
      tried.length === 0
        ? 'More than one Shopify customer matches this conversation. Pick the one you are talking to.'
        : `More than one Shopify customer has ${either(tried.map(identifierPhrase))}. Pick the one you are talking to.`,
    listLabel: 'Matching customers',
    more: 'More customers match than are listed here: search with more of the name, or by email or phone.',
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

  /** What went wrong and what to do next; each code picks one of these in `error-state.tsx`. */
  errors: {
    throttled: {
      title: 'Shopify is busy',
      detail: 'Too many requests reached the shop at once. Wait a few seconds, then retry.',
    },
    unreachable: {
      title: 'Shopify is not answering',
      detail: 'Shopify did not answer in time. This is usually brief: retry in a moment.',
    },
    shopifyError: {
      title: 'Shopify answered with an error',
      detail: 'This is usually brief: retry in a moment. If it keeps happening, tell an admin.',
    },
    network: {
      title: 'The card is offline',
      detail: 'The card could not reach its server. Check your connection, then retry.',
    },
    credentials: {
      title: 'The Shopify connection needs attention',
      detail: 'Shopify refused the store credential. Ask an admin to check the Shopify connection.',
    },
    credentialUnreadable: {
      title: 'The Shopify connection needs attention',
      detail:
        'The card cannot read its stored Shopify credential since the server’s secret key changed. Ask an admin to enter the credential’s secret again.',
    },
    shopNotFound: {
      title: 'Shopify does not know this shop',
      detail: 'The shop name in the card’s set-up is wrong, or the shop was closed. Ask an admin to check the Shopify connection.',
    },
    shopNotPermitted: {
      title: 'The card may not read this shop',
      detail:
        'The Shopify app behind the card is not installed on this shop, or was removed. Ask an admin to check the Shopify connection.',
    },
    paymentRequired: {
      title: 'The Shopify store is frozen',
      detail: 'Shopify froze the store, usually over an unpaid bill. The store owner must settle it with Shopify; tell an admin.',
    },
    scopeMissing: {
      title: 'The card lacks a Shopify permission',
      detail: 'The Shopify app is missing an access scope it needs, such as read_orders or read_customers. Ask an admin to grant it.',
    },
    locked: {
      title: 'The Shopify store is locked',
      detail: 'Shopify locked the store. The store owner must contact Shopify support; tell an admin.',
    },
    session: {
      title: 'Your session has expired',
      detail: 'Reopen the conversation to load the card again.',
    },
    forbidden: {
      title: 'You cannot see this card',
      detail: 'Your account is not allowed to read Shopify customers. Ask an admin for access.',
    },
    orderNotFound: {
      title: 'This order could not be found',
      detail: 'Shopify no longer has it, or it is older than the card may see. Go back to the orders and pick another.',
    },
    unexpected: {
      title: 'Something went wrong',
      detail: 'The card could not be loaded. Retry, and if it keeps failing, tell an admin.',
    },
  } satisfies Record<string, { title: string; detail: string }>,

  stale: {
    /**
     * `age` is a relative time, e.g. "5 minutes ago"; `reason` is the BFF's: `SHOPIFY_SLOW` while
     * Shopify is late and the fresh data is still coming, else the code of Shopify's failure.
     */
    notice: (age: string, reason?: string) =>
      reason === 'SHOPIFY_SLOW'
        ? `Shopify is slow to answer; showing data from ${age} until the fresh data comes.`
        : `Shopify is not answering; showing data from ${age}.`,
  },

  recentOrdersOnly: 'Only orders from the last 60 days are visible. An admin can allow access to older orders.',

  matched: {
    matchedBy: ({ kind, value, display, via }: MatchedIdentifier) => {
      const where = via === 'address' ? ' on an address' : via === 'people' ? ' in the People directory' : '';
      switch (kind) {
        case 'customerId':
          return 'picked from several matching customers';
        case 'orderNumber':
          return `matched by order number ${value}`;
        default:
          return `matched by ${kind} ${display ?? value}${where}`;
      }
    },
    customerDetails: 'Customer details',
    ordersLabel: 'Orders',
    orderCount: (count: number, formatted: string) => `${formatted} ${plural(count, 'order', 'orders')}`,
    /** Under the order count: how much of the history is on screen. */
    showing: (shown: string, total: string) => `Showing ${shown} of ${total}, newest first.`,
    allShown: (count: number, formatted: string) => (count === 1 ? 'The only order is shown.' : `All ${formatted} orders are shown.`),
    /** Shopify's count is higher than what it lets the card page through (older orders hidden). */
    moreThanVisible: (shown: string) => `${shown} of them can be shown.`,
    noOrders: 'No orders yet.',
    loadMore: 'Load more orders',
    loadingMore: 'Loading more orders…',
    loadedMore: (added: number, addedText: string, shown: string, total: string) =>
      `${addedText} more ${plural(added, 'order', 'orders')} loaded; ${shown} of ${total} shown.`,
    loadMoreFailed: (problem: string) => `${problem} Retry with “Load more orders”.`,
    /** What the live region says once the card has loaded, e.g. "Amélie Dubois, 12 orders". */
    summary: (name: string, orderCount: string) => `${name}, ${orderCount}`,
  },

  orderCard: {
    /** Said before the order number on the button that opens an order. */
    open: 'Show details of order',
    needsAttention: 'Needs attention:',
    /** The group of problem orders pinned at the top of the list. */
    needsAttentionGroup: 'Needs attention',
    otherOrdersGroup: 'Other orders',
    placed: 'Placed',
  },

  abandonedCheckout: {
    title: 'Abandoned checkout',
    /** "Left 2 days ago: €89.90". */
    left: (when: string, total: string | null) => (total ? `Left ${when}: ${total}` : `Left ${when}`),
    copyLink: 'Copy recovery link',
    what: 'the recovery link',
  },

  customerSummary: {
    /** "12 orders · €1,234.50 spent". */
    spent: (amount: string) => `${amount} spent`,
    showDetails: 'Customer details',
  },

  /** Why an order needs attention, each said once: it takes the place of the status it explains. */
  flags: {
    cancelled: 'Cancelled',
    onHold: 'On hold',
    partiallyRefunded: 'Partially refunded',
    unfulfilledLong: 'Unfulfilled for over a week',
    fulfillmentDeclined: 'Fulfillment declined',
    paymentPending: 'Payment pending',
    authorizedNotCaptured: 'Authorized, not captured',
    partiallyPaid: 'Partially paid',
    paymentVoided: 'Payment voided',
    paymentFailed: 'A payment failed',
    chargedMoreThanOnce: 'Charged more than once',
    disputed: 'Payment disputed',
  } satisfies Record<OrderFlag, string>,

  details: {
    back: 'Back to orders',
    /** Beside the list, in a wide card. */
    close: 'Close order',
    /** Opened straight from an order-number search: whose order it is, before anything else. */
    customer: (name: string) => `${name}'s order`,
    backHint: 'or press Escape',
    title: (name: string) => `Order ${name}`,
    loading: (name: string) => `Loading order ${name}…`,
    loaded: (name: string) => `Order ${name}`,
    actions: 'Order actions',
    openInAdmin: 'Open in Shopify admin',
    copyNumber: 'Copy order number',
    copyTrackingLink: 'Copy tracking link',
    copyTrackingNumber: 'Copy tracking number',
    insert: 'Insert into reply',
    copySummary: 'Copy summary',
    copied: (what: string) => `Copied ${what}`,
    copyFailed: (what: string) => `Could not copy. Select ${what} and copy it by hand.`,
    inserted: (name: string) => `Summary of order ${name} inserted into the reply`,
    what: {
      orderNumber: 'the order number',
      trackingLink: 'the tracking link',
      trackingNumber: 'the tracking number',
      summary: 'the order summary',
    },
  },

  search: {
    open: 'Search',
    close: 'Close search',
    label: 'Search Shopify',
    by: 'Search by',
    kinds: { orderNumber: 'Order number', email: 'Email', phone: 'Phone', name: 'Name' } satisfies Record<SearchKind, string>,
    inputLabel: {
      orderNumber: 'Order number',
      email: 'Email address',
      phone: 'Phone number',
      name: 'Customer name',
    } satisfies Record<SearchKind, string>,
    placeholder: {
      orderNumber: '#1042',
      email: 'name@example.com',
      phone: '+44 7700 900123',
      name: "Margaret O'Brien",
    } satisfies Record<SearchKind, string>,
    submit: 'Search',
    invalid: {
      orderNumber: 'Type an order number, such as #1042 or 1042.',
      email: 'Type an email address, such as name@example.com.',
      phone: 'Type a phone number with its country code, such as +44 7700 900123.',
      name: "Type a name in letters, such as Margaret O'Brien.",
    } satisfies Record<SearchKind, string>,
    clear: 'Clear the search',
  },

  fields: {
    /** Of a shipment. */
    expected: (date: string) => `expected ${date}`,
    delivered: (date: string) => `delivered ${date}`,
    noStatus: 'Shipped',
    /** Of a payment: "Sale · Shopify Payments". */
    gateways: {
      shopify_payments: 'Shopify Payments',
      bank_deposit: 'Bank deposit',
      manual: 'Manual',
      paypal: 'PayPal',
      gift_card: 'Gift card',
    } as Record<string, string>,
    chargedTimes: (times: number) => `Charged ${times} times`,
    refundNote: (note: string) => `“${note}”`,
    /** Shopify's cancel reasons in words. */
    cancelReasons: {
      CUSTOMER: 'the customer changed or cancelled the order',
      DECLINED: 'the payment was declined',
      FRAUD: 'fraud',
      INVENTORY: 'items unavailable',
      STAFF: 'a staff error',
      OTHER: 'another reason',
    } as Record<string, string>,
    cancelled: (date: string, reason: string | null) => (reason ? `Cancelled ${date}: ${reason}` : `Cancelled ${date}`),
    quantityTimesPrice: (quantity: string, price: string) => `${quantity} × ${price}`,
    moreItems: (count: number, formatted: string) => `and ${formatted} more ${plural(count, 'item', 'items')}`,
    trackShipment: 'Track shipment',
    sku: (sku: string) => `SKU ${sku}`,
  },

  /** The order summary an agent inserts into a reply: plain text, short. */
  replySummary: {
    order: (name: string) => `Order ${name}`,
    placed: (date: string) => `placed ${date}`,
    total: (amount: string) => `Total: ${amount}`,
    shipment: 'Shipment',
    tracking: 'Tracking',
  },
};

export type ErrorView = keyof typeof strings.errors;

/** Shopify's enum values as words: PARTIALLY_REFUNDED → "Partially refunded". */
export function statusLabel(value: string): string {
  const words = value.replace(/_/g, ' ').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
