import { pickTheme } from '../bridge/conversation-context';
import type { ColorMode } from '../ui/color-mode';

/** The host's theme for the page, as the card takes it (`?theme=light|dark`); null to follow the system's. */
export function pageTheme(href: string): ColorMode | null {
  return pickTheme(new URL(href).searchParams.get('theme')) ?? null;
}
