import { VisuallyHidden } from '@chakra-ui/react';
import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';

type Announce = (message: string) => void;

const AnnounceContext = createContext<Announce>(() => {});

/** Says `message` through the card's one polite live region. */
export function useAnnounce(): Announce {
  return useContext(AnnounceContext);
}

/**
 * The card's one live region: loading, what was found, "Copied". A message said twice in a row
 * ("Copied", "Copied") changes by an invisible character, so screen readers say it again.
 */
export function LiveRegion({ children }: { children: ReactNode }) {
  const [said, setSaid] = useState({ message: '', count: 0 });
  const announce = useCallback<Announce>((message) => {
    setSaid((last) => ({ message, count: last.message === message ? last.count + 1 : 0 }));
  }, []);
  return (
    <AnnounceContext.Provider value={announce}>
      <VisuallyHidden role="status" aria-live="polite">
        {said.message}
        {said.count % 2 === 1 ? '\u200b' : ''}
      </VisuallyHidden>
      {children}
    </AnnounceContext.Provider>
  );
}
