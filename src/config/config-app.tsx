import { Box, Container, Heading, List, Stack, Table, Text } from '@chakra-ui/react';
import { useQuery } from '@tanstack/react-query';
import { configOverviewQueryOptions } from '../api/config';
import { isApiError } from '../api/http';
import { fieldCatalogue, type FieldKey } from '../shared/fields';
import type { ConfigOverview } from '../shared/config-wire';
import { StatusBadge } from '../ui/status-badge';
import { strings } from './strings';

function FieldList({ title, keys }: { title: string; keys: readonly FieldKey[] }) {
  return (
    <Box as="section" aria-label={title}>
      <Heading as="h3" size="sm" mb="1">{title}</Heading>
      <List.Root as="ol" ps="5">
        {keys.map((key) => <List.Item key={key}>{fieldCatalogue[key].label}</List.Item>)}
      </List.Root>
    </Box>
  );
}

function Overview({ overview }: { overview: ConfigOverview }) {
  const activeId = overview.activation?.credentialId ?? null;
  const saved = overview.mapping;
  return (
    <Stack gap="8">
      <Stack as="section" gap="3" aria-labelledby="credentials-heading">
        <Heading as="h2" size="md" id="credentials-heading">{strings.credentials}</Heading>
        {overview.credentials.length === 0 ? (
          <Text>{strings.noCredentials}</Text>
        ) : (
          <Table.Root size="sm">
            <Table.Header>
              <Table.Row>
                {strings.credentialColumns.map((column) => <Table.ColumnHeader key={column}>{column}</Table.ColumnHeader>)}
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {overview.credentials.map((credential) => (
                <Table.Row key={credential.id}>
                  <Table.Cell>{credential.name}</Table.Cell>
                  <Table.Cell>{strings.kind[credential.kind]}</Table.Cell>
                  <Table.Cell>{credential.shopDomain}</Table.Cell>
                  <Table.Cell>{credential.secretHint}</Table.Cell>
                  <Table.Cell>
                    {credential.id === activeId ? <StatusBadge label={strings.active} tone="positive" /> : strings.inactive}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table.Root>
        )}
        {activeId === null && <Text>{strings.notActivated}</Text>}
      </Stack>
      <Stack as="section" gap="3" aria-labelledby="fields-heading">
        <Heading as="h2" size="md" id="fields-heading">{strings.fields}</Heading>
        {saved ? (
          <>
            <Text color="fg.muted">{strings.lastSaved(saved.savedBy, new Date(saved.savedAt))}</Text>
            <FieldList title={strings.orderCard} keys={saved.mapping.orderCard} />
            <FieldList title={strings.orderDetails} keys={saved.mapping.orderDetails} />
            <FieldList title={strings.customerDetails} keys={saved.mapping.customerDetails} />
          </>
        ) : (
          <Text>{strings.noMapping}</Text>
        )}
      </Stack>
    </Stack>
  );
}

/** The admin's page: today an overview of the Shopify connection and the card's fields. */
export function ConfigApp({ token }: { token: string | null }) {
  const overview = useQuery({ ...configOverviewQueryOptions(token), enabled: token !== null });
  let body;
  if (token === null) body = <Text role="alert">{strings.noSession}</Text>;
  else if (overview.isPending) body = <Text role="status">{strings.loading}</Text>;
  else if (overview.isError) {
    const code = isApiError(overview.error) ? overview.error.code : 'INTERNAL';
    body = <Text role="alert">{code === 'FORBIDDEN' ? strings.adminsOnly : code === 'UNAUTHENTICATED' || code === 'TOKEN_EXPIRED' ? strings.noSession : strings.failed}</Text>;
  } else body = <Overview overview={overview.data} />;
  return (
    <Container as="main" maxW="4xl" py="8">
      <Heading as="h1" size="xl" mb="6">{strings.title}</Heading>
      {body}
    </Container>
  );
}
