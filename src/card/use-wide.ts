import { useMediaQuery } from '../ui/media-query';

/** From this width (a Chatwoot tab, a wide side panel) the order list and the open order sit side by side. */
export const WIDE_QUERY = '(min-width: 720px)';
/** Under this width (a side panel) a row of more than a few buttons wraps onto several lines. */
export const NARROW_QUERY = '(max-width: 479px)';

/** Whether the card's frame is wide enough for two columns. */
export const useWide = (): boolean => useMediaQuery(WIDE_QUERY);

/** Whether the card's frame is narrow enough that rows of buttons stack. */
export const useNarrow = (): boolean => useMediaQuery(NARROW_QUERY);
