import { VisuallyHidden } from '@chakra-ui/react';

type EmptyValueProps = {
  /** What a screen reader says instead of the dash, e.g. "Not set". */
  label: string;
};

/** An em dash for sighted readers, words for everyone else. */
export function EmptyValue({ label }: EmptyValueProps) {
  return (
    <span>
      <span aria-hidden="true">—</span>
      <VisuallyHidden>{label}</VisuallyHidden>
    </span>
  );
}
