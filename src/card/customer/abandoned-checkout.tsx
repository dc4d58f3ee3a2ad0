import { Box, Button, Flex, Heading, Text } from '@chakra-ui/react';
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
      display="grid"
      gap="1"
      px="2.5"
      py="1.5"
      borderWidth="1px"
      borderColor="status.attention.border"
      borderRadius="md"
      minW="0"
    >
      {/* Two lines, so that the orders stay in sight: what and when, then what was in it and the link. */}
      <Flex columnGap="2" wrap="wrap" align="baseline" minW="0">
        <Heading as="h2" size="xs" id={headingId}>
          {text.title}
        </Heading>
        <Text fontSize="sm">{text.left(when, checkout.total ? formatMoney(checkout.total, locale) : null)}</Text>
      </Flex>
      {(checkout.items.length > 0 || link) && (
        <Flex columnGap="2" rowGap="1" wrap="wrap" align="center" minW="0">
          {checkout.items.length > 0 && (
            <Text fontSize="sm" color="card.muted" flex="1" minW="0">
              {checkout.items.join(', ')}
            </Text>
          )}
          {link && (
            <Button variant="outline" size="2xs" ms="auto" onClick={() => void copy(link)}>
              {text.copyLink}
            </Button>
          )}
        </Flex>
      )}
    </Box>
  );
}
