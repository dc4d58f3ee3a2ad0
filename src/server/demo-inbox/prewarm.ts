import * as z from 'zod';
import { matchesByPhone } from '../../shared/channels';
import type { CardLookup } from '../../shared/wire';
import type { DemoConversation } from './conversations';

/** At most the conversation under the pointer and the next few. */
export const MAX_PREWARM = 5;

export const prewarmRequestSchema = z.object({ conversationIds: z.array(z.string().max(200)).min(1).max(MAX_PREWARM) });

/**
 * The lookup the card makes for a conversation, by the channel's rule: phone channels by phone, Email
 * by email, the others by email, else phone. The BFF's cache key normalises each, so the card's own
 * lookup finds what this one warmed.
 */
export function demoLookup({ channel, customer }: DemoConversation): CardLookup | null {
  const phone = customer.phone?.trim() || undefined;
  const email = customer.email?.trim() || undefined;
  if (matchesByPhone(channel)) return phone ? { phone } : null;
  if (channel === 'EMAIL') return email ? { email } : null;
  return email ? { email } : phone ? { phone } : null;
}

/**
 * What a helpdesk's own server does when it knows a conversation is about to be opened: it calls the
 * BFF's `POST /api/card/prewarm` with the agent's token and the conversation's lookup. Failures are
 * only a lost head start; the statuses the BFF answered come back.
 */
export async function prewarmCards(cardOrigin: string, token: string, conversations: DemoConversation[]): Promise<number[]> {
  return Promise.all(
    conversations.map(async (conversation) => {
      const lookup = demoLookup(conversation);
      if (!lookup) return 0;
      try {
        const response = await fetch(new URL('/api/card/prewarm', cardOrigin), {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify(lookup),
          signal: AbortSignal.timeout(5_000),
        });
        await response.body?.cancel();
        return response.status;
      } catch {
        return 0;
      }
    }),
  );
}
