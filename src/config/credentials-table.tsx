import { Badge, Box, HStack, Table, Text } from '@chakra-ui/react';
import { Fragment, type ReactNode } from 'react';
import type { CredentialView } from '../shared/config-wire';
import { StatusBadge } from '../ui/status-badge';
import type { StatusTone } from '../ui/system';
import { credentialMissingScopes } from './credential-scopes';
import { strings } from './strings';

const t = strings.credentials;
const [, kindColumn, shopColumn, secretColumn, statusColumn, cardColumn] = t.columns;

/** Below this breakpoint each credential is a card of its own: seven columns do not fit a narrow window. */
const WIDE = 'lg';
const narrow = <T, U>(base: T, wide: U) => ({ base, [WIDE]: wide });

const statusTone: Record<CredentialView['status'], StatusTone> = { verified: 'positive', unverified: 'neutral', invalid: 'critical' };

/** Verified, but without every required scope, is not a green "Verified": it says which scopes are missing. */
export function credentialStatus(credential: CredentialView): { label: string; tone: StatusTone } {
  const missing = credential.status === 'verified' ? credentialMissingScopes(credential) : [];
  if (missing.length) return { label: t.status.missingScopes(missing), tone: 'attention' };
  const label = credential.status === 'verified' ? t.status.verified(credential.verifiedAt) : t.status[credential.status];
  return { label, tone: statusTone[credential.status] };
}

/** A shop's domain may wrap after each dot (`linden-and-loom.` / `myshopify.com`), not inside a word. */
function Domain({ domain }: { domain: string }) {
  const parts = domain.split('.');
  return parts.map((part, index) => (
    <Fragment key={index}>
      {part}
      {index < parts.length - 1 && (
        <>
          .<wbr />
        </>
      )}
    </Fragment>
  ));
}

/** What a cell holds, named on a narrow card (where the column headers are not shown). */
function Cell({ label, children, span }: { label?: string; children: ReactNode; span?: boolean }) {
  return (
    <Table.Cell
      role="cell"
      display={narrow('block', 'table-cell')}
      gridColumn={span ? '1 / -1' : undefined}
      borderBottomWidth={narrow('0', '1px')}
      px={narrow('0', '3')}
      py={narrow('0', '2')}
      minW="0"
      overflowWrap="anywhere"
    >
      {label && (
        <Text as="span" aria-hidden="true" display={narrow('block', 'none')} fontSize="xs" color="fg.muted">
          {label}
        </Text>
      )}
      {children}
    </Table.Cell>
  );
}

type CredentialsTableProps = {
  credentials: CredentialView[];
  activeId: string | null;
  /** The buttons acting on one credential. */
  actions: (credential: CredentialView) => ReactNode;
};

/**
 * The stored credentials, secrets masked. A table where there is room; below it each row becomes a
 * card, so that nothing is cut off or needs a sideways scroll from 360 px up. The roles are given
 * explicitly because a table laid out as blocks loses them in some browsers.
 */
export function CredentialsTable({ credentials, activeId, actions }: CredentialsTableProps) {
  return (
    <Table.Root role="table" size="sm" display={narrow('block', 'table')} borderWidth={narrow('0', '1px')} borderRadius="md">
      <Table.Caption srOnly>{t.tableCaption}</Table.Caption>
      <Table.Header
        role="rowgroup"
        // Narrow, the headers stay for screen readers only: each card names its own values.
        css={{
          position: narrow('absolute', 'static'),
          width: narrow('1px', 'auto'),
          height: narrow('1px', 'auto'),
          overflow: narrow('hidden', 'visible'),
          clip: narrow('rect(0, 0, 0, 0)', 'auto'),
        }}
      >
        <Table.Row role="row">
          {t.columns.map((column) => (
            <Table.ColumnHeader key={column} role="columnheader" px="3">
              {column}
            </Table.ColumnHeader>
          ))}
        </Table.Row>
      </Table.Header>
      <Table.Body role="rowgroup" display={narrow('flex', 'table-row-group')} flexDirection="column" gap="3">
        {credentials.map((credential) => {
          const source = t.source[credential.source];
          return (
            <Table.Row
              key={credential.id}
              role="row"
              display={narrow('grid', 'table-row')}
              gridTemplateColumns={{ base: 'minmax(0, 1fr)', sm: 'repeat(2, minmax(0, 1fr))' }}
              gap="3"
              p={narrow('4', '0')}
              borderWidth={narrow('1px', '0')}
              borderRadius={narrow('md', '0')}
            >
              <Cell span>
                <Text fontWeight="medium">{credential.name}</Text>
                {source && (
                  <Badge variant="subtle" mt="1">
                    {source}
                  </Badge>
                )}
              </Cell>
              <Cell label={kindColumn}>
                {t.kind[credential.kind]}
                {credential.kind === 'access_token' && (
                  <Badge colorPalette="red" variant="subtle" ms="1">
                    {t.deprecated}
                  </Badge>
                )}
              </Cell>
              <Cell label={shopColumn}>
                <Domain domain={credential.shopDomain} />
              </Cell>
              <Cell label={secretColumn}>
                <Box as="span" fontFamily="mono">
                  {credential.secretHint}
                </Box>
              </Cell>
              <Cell label={statusColumn}>
                <StatusBadge {...credentialStatus(credential)} />
              </Cell>
              <Cell label={cardColumn}>{credential.id === activeId ? <StatusBadge label={t.active} tone="positive" /> : t.inactive}</Cell>
              <Cell span>
                <HStack gap="2" flexWrap="wrap">
                  {actions(credential)}
                </HStack>
              </Cell>
            </Table.Row>
          );
        })}
      </Table.Body>
    </Table.Root>
  );
}
