import { e2ePorts } from '../playwright.config';

/** The card, served by the demo BFF. */
export const cardOrigin = `http://localhost:${e2ePorts.bff}`;
/** The demo inbox: an allowed origin. */
export const demoInbox = `http://127.0.0.1:${e2ePorts.demo}`;
/** The custom inbox of `test-hosts.ts`: an allowed origin too. */
export const customInbox = `http://127.0.0.1:${e2ePorts.customHost}`;
/** An origin the BFF has never heard of. */
export const unlistedOrigin = `http://127.0.0.1:${e2ePorts.unlistedHost}`;

export const protocol = { namespace: 'shopify-context-card', version: 1 } as const;

/** The custom inbox framing the card at `card` (path and query), its token in the fragment. */
export function customInboxFraming(card: string, options: { expired?: boolean } = {}): string {
  const query = new URLSearchParams({ card, ...(options.expired ? { expired: '1' } : {}) });
  return `${customInbox}/frame?${query}`;
}

type PostTarget = { postMessage(message: unknown, targetOrigin: string): void };

/**
 * The few browser globals the tests touch inside `evaluate` (the end-to-end code is type-checked
 * without the DOM library): `(globalThis as unknown as BrowserWindow)`.
 */
export type BrowserWindow = PostTarget & {
  document: {
    documentElement: { style: { colorScheme: string } };
    getElementById(id: string): { contentWindow: PostTarget | null } | null;
  };
  parent: BrowserWindow & { frames: ArrayLike<PostTarget> };
  sameDocument?: boolean;
};
