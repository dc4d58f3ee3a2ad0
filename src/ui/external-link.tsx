import { Link, VisuallyHidden } from '@chakra-ui/react';
import type { ReactNode } from 'react';

type ExternalLinkProps = {
  href: string;
  /** Said after the link text by screen readers, e.g. "(opens in a new tab)". */
  newTabHint: string;
  children: ReactNode;
};

/** A link that opens in a new tab, never handing this page to the one it opens. */
export function ExternalLink({ href, newTabHint, children }: ExternalLinkProps) {
  return (
    <Link href={href} target="_blank" rel="noopener noreferrer" variant="underline" display="inline" textDecorationColor="currentColor">
      {children} <VisuallyHidden>{newTabHint}</VisuallyHidden>
    </Link>
  );
}
