import { shopDomainHelp } from '../shared/shop-domain';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
/** A stored timestamp in the admin's locale; the raw text when it is not a date. */
export function when(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
}

const list = (items: readonly string[]) => items.join(', ');
const fields = (n: number) => `${n} field${n === 1 ? '' : 's'}`;

/** Every English string of the configuration page, in one place. */
export const strings = {
  title: 'Shopify Context Card',
  intro: 'Connect your Shopify store, activate the card, and choose what agents see beside each conversation.',
  loading: 'Loading the configuration…',
  noSession:
    'Your session is missing or has expired. To get back, open the configuration again from your inbox: its admin link, or Open the card configuration on the card while it shows Configuration Pending. Either gives this page a new session.',
  notKeptOnReload:
    'This browser does not let the page keep your session here (its storage is blocked for embedded pages): after a reload, open the configuration again from your inbox.',
  adminsOnlyTitle: 'Admins only',
  adminsOnly: 'Admins only: ask an admin of your team to configure the Shopify card.',
  failed: 'The configuration could not be loaded. Reload the page to try again.',
  networkError: 'The server could not be reached. Check your connection and try again.',
  working: 'Working…',

  tabs: { credentials: 'Credentials', integrations: 'Integrations', people: 'People', actions: 'Actions', audit: 'Audit' },

  credentials: {
    heading: 'Credentials',
    intro: 'The Shopify credentials the card may use. Secrets are stored encrypted and never shown again.',
    none: 'No Shopify credentials yet. Select Add Credentials to connect your store.',
    columns: ['Name', 'Kind', 'Shop', 'Secret', 'Status', 'Card', 'Actions'],
    tableCaption: 'Shopify credentials',
    kind: { client_credentials: 'OAuth (client credentials grant)', access_token: 'Admin API Access Token' },
    deprecated: 'Deprecated',
    status: {
      verified: (at: string | null) => (at ? `Verified ${when(at)}` : 'Verified'),
      missingScopes: (scopes: readonly string[]) => `Missing scopes: ${list(scopes)}`,
      unverified: 'Not verified',
      invalid: 'Refused by Shopify',
    },
    source: { env: 'From the environment', sandbox: 'Sandbox store', ui: null },
    active: 'Active',
    inactive: 'Not active',
    verify: 'Verify',
    edit: 'Edit',
    remove: 'Remove',
    actionLabel: (action: string, name: string) => `${action} ${name}`,
    add: 'Add Credentials',
    added: (name: string) => `Credential "${name}" added.`,
    addedRefused: (name: string) => `Credential "${name}" added, but Shopify refused it: select Edit to correct its secret, or Remove it.`,
    next: 'Next: activate the card with it in the Integrations tab.',
    goToIntegrations: 'Go to Integrations',
    verifiedStored: (name: string, shopName: string) => `"${name}" works: connected to ${shopName}.`,
    refusedStored: (name: string) => `Shopify refused "${name}".`,
    removed: (name: string) => `Credential "${name}" removed.`,
    updated: (name: string) => `Credential "${name}" updated.`,
    secretReplaced: 'Select Verify to check the new secret with Shopify.',
  },

  form: {
    heading: 'Add Credentials',
    kindLegend: 'Credential type',
    kindHelp: {
      client_credentials:
        'For an app created in the Shopify Dev Dashboard: its Client ID and Client Secret are under Settings > Credentials.',
      access_token: 'Only for a custom app created in the Shopify admin before 1 January 2026. New apps use OAuth.',
    },
    name: 'Name (optional)',
    nameHelp: 'How this credential is listed. Leave empty to use the shop name.',
    shop: { client_credentials: 'Shop domain', access_token: 'Shop name' },
    shopHelp: shopDomainHelp,
    clientId: 'Client ID',
    clientSecret: 'Client Secret',
    apiKey: 'API Key',
    accessToken: 'Password',
    accessTokenHelp: 'The Admin API access token (Shopify calls it the password).',
    required: 'Required',
    verify: 'Verify Credentials',
    verifying: 'Checking with Shopify…',
    submit: 'Submit',
    submitting: 'Adding the credential…',
    cancel: 'Cancel',
    verifyFailed: 'Verification failed',
    submitFailed: 'The credential could not be added',
    fixFields: 'Correct the fields marked below.',
  },

  verifyResult: {
    connected: (shopName: string, domain: string) => `Connected to ${shopName} (${domain}).`,
    granted: 'Granted scopes',
    noneGranted: 'None',
    allRequired: 'Every scope the card needs is granted.',
    missing: (scopes: readonly string[]) =>
      `Missing scopes: ${list(scopes)}. Add them to the app in the Shopify Dev Dashboard, release, and install the app again.`,
    sixtyDays: 'Without read_all_orders, agents see only the last 60 days of orders.',
  },

  allows: {
    heading: 'What this credential allows',
    allowed: 'Allowed',
    missing: (scopes: readonly string[]) => `Needs ${list(scopes)}`,
    card: 'The Shopify Context Card',
    people: 'Shopify customers to people (the People sync)',
    checkouts:
      'Abandoned checkouts are read with read_orders too, and only if the app’s staff account may manage abandoned checkouts in Shopify, which no scope shows.',
    action: (name: string) => `Order action: ${name}`,
  },

  edit: {
    title: (name: string) => `Edit ${name}`,
    name: 'Name',
    secret: { client_credentials: 'New Client Secret', access_token: 'New Password (Admin API access token)' },
    secretHelp: 'Leave empty to keep the current secret. The shop and the client ID stay as they are.',
    fromSource: 'This credential is set by the server’s environment: a change here lasts until the next restart.',
    save: 'Save changes',
    cancel: 'Cancel',
    nothing: 'Change the name or type a new secret.',
    failed: 'The credential could not be changed',
  },

  remove: {
    title: (name: string) => `Remove ${name}?`,
    body: 'The credential and its secret are deleted. This cannot be undone.',
    fromSource: 'It is set by the server’s environment, so it comes back at the next restart.',
    inUse: 'The Shopify Conversations Block uses this credential. Deactivate the card, or activate another credential, before removing it.',
    confirm: 'Remove',
    cancel: 'Cancel',
    close: 'Close',
    failed: 'The credential could not be removed',
  },

  activation: {
    heading: 'Shopify Conversations Block',
    description: 'The Shopify Context Card in the conversation panel: the shopper’s orders and details beside each conversation.',
    activeWith: (name: string) => `Active with ${name}.`,
    inactive: 'Not active: agents see Configuration Pending.',
    changed: (by: string, at: string) => `Changed by ${by} at ${when(at)}.`,
    credential: 'Credentials',
    credentialHelp: 'The credential the card uses to read Shopify.',
    activate: 'Activate',
    deactivate: 'Deactivate',
    noCredentials: 'Add credentials in the Credentials tab before activating the card.',
    goToCredentials: 'Go to Credentials',
    activated: (name: string) => `The card is active with ${name}.`,
    deactivated: 'The card is deactivated: agents see Configuration Pending.',
    failed: 'The card could not be activated',
    option: (name: string, shop: string, status: string) => `${name} (${shop}, ${status.toLowerCase()})`,
    noMapping: 'No card fields are saved yet: agents see Configuration Pending until you select Save below.',
    lacksScopes: (scopes: readonly string[]) =>
      `This credential lacks required scopes: ${list(scopes)}. Add them to the app in Shopify and verify the credential again; until then, what needs them fails.`,
  },

  mapping: {
    heading: 'Shopify Context Card fields',
    intro:
      'Choose the fields agents see. Saved changes apply to cards opened from then on; a card already open keeps its fields until it is opened again.',
    tabs: { order: 'Order information', customer: 'Customer information' },
    tabProblems: (n: number) => `${n} to fix`,
    sections: {
      orderCard: {
        title: 'Order card information',
        help: 'The most relevant order information, on every order in the list. At most three fields.',
      },
      orderDetails: {
        title: 'Order details information',
        help: 'Shown when the agent opens an order. Three fields are required; Add Field adds more, X removes one.',
      },
      customerDetails: {
        title: 'Customer details information',
        help: 'The customer’s details. Three fields are required; Add Field adds more, X removes one.',
      },
    },
    fieldLabel: (section: string, n: number) => `${section}, field ${n}`,
    choose: 'Choose a field',
    searchHint: 'Type to search by name or description.',
    noMatch: 'No field matches.',
    alreadyChosen: 'already chosen',
    addField: 'Add Field',
    removeField: (section: string, n: number, label: string | null) => `Remove field ${n}${label ? ` (${label})` : ''} from ${section}`,
    atMost: (section: string, max: number) => `${section} takes at most ${fields(max)}: remove one before adding another.`,
    atLeast: (section: string, min: number) => `${section} needs at least ${fields(min)}: add another before removing this one.`,
    emptyRow: 'Choose a field, or remove this row with X.',
    duplicate: 'This field is already in the list: choose another.',
    save: 'Save',
    saving: 'Saving…',
    saved: (by: string, at: string) => `Saved. Cards opened from now on show these fields. Last saved by ${by} at ${when(at)}.`,
    lastSaved: (by: string, at: string) => `Last saved by ${by} at ${when(at)}.`,
    neverSaved: 'Not saved yet: these are suggested fields. Agents see Configuration Pending until you select Save.',
    unsaved: 'You have unsaved changes.',
    restoredTitle: 'Your unsaved changes are back',
    restored: (at: string) =>
      `You changed these fields on ${at} and did not save them. Save them, or discard them to see the saved fields.`,
    discardRestored: 'Discard them',
    sessionExpiredKept:
      'Your session has expired. Changes you made before it expired are kept: open the configuration again from your inbox, and save them there.',
    fixBeforeSave: 'Fix the fields marked below before saving.',
    conflictTitle: 'Another admin saved first',
    // The BFF's detail says "reload" too: the page says it once, in its own words.
    conflict:
      'The card fields were saved by someone else while you were editing. Reload to see their fields; your changes here will be replaced.',
    reload: 'Reload',
    saveFailed: 'The fields could not be saved',
  },

  leave: {
    title: 'Leave without saving?',
    // The draft is kept on the server for this admin: nothing is lost by leaving, but agents see it only once saved.
    body: 'You changed the card fields and did not save them. Agents see them only once you select Save. Keep editing to save them, or discard them to go back to the saved fields.',
    stay: 'Keep editing',
    discard: 'Discard changes',
  },

  preview: {
    heading: 'Preview',
    sample: 'Sample data',
    note: 'How the card will look with these fields, filled with sample values.',
    orders: 'Orders',
    orderDetails: (name: string) => `Order ${name}`,
    customer: 'Customer',
    noFields: 'No fields chosen',
  },
} as const;
