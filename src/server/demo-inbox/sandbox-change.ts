import * as z from 'zod/mini';
import type { DemoConversation } from './conversations';

/** What the demo inbox asks: change this conversation's shopper in the sandbox store. */
export const sandboxChangeRequestSchema = z.object({ conversationId: z.string().check(z.maxLength(100)) });

const customerAnswer = z.object({ customer: z.object({ id: z.string(), tags: z.array(z.string()), updatedAt: z.nullable(z.string()) }) });
export type SandboxChange = z.infer<typeof customerAnswer>['customer'] & { name: string };

/** The tag the demo adds: which change this is, by the time it was made (UTC). */
const changeTag = (at: Date) => `demo-change-${at.toISOString().slice(11, 19)}`;

/**
 * Changes a shopper in the sandbox store the way a merchant editing the customer in Shopify would: its tags
 * get one saying when, in place of an earlier one of the demo's. Two requests to the store's control
 * (`PATCH /sandbox/customers/:id`): the first, empty, answers the customer's tags as they are.
 */
export async function changeSandboxCustomer(
  sandboxOrigin: string,
  conversation: DemoConversation,
  now: Date = new Date(),
  fetcher: typeof fetch = fetch,
): Promise<SandboxChange> {
  if (!conversation.shopifyCustomerId) throw new Error(`${conversation.id} has no sandbox customer`);
  const url = `${sandboxOrigin}/sandbox/customers/${encodeURIComponent(conversation.shopifyCustomerId)}`;
  const patch = async (body: object) => {
    const response = await fetcher(url, { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`The sandbox store answered ${response.status}`);
    return customerAnswer.parse(await response.json()).customer;
  };
  const before = await patch({});
  const tags = [...before.tags.filter((tag) => !tag.startsWith('demo-change-')), changeTag(now)];
  return { ...(await patch({ tags })), name: conversation.customer.name };
}
