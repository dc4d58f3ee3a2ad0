import { Box, Button, Heading, List, Stack, Text } from '@chakra-ui/react';
import { useState, type ReactNode } from 'react';
import { cancelReasonLabels, cancelReasons } from '../../shared/actions';
import type { PersonEvent } from '../../shared/people';
import { copyText } from '../../ui/copy-text';
import { when } from '../strings';
import { formatMoney } from './people-format';
import { peopleStrings } from './people-strings';

const t = peopleStrings.person;

const isCancelReason = (reason: string): reason is (typeof cancelReasons)[number] => (cancelReasons as readonly string[]).includes(reason);

/** A checkout's recovery link, for the admin to send on: copied on a click, or shown to copy by hand. */
function CopyRecoveryLink({ url }: { url: string }) {
  const [copied, setCopied] = useState<boolean | null>(null);
  return (
    <Stack gap="1">
      <Box>
        <Button size="xs" variant="outline" onClick={() => void copyText(url).then(setCopied)}>
          {t.copyLink}
        </Button>
      </Box>
      <Box role="status" fontSize="sm">
        {copied === true && t.copied}
        {copied === false && <Text overflowWrap="anywhere">{t.copyFailed(url)}</Text>}
      </Box>
    </Stack>
  );
}

function EventDetail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Text fontSize="sm">
      <Text as="span" color="fg.muted">
        {label}:
      </Text>{' '}
      {children}
    </Text>
  );
}

/** A person's events, newest first: orders placed, fulfilled, cancelled and refunded, and checkouts abandoned. */
export function PersonEvents({ events }: { events: readonly PersonEvent[] }) {
  const newestFirst = [...events].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
  return (
    <Stack as="section" gap="3" aria-labelledby="person-events-heading">
      <Stack gap="0.5">
        <Heading as="h3" size="md" id="person-events-heading">
          {t.events}
        </Heading>
        <Text color="fg.muted" fontSize="sm">
          {t.eventsIntro}
        </Text>
      </Stack>
      {newestFirst.length === 0 ? (
        <Text>{t.noEvents}</Text>
      ) : (
        <List.Root as="ol" listStyleType="none" aria-labelledby="person-events-heading" gap="0">
          {newestFirst.map((event) => (
            <List.Item key={event.id} borderStartWidth="3px" borderColor="card.border" ps="3" py="2">
              <Stack gap="0.5" minW="0">
                <Heading as="h4" size="sm">
                  {t.eventTitle(t.eventKinds[event.kind], event.orderName)}
                </Heading>
                <Text color="fg.muted" fontSize="sm">
                  <time dateTime={event.occurredAt}>{when(event.occurredAt)}</time>
                </Text>
                {event.total && <EventDetail label={t.total}>{formatMoney(event.total)}</EventDetail>}
                {event.items && event.items.length > 0 && <EventDetail label={t.items}>{event.items.join(', ')}</EventDetail>}
                {event.reason && (
                  <EventDetail label={t.reason}>
                    {isCancelReason(event.reason) ? cancelReasonLabels[event.reason] : event.reason}
                  </EventDetail>
                )}
                {event.note && <EventDetail label={t.note}>{event.note}</EventDetail>}
                {event.recoveryUrl && <CopyRecoveryLink url={event.recoveryUrl} />}
              </Stack>
            </List.Item>
          ))}
        </List.Root>
      )}
    </Stack>
  );
}
