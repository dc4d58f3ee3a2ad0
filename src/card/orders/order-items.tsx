import { Box, Image, Text } from '@chakra-ui/react';
import { useState } from 'react';
import type { LineItem, TrackingInfo } from '../../shared/fields';
import { EmptyValue } from '../../ui/empty-value';
import { ExternalLink } from '../../ui/external-link';
import { formatMoney, formatNumber, safeHttpsUrl, type FormatOptions } from '../fields/format-values';
import { strings } from '../strings';

/** Line items shown on a compact card before "and N more items". */
const COMPACT_LINE_ITEMS = 3;

export function LineItems({ items, locale, density }: FormatOptions & { items: LineItem[] }) {
  const compact = density === 'compact';
  const shown = compact ? items.slice(0, COMPACT_LINE_ITEMS) : items;
  const hidden = items.length - shown.length;
  return (
    <Box as="ul" listStyleType="none" display="grid" gap={compact ? '1.5' : '3'}>
      {shown.map((item, index) => (
        <Box as="li" key={index} minW="0" display="flex" gap="2.5" alignItems="flex-start">
          {!compact && <ProductImage url={item.imageUrl} />}
          <Box minW="0" flex="1">
            <Text
              as="span"
              display="block"
              fontWeight="medium"
              lineClamp={compact ? 2 : undefined}
              title={compact ? item.title : undefined}
            >
              {item.title}
            </Text>
            {item.variantTitle && (
              <Text as="span" display="block" color="card.muted">
                {item.variantTitle}
              </Text>
            )}
            {!compact && item.sku && (
              <Text as="span" display="block" color="card.muted" fontSize="xs">
                {strings.fields.sku(item.sku)}
              </Text>
            )}
            <Text as="span" display="block">
              {strings.fields.quantityTimesPrice(formatNumber(item.quantity, locale), formatMoney(item.unitPrice, locale))}
            </Text>
          </Box>
        </Box>
      ))}
      {hidden > 0 && (
        <Box as="li" color="card.muted">
          {strings.fields.moreItems(hidden, formatNumber(hidden, locale))}
        </Box>
      )}
    </Box>
  );
}

const IMAGE_SIZE = '10';

/**
 * The product's picture beside its title, so it says nothing more to a screen reader. Only an
 * https image is loaded; a missing or broken one leaves a plain square.
 */
function ProductImage({ url }: { url: string | null }) {
  const [failed, setFailed] = useState(false);
  const src = safeHttpsUrl(url);
  if (!src || failed) {
    return <Box aria-hidden="true" flexShrink={0} boxSize={IMAGE_SIZE} borderRadius="sm" bg="card.chip" />;
  }
  return (
    <Image
      src={src}
      alt=""
      loading="lazy"
      referrerPolicy="no-referrer"
      onError={() => setFailed(true)}
      flexShrink={0}
      boxSize={IMAGE_SIZE}
      objectFit="cover"
      borderRadius="sm"
      bg="card.chip"
    />
  );
}

export function Shipments({ shipments }: { shipments: TrackingInfo[] }) {
  return (
    <Box as="ul" listStyleType="none" display="grid" gap="1">
      {shipments.map((shipment, index) => {
        const href = safeHttpsUrl(shipment.url);
        const label = shipment.number ?? (href ? strings.fields.trackShipment : null);
        return (
          <Box as="li" key={index} minW="0">
            {shipment.company && (
              <Text as="span" color="card.muted">
                {shipment.company}{' '}
              </Text>
            )}
            {label === null ? (
              <EmptyValue label={strings.notSet} />
            ) : href ? (
              <ExternalLink href={href} newTabHint={strings.opensInNewTab}>
                {label}
              </ExternalLink>
            ) : (
              <Text as="span">{label}</Text>
            )}
          </Box>
        );
      })}
    </Box>
  );
}
