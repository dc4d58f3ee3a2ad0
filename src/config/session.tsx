import { createContext, useContext } from 'react';

/** The admin's signed token, for every request the page makes. */
export const SessionToken = createContext<string | null>(null);

export function useSessionToken(): string | null {
  return useContext(SessionToken);
}
