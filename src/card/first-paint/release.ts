import { useLayoutEffect } from 'react';
import { releaseFirstPaint } from './show';

/**
 * Once `shown` (the card's own view of the answer is on screen), the server's first paint goes, in the
 * same commit: the agent never sees both, nor neither.
 */
export function useReleaseFirstPaint(shown: boolean): void {
  useLayoutEffect(() => {
    if (shown) releaseFirstPaint(document);
  }, [shown]);
}
