import { Box, Button, Text } from '@chakra-ui/react';
import type { ApiErrorCode } from '../../api/http';
import { StatePanel } from '../../ui/state-panel';
import { strings, type ErrorView } from '../strings';

/**
 * Which explanation each error code gets, and whether trying again can help. Faults of the shop or
 * its set-up name who must act (an admin, the store owner) instead of offering a Retry that cannot help.
 */
const views: Record<ApiErrorCode, { view: ErrorView; retry: boolean }> = {
  SHOPIFY_THROTTLED: { view: 'throttled', retry: true },
  SHOPIFY_UNREACHABLE: { view: 'unreachable', retry: true },
  SHOPIFY_ERROR: { view: 'shopifyError', retry: true },
  NETWORK_ERROR: { view: 'network', retry: true },
  CREDENTIALS_INVALID: { view: 'credentials', retry: false },
  CREDENTIAL_UNREADABLE: { view: 'credentialUnreadable', retry: false },
  SHOP_NOT_FOUND: { view: 'shopNotFound', retry: false },
  SHOP_NOT_PERMITTED: { view: 'shopNotPermitted', retry: false },
  SHOPIFY_PAYMENT_REQUIRED: { view: 'paymentRequired', retry: false },
  SHOPIFY_SCOPE_MISSING: { view: 'scopeMissing', retry: false },
  SHOPIFY_LOCKED: { view: 'locked', retry: false },
  CREDENTIAL_IN_USE: { view: 'unexpected', retry: false },
  UNAUTHENTICATED: { view: 'session', retry: false },
  TOKEN_EXPIRED: { view: 'session', retry: false },
  FORBIDDEN: { view: 'forbidden', retry: false },
  BAD_REQUEST: { view: 'unexpected', retry: true },
  NOT_FOUND: { view: 'unexpected', retry: true },
  METHOD_NOT_ALLOWED: { view: 'unexpected', retry: false },
  PAYLOAD_TOO_LARGE: { view: 'unexpected', retry: true },
  RATE_LIMITED: { view: 'throttled', retry: true },
  CONFIG_CONFLICT: { view: 'unexpected', retry: true },
  STORAGE_UNAVAILABLE: { view: 'unexpected', retry: true },
  INTERNAL: { view: 'unexpected', retry: true },
  BAD_RESPONSE: { view: 'unexpected', retry: true },
  // The order actions' refusals: their dialogs show the BFF's own words.
  ACTION_DISABLED: { view: 'forbidden', retry: false },
  ACTION_LIMIT: { view: 'forbidden', retry: false },
  ACTION_NOT_ALLOWED_FOR_ORDER: { view: 'unexpected', retry: false },
  ACTION_IN_PROGRESS: { view: 'unexpected', retry: true },
  IDEMPOTENCY_KEY_REUSED: { view: 'unexpected', retry: false },
  SHOPIFY_USER_ERROR: { view: 'unexpected', retry: false },
};

export function errorViewFor(code: ApiErrorCode): ErrorView {
  return views[code].view;
}

export function canRetry(code: ApiErrorCode): boolean {
  return views[code].retry;
}

type ErrorStateProps = {
  code: ApiErrorCode;
  /** A view of its own for a code in this place (an unknown order is not a fault). */
  view?: ErrorView;
  onRetry?: () => void;
  focusOnMount?: boolean;
};

export function ErrorState({ code, view = views[code].view, onRetry, focusOnMount }: ErrorStateProps) {
  const text = strings.errors[view];
  return (
    <StatePanel title={text.title} focusOnMount={focusOnMount}>
      <Text>{text.detail}</Text>
      {views[code].retry && onRetry && (
        <Box>
          <Button variant="outline" size="sm" onClick={onRetry}>
            {strings.retry}
          </Button>
        </Box>
      )}
    </StatePanel>
  );
}
