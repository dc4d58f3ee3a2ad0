import { Box, Button, Text } from '@chakra-ui/react';
import type { ApiErrorCode } from '../api/http';
import { StatePanel } from '../ui/state-panel';
import { strings, type ErrorView } from './strings';

/** Which explanation each error code gets, and whether trying again can help. */
const views: Record<ApiErrorCode, { view: ErrorView; retry: boolean }> = {
  SHOPIFY_THROTTLED: { view: 'throttled', retry: true },
  SHOPIFY_UNREACHABLE: { view: 'unreachable', retry: true },
  SHOPIFY_ERROR: { view: 'unreachable', retry: true },
  NETWORK_ERROR: { view: 'network', retry: true },
  CREDENTIALS_INVALID: { view: 'credentials', retry: false },
  SHOP_NOT_FOUND: { view: 'credentials', retry: false },
  SHOP_NOT_PERMITTED: { view: 'credentials', retry: false },
  SHOPIFY_PAYMENT_REQUIRED: { view: 'credentials', retry: false },
  SHOPIFY_SCOPE_MISSING: { view: 'credentials', retry: false },
  SHOPIFY_LOCKED: { view: 'credentials', retry: false },
  CREDENTIAL_IN_USE: { view: 'unexpected', retry: false },
  UNAUTHENTICATED: { view: 'session', retry: false },
  TOKEN_EXPIRED: { view: 'session', retry: false },
  FORBIDDEN: { view: 'forbidden', retry: false },
  BAD_REQUEST: { view: 'unexpected', retry: true },
  NOT_FOUND: { view: 'unexpected', retry: true },
  PAYLOAD_TOO_LARGE: { view: 'unexpected', retry: true },
  RATE_LIMITED: { view: 'throttled', retry: true },
  CONFIG_CONFLICT: { view: 'unexpected', retry: true },
  INTERNAL: { view: 'unexpected', retry: true },
  BAD_RESPONSE: { view: 'unexpected', retry: true },
};

export function errorViewFor(code: ApiErrorCode): ErrorView {
  return views[code].view;
}

type ErrorStateProps = {
  code: ApiErrorCode;
  onRetry?: () => void;
  focusOnMount?: boolean;
};

export function ErrorState({ code, onRetry, focusOnMount }: ErrorStateProps) {
  const { view, retry } = views[code];
  const text = strings.errors[view];
  return (
    <StatePanel title={text.title} focusOnMount={focusOnMount}>
      <Text>{text.detail}</Text>
      {retry && onRetry && (
        <Box>
          <Button variant="outline" size="sm" onClick={onRetry}>
            {strings.retry}
          </Button>
        </Box>
      )}
    </StatePanel>
  );
}
