import { Box, Button, Flex, Stack, Text } from '@chakra-ui/react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { actionKeys, newIdempotencyKey } from '../../api/actions';
import { cardKeys } from '../../api/card';
import { isApiError, type ApiErrorCode } from '../../api/http';
import { orderDetailsKeys } from '../../api/order-details';
import { orderKeys } from '../../api/orders';
import type { ActionOutcome } from '../../shared/actions';
import { toneColors } from '../../ui/system';
import { useAnnounce } from '../live-region';
import { actionStrings as text } from './action-strings';

/** What the confirm step says will happen, and the button that does it; or why it cannot be done. */
export type Review = { will: ReactNode; confirmLabel: string; refusal?: string | null };

type ActionFlowProps = {
  orderId: string;
  /** The form: its submit asks for the review. */
  form: ReactNode;
  canReview: boolean;
  review: () => Promise<Review> | Review;
  /** Sends the action with the key made when the agent confirmed. */
  perform: (key: string) => Promise<ActionOutcome>;
  /** What the result shows beyond its words (the draft order's link). */
  done?: (outcome: ActionOutcome) => ReactNode;
  onClose: () => void;
};

/** Failures after which the same request, with the same key, may be sent again. */
const retryable = new Set<ApiErrorCode>([
  'NETWORK_ERROR',
  'SHOPIFY_UNREACHABLE',
  'SHOPIFY_THROTTLED',
  'ACTION_IN_PROGRESS',
  'INTERNAL',
  'RATE_LIMITED',
]);

export function Problem({ children }: { children: ReactNode }) {
  return (
    <Box role="alert" px="3" py="2" borderWidth="1px" borderStartWidth="4px" borderRadius="md" {...toneColors('critical')}>
      {children}
    </Box>
  );
}

const wordsOf = (error: unknown) => (isApiError(error) ? (error.detail ?? error.title) : text.orderUnreadable);

/**
 * Form, then a confirm step that says what will happen, then the result. One key per confirmed action: a
 * second click while it runs does nothing, Try again sends the same key, and going back to the form makes
 * the next confirmation a new action.
 */
export function ActionFlow({ orderId, form, canReview, review, perform, done, onClose }: ActionFlowProps) {
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const [step, setStep] = useState<'form' | 'confirm' | 'done'>('form');
  const [reviewed, setReviewed] = useState<Review | null>(null);
  const [reviewError, setReviewError] = useState<string | null>(null);
  const [reviewing, setReviewing] = useState(false);
  const key = useRef<string | null>(null);

  const action = useMutation({
    mutationFn: () => {
      key.current ??= newIdempotencyKey();
      return perform(key.current);
    },
    onSuccess: async (outcome) => {
      setStep('done');
      announce(outcome.message);
      // The order changed in Shopify: the card shows it again, fresh.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: orderDetailsKeys.detail(orderId) }),
        queryClient.invalidateQueries({ queryKey: actionKeys.order(orderId) }),
        queryClient.invalidateQueries({ queryKey: orderKeys.all }),
        queryClient.invalidateQueries({ queryKey: cardKeys.all }),
      ]);
    },
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!canReview || reviewing) return;
    setReviewing(true);
    setReviewError(null);
    try {
      setReviewed(await review());
      key.current = null;
      action.reset();
      setStep('confirm');
    } catch (error) {
      setReviewError(wordsOf(error));
    } finally {
      setReviewing(false);
    }
  };

  if (step === 'done' && action.data) {
    return (
      <Stack gap="3">
        <Text role="status">{action.data.message}</Text>
        {action.data.replayed && <Text color="card.muted">{text.replayed}</Text>}
        {done?.(action.data)}
        <Flex>
          <Button size="sm" onClick={onClose}>
            {text.close}
          </Button>
        </Flex>
      </Stack>
    );
  }

  if (step === 'confirm' && reviewed) {
    const failed = action.isError ? action.error : null;
    const canRetry = failed !== null && isApiError(failed) && retryable.has(failed.code);
    return (
      <Stack gap="3">
        <Text fontWeight="semibold">{text.confirmHeading}</Text>
        <Box>{reviewed.will}</Box>
        {reviewed.refusal && <Problem>{reviewed.refusal}</Problem>}
        {failed && <Problem>{wordsOf(failed)}</Problem>}
        <Flex gap="2" wrap="wrap">
          {!reviewed.refusal && (!failed || canRetry) && (
            <Button
              size="sm"
              colorPalette="blue"
              aria-disabled={action.isPending || undefined}
              onClick={() => {
                if (!action.isPending) action.mutate();
              }}
            >
              {action.isPending ? text.working : failed ? text.tryAgain : reviewed.confirmLabel}
            </Button>
          )}
          <Button size="sm" variant="outline" onClick={() => setStep('form')} disabled={action.isPending}>
            {text.back}
          </Button>
        </Flex>
      </Stack>
    );
  }

  return (
    <Stack as="form" gap="3" onSubmit={(event) => void submit(event)}>
      {form}
      {reviewError && <Problem>{reviewError}</Problem>}
      <Flex>
        <Button type="submit" size="sm" colorPalette="blue" aria-disabled={!canReview || reviewing || undefined}>
          {reviewing ? text.working : text.review}
        </Button>
      </Flex>
    </Stack>
  );
}
