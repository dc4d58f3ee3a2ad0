import { useEffect, useState } from 'react';

/**
 * A chunk of a page, loaded once, on first ask, and shown without Suspense: React reveals a
 * suspended boundary's content 300 ms after its fallback at the earliest, which on a card open was
 * longer than the wait for the chunk itself.
 */
export type Preloaded<T> = { load(): Promise<T>; current(): T | undefined };

export function preloaded<T>(importer: () => Promise<T>): Preloaded<T> {
  let promise: Promise<T> | undefined;
  let module: T | undefined;
  return {
    load() {
      promise ??= importer().then(
        (loaded) => (module = loaded),
        (error: unknown) => {
          // A chunk that failed to load (the network dropped) is asked for again next time.
          promise = undefined;
          throw error;
        },
      );
      return promise;
    },
    current: () => module,
  };
}

/**
 * The chunk's module: at once when it has arrived, else undefined until it does. Asks for it once
 * `wanted` (a dialog's chunk, when the dialog first opens); once in, it stays.
 */
export function usePreloaded<T>(chunk: Preloaded<T>, wanted = true): T | undefined {
  const [module, setModule] = useState(chunk.current);
  useEffect(() => {
    if (module || !wanted) return;
    let live = true;
    chunk.load().then(
      (loaded) => live && setModule(() => loaded),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [chunk, module, wanted]);
  return module;
}
