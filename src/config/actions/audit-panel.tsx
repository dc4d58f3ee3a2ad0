import { Button, Flex, Heading, Input, NativeSelect, Stack, Table, Text } from '@chakra-ui/react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { actionKeys, fetchAuditPage, type AuditFilter } from '../../api/actions';
import { actionKinds, actionLabels, auditResults } from '../../shared/actions';

const resultWords = { succeeded: 'Succeeded', refused: 'Refused', failed: 'Failed' } as const;

/** The audit log: every attempted order action, newest first, with filters and a page at a time. */
export function AuditPanel() {
  const [filter, setFilter] = useState<AuditFilter>({});
  const pages = useInfiniteQuery({
    queryKey: actionKeys.audit(filter),
    queryFn: ({ pageParam, signal }) => fetchAuditPage(filter, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const set = (key: keyof AuditFilter, value: string) => setFilter((current) => ({ ...current, [key]: value || undefined }));
  const entries = pages.data?.pages.flatMap((page) => page.entries) ?? [];

  return (
    <Stack gap="4">
      <Heading as="h2" size="lg">
        Audit log
      </Heading>
      <Flex gap="3" wrap="wrap" align="end" as="form" aria-label="Filters" onSubmit={(event) => event.preventDefault()}>
        <label>
          <Text fontSize="sm">Action</Text>
          <NativeSelect.Root size="sm" w="12rem">
            <NativeSelect.Field value={filter.action ?? ''} onChange={(event) => set('action', event.target.value)} aria-label="Action">
              <option value="">Any action</option>
              {actionKinds.map((kind) => (
                <option key={kind} value={kind}>
                  {actionLabels[kind].name}
                </option>
              ))}
            </NativeSelect.Field>
          </NativeSelect.Root>
        </label>
        <label>
          <Text fontSize="sm">Result</Text>
          <NativeSelect.Root size="sm" w="10rem">
            <NativeSelect.Field value={filter.result ?? ''} onChange={(event) => set('result', event.target.value)} aria-label="Result">
              <option value="">Any result</option>
              {auditResults.map((result) => (
                <option key={result} value={result}>
                  {resultWords[result]}
                </option>
              ))}
            </NativeSelect.Field>
          </NativeSelect.Root>
        </label>
        <label>
          <Text fontSize="sm">Actor</Text>
          <Input size="sm" w="10rem" aria-label="Actor" value={filter.actor ?? ''} onChange={(event) => set('actor', event.target.value)} />
        </label>
        <label>
          <Text fontSize="sm">From</Text>
          <Input size="sm" type="date" aria-label="From" value={filter.from ?? ''} onChange={(event) => set('from', event.target.value)} />
        </label>
        <label>
          <Text fontSize="sm">To</Text>
          <Input size="sm" type="date" aria-label="To" value={filter.to ?? ''} onChange={(event) => set('to', event.target.value)} />
        </label>
      </Flex>
      {pages.isPending ? (
        <Text role="status">Loading the audit log…</Text>
      ) : pages.isError ? (
        <Text role="alert">The audit log could not be read.</Text>
      ) : entries.length === 0 ? (
        <Text>No action matches.</Text>
      ) : (
        <Table.Root size="sm" aria-label="Audited actions">
          <Table.Header>
            <Table.Row>
              <Table.ColumnHeader>When</Table.ColumnHeader>
              <Table.ColumnHeader>Who</Table.ColumnHeader>
              <Table.ColumnHeader>Action</Table.ColumnHeader>
              <Table.ColumnHeader>Order</Table.ColumnHeader>
              <Table.ColumnHeader>Amount</Table.ColumnHeader>
              <Table.ColumnHeader>What</Table.ColumnHeader>
              <Table.ColumnHeader>Conversation</Table.ColumnHeader>
              <Table.ColumnHeader>Result</Table.ColumnHeader>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {entries.map((entry) => (
              <Table.Row key={entry.id}>
                <Table.Cell>{new Date(entry.at).toLocaleString()}</Table.Cell>
                <Table.Cell>
                  {entry.actor} ({entry.role})
                </Table.Cell>
                <Table.Cell>{actionLabels[entry.action].name}</Table.Cell>
                <Table.Cell>{entry.orderName ?? '—'}</Table.Cell>
                <Table.Cell>{entry.amount ? `${entry.amount.amount} ${entry.amount.currencyCode}` : '—'}</Table.Cell>
                <Table.Cell>{entry.summary}</Table.Cell>
                <Table.Cell>{[entry.conversationId, entry.host].filter(Boolean).join(' · ') || '—'}</Table.Cell>
                <Table.Cell>
                  {resultWords[entry.result]}
                  {entry.error && <Text fontSize="xs">{entry.error}</Text>}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table.Root>
      )}
      {pages.hasNextPage && (
        <Flex>
          <Button variant="outline" size="sm" onClick={() => void pages.fetchNextPage()} loading={pages.isFetchingNextPage}>
            Show more
          </Button>
        </Flex>
      )}
    </Stack>
  );
}
