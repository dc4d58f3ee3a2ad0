import { Button, Flex } from '@chakra-ui/react';
import type { OrderDetails } from '../../shared/wire';
import { ExternalLink } from '../../ui/external-link';
import { useCardEnv } from '../card-env';
import { copyText } from '../../ui/copy-text';
import { safeHttpsUrl } from '../fields/format-values';
import { useAnnounce } from '../live-region';
import { replySummary, trackingOf } from './reply-summary';
import { strings } from '../strings';

type OrderActionsProps = {
  /** The order's details, with the order-card fields it came with from the list. */
  order: Pick<OrderDetails, 'name' | 'fields' | 'adminUrl'>;
};

/** What the agent can take from the order: a tracking link if one is safe, else a tracking number. */
function trackingToCopy(order: OrderActionsProps['order']): { text: string; what: 'trackingLink' | 'trackingNumber' } | null {
  const shipments = trackingOf(order.fields);
  for (const shipment of shipments) {
    const url = safeHttpsUrl(shipment.url);
    if (url) return { text: url, what: 'trackingLink' };
  }
  const number = shipments.find((shipment) => shipment.number)?.number;
  return number ? { text: number, what: 'trackingNumber' } : null;
}

/** Copy the order number or tracking, insert a summary into the reply, open the order in Shopify. */
export function OrderActions({ order }: OrderActionsProps) {
  const { actions, channel, locale } = useCardEnv();
  const announce = useAnnounce();
  const text = strings.details;
  const tracking = trackingToCopy(order);
  const adminUrl = safeHttpsUrl(order.adminUrl);
  const insertText = actions.insertText;

  const copy = async (value: string, what: keyof typeof text.what) => {
    const copied = await copyText(value);
    announce(copied ? text.copied(text.what[what]) : text.copyFailed(text.what[what]));
  };

  return (
    <Flex as="ul" aria-label={text.actions} gap="2" wrap="wrap" listStyleType="none" align="center">
      {/* A host that cannot take text gets the same summary to paste. */}
      {!insertText && (
        <li>
          <Button variant="outline" size="xs" onClick={() => void copy(replySummary(order, channel, locale), 'summary')}>
            {text.copySummary}
          </Button>
        </li>
      )}
      {insertText && (
        <li>
          <Button
            variant="outline"
            size="xs"
            onClick={() => {
              insertText(replySummary(order, channel, locale));
              announce(text.inserted(order.name));
            }}
          >
            {text.insert}
          </Button>
        </li>
      )}
      <li>
        <Button variant="outline" size="xs" onClick={() => void copy(order.name, 'orderNumber')}>
          {text.copyNumber}
        </Button>
      </li>
      {tracking && (
        <li>
          <Button variant="outline" size="xs" onClick={() => void copy(tracking.text, tracking.what)}>
            {tracking.what === 'trackingLink' ? text.copyTrackingLink : text.copyTrackingNumber}
          </Button>
        </li>
      )}
      {adminUrl && (
        <li>
          <ExternalLink href={adminUrl} newTabHint={strings.opensInNewTab}>
            {text.openInAdmin}
          </ExternalLink>
        </li>
      )}
    </Flex>
  );
}
