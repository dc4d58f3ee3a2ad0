/**
 * The agent's session with the BFF: the newest signed token, and a way to get a fresh one from the
 * host when the BFF says the current one has expired.
 */
export type Session = {
  /** The newest token; null when the host gave none. */
  token(): string | null;
  /** The newest token in place of `token` when `token` is one this session has held. */
  newest(token: string | null | undefined): string | null | undefined;
  /** A token from the host (fresh, or in answer to a request). */
  update(token: string): void;
  /**
   * A token newer than `expired`: at once if one has arrived since, else asked of the host once
   * (however many calls wait for it). Null when the host has no way to give one, or none came in time.
   */
  renew(expired: string | null | undefined): Promise<string | null>;
  subscribe(listener: () => void): () => void;
};

export type SessionOptions = {
  token: string | null;
  /** Asks the host for a fresh token; returns false when the host cannot give one. */
  requestToken?: () => boolean;
  /** How long to wait for the host's answer before saying the session has expired. */
  timeoutMs?: number;
};

export const RENEWAL_TIMEOUT_MS = 5_000;

export function createSession({ token: initial, requestToken, timeoutMs = RENEWAL_TIMEOUT_MS }: SessionOptions): Session {
  let current = initial;
  const held = new Set<string>(initial ? [initial] : []);
  const listeners = new Set<() => void>();
  let waiting: { promise: Promise<string | null>; settle: (token: string | null) => void } | null = null;

  const update = (token: string) => {
    if (token === current) return;
    current = token;
    held.add(token);
    for (const listener of listeners) listener();
    waiting?.settle(token);
  };

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
    newest: (token) => (token && held.has(token) ? current : token),
    update,
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

let active: Session | null = null;

/** The page's session, used by every BFF call that sends one of its tokens. */
export function setActiveSession(session: Session | null): void {
  active = session;
}

export function activeSession(): Session | null {
  return active;
}
