import { Link, VisuallyHidden } from '@chakra-ui/react';
import type { KeyboardEvent, MouseEvent, PointerEvent, ReactNode } from 'react';

type ExternalLinkProps = {
  href: string;
  /** Said after the link text by screen readers, e.g. "(opens in a new tab)". */
  newTabHint: string;
  children: ReactNode;
  /** Called as the link is followed (click, middle click, Enter), before the browser reads its `href`, which it may change. */
  onFollow?: (link: HTMLAnchorElement) => void;
};

/** A link that opens in a new tab, never handing this page to the one it opens. */
export function ExternalLink({ href, newTabHint, children, onFollow }: ExternalLinkProps) {
  const follow = onFollow && {
    // A pointer's main or middle button (not the context menu's), and the keyboard's Enter.
    onPointerDown: (event: PointerEvent<HTMLAnchorElement>) => event.button <= 1 && onFollow(event.currentTarget),
    onKeyDown: (event: KeyboardEvent<HTMLAnchorElement>) => event.key === 'Enter' && onFollow(event.currentTarget),
    onClick: (event: MouseEvent<HTMLAnchorElement>) => followed(event.currentTarget),
    onAuxClick: (event: MouseEvent<HTMLAnchorElement>) => followed(event.currentTarget),
  };
  /** Once the browser has read what `onFollow` put on the link, the link goes back to its own `href`. */
  function followed(link: HTMLAnchorElement) {
    onFollow?.(link);
    setTimeout(() => link.setAttribute('href', href), 0);
  }
  return (
    <Link
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      variant="underline"
      display="inline"
      textDecorationColor="currentColor"
      {...follow}
    >
      {children} <VisuallyHidden>{newTabHint}</VisuallyHidden>
    </Link>
  );
}
