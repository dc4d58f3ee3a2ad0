import { useState } from 'react';

/** The time a view was first shown, so that "3 days ago" does not change under the agent's eyes. */
export function useNow(): number {
  const [now] = useState(() => Date.now());
  return now;
}
