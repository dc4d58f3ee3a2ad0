import { Box, Button, Heading, Text } from '@chakra-ui/react';
import { useId } from 'react';
import type { AbandonedCheckout } from '../../shared/wire';
import { copyText } from '../../ui/copy-text';
import { formatMoney, formatRelative, safeHttpsUrl } from '../fields/format-values';
import { useAnnounce } from '../live-region';
import { strings } from '../strings';

/** The shopper's latest checkout left unpaid in the last 30 days: what "I couldn't finish my order" means. */
export function AbandonedCheckoutNotice({ checkout, locale, now }: { checkout: AbandonedCheckout; locale: string; now: number }) {
  const headingId = useId();
  const announce = useAnnounce();
  const text = strings.abandonedCheckout;
  const link = safeHttpsUrl(checkout.recoveryUrl);
  const when = formatRelative(new Date(checkout.abandonedAt).getTime(), now);
  const copy = async (url: string) => {
    const copied = await copyText(url);
    announce(copied ? strings.details.copied(text.what) : strings.details.copyFailed(text.what));
  };
  return (
    <Box
      as="section"
      aria-labelledby={headingId}
      p="2.5"
      borderWidth="1px"
      borderColor="status.attention.border"
      borderRadius="md"
      minW="0"
    >
      <Heading as="h2" size="xs" id={headingId}>
        {text.title}
      </Heading>
      <Text fontSize="sm">{text.left(when, checkout.total ? formatMoney(checkout.total, locale) : null)}</Text>
      {checkout.items.length > 0 && (
        <Text fontSize="sm" color="card.muted">
          {checkout.items.join(', ')}
        </Text>
      )}
      {link && (
        <Button variant="outline" size="xs" mt="1.5" onClick={() => void copy(link)}>
          {text.copyLink}
        </Button>
      )}
    </Box>
  );
}
