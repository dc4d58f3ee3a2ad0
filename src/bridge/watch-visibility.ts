import type { HostWindow } from './adapters/host-adapter';

/**
 * Calls `onVisible` whenever the card comes into view: the browser tab is shown again, the window
 * gets focus, or the frame itself is shown (a host tab switched back to the card). Returns the way to stop.
 */
export function watchVisibility(win: HostWindow, onVisible: () => void): () => void {
  const onVisibilityChange = () => {
    if (win.document.visibilityState === 'visible') onVisible();
  };
  win.document.addEventListener('visibilitychange', onVisibilityChange);
  win.addEventListener('focus', onVisible);
  let observer: IntersectionObserver | undefined;
  if (typeof IntersectionObserver === 'function') {
    let shown = true;
    observer = new IntersectionObserver((entries) => {
      const visible = entries.some((entry) => entry.isIntersecting);
      if (visible && !shown) onVisible();
      shown = visible;
    });
    observer.observe(win.document.documentElement);
  }
  return () => {
    win.document.removeEventListener('visibilitychange', onVisibilityChange);
    win.removeEventListener('focus', onVisible);
    observer?.disconnect();
  };
}
