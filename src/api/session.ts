import { useSyncExternalStore } from 'react';

/**
 * The page's session with the BFF: the newest signed token, which every call sends, and a way to get
 * a fresh one from the host when the BFF says the current one has expired.
 */
export type Session = {
  /** The newest token; null when the page was given none. */
  token(): string | null;
  /** A token for the page: the one it opened with, or a fresh one from the host. */
  update(token: string | null): void;
  /**
   * How to ask the host for a fresh token (returning false when it cannot), while the host is
   * connected. Returns the way to let go of it.
   */
  renewWith(requestToken: () => boolean): () => void;
  /**
   * A token newer than `expired`: at once if one has arrived since, else asked of the host once
   * (however many calls wait for it). Null when the host has no way to give one, or none came in time.
   */
  renew(expired: string | null): Promise<string | null>;
  subscribe(listener: () => void): () => void;
};

export type SessionOptions = {
  /** How long to wait for the host's answer before saying the session has expired. */
  timeoutMs?: number;
};

export const RENEWAL_TIMEOUT_MS = 5_000;

export function createSession({ timeoutMs = RENEWAL_TIMEOUT_MS }: SessionOptions = {}): Session {
  let current: string | null = null;
  let requestToken: (() => boolean) | null = null;
  const listeners = new Set<() => void>();
  let waiting: { promise: Promise<string | null>; settle: (token: string | null) => void } | null = null;

  const ask = (): Promise<string | null> => {
    if (waiting) return waiting.promise;
    let settle!: (token: string | null) => void;
    const promise = new Promise<string | null>((resolve) => {
      const timer = setTimeout(() => settle(null), timeoutMs);
      settle = (token) => {
        clearTimeout(timer);
        waiting = null;
        resolve(token);
      };
    });
    waiting = { promise, settle };
    if (!requestToken?.()) settle(null);
    return promise;
  };

  return {
    token: () => current,
    update(token) {
      if (token === current) return;
      current = token;
      for (const listener of listeners) listener();
      if (token) waiting?.settle(token);
    },
    renewWith(request) {
      requestToken = request;
      return () => {
        if (requestToken === request) requestToken = null;
      };
    },
    renew(expired) {
      if (current && current !== expired) return Promise.resolve(current);
      return ask();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The page's one session: the fetch wrapper reads its token for every call to the BFF. */
export const pageSession = createSession();

/** The page's token, for views that show something else when there is none. */
export function useSessionToken(session: Session = pageSession): string | null {
  // Rendered on the server (the card's first paint), the page has no session: never a token there.
  return useSyncExternalStore(session.subscribe, session.token, session.token);
}
