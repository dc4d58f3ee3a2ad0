import { afterEach, describe, expect, it } from 'vitest';
import { personas, startSandboxStore, type RunningSandboxStore } from '../../../mocks/shopify/store';
import { createDemoInbox } from './app';
import { demoConversations } from './conversations';

let sandbox: RunningSandboxStore | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

const conversations = demoConversations(personas);
const amelie = conversations.find((c) => c.customer.name === 'Amélie Dubois');
const origin = 'http://127.0.0.1:8788';
const inboxOn = (sandboxOrigin?: string) =>
  createDemoInbox({
    conversations,
    cardOrigin: 'http://localhost:8787',
    appSecret: 'demo-inbox-test-secret-demo-inbox',
    origin,
    sandboxOrigin,
  });
/** A request from the inbox's own page, as its button sends it. */
const ownPage = { Host: '127.0.0.1:8788', Origin: origin };
const change = (inbox: ReturnType<typeof inboxOn>, conversationId: string, headers: Record<string, string> = ownPage) =>
  inbox.request(`${origin}/sandbox-change`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify({ conversationId }),
  });

describe('changing a shopper in the sandbox store from the demo inbox', () => {
  it('tags the conversation’s shopper with when it changed, keeping their tags, and moves updatedAt', async () => {
    sandbox = await startSandboxStore();
    const id = Number(amelie?.shopifyCustomerId?.split('/').pop());
    const before = sandbox.store.index.customersById.get(id);
    const tagsBefore = [...(before?.tags ?? [])];
    const updatedBefore = before?.updatedAt ?? 0;
    const inbox = inboxOn(sandbox.origin);

    const response = await change(inbox, amelie?.id ?? '');
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { name: string; tags: string[] };
    expect(answer.name).toBe('Amélie Dubois');
    expect(answer.tags).toEqual([...tagsBefore, expect.stringMatching(/^demo-change-\d\d:\d\d:\d\d$/)]);
    const after = sandbox.store.index.customersById.get(id);
    expect(after?.tags).toEqual(answer.tags);
    expect(after?.updatedAt).toBeGreaterThanOrEqual(updatedBefore);

    // A second change replaces the demo's tag rather than piling them up.
    const again = (await (await change(inbox, amelie?.id ?? '')).json()) as { tags: string[] };
    expect(again.tags.filter((tag) => tag.startsWith('demo-change-'))).toHaveLength(1);
  });

  it('offers the button only when the demo runs on the sandbox store', async () => {
    sandbox = await startSandboxStore();
    const withSandbox = await (await inboxOn(sandbox.origin).request('/')).text();
    expect(withSandbox).toContain('Change this shopper in the sandbox store');
    const without = inboxOn();
    expect(await (await without.request('/')).text()).not.toContain('Change this shopper in the sandbox store');
    expect((await change(without, amelie?.id ?? '')).status).toBe(404);
  });

  it('refuses an unknown conversation and a malformed body, and says when the store cannot be reached', async () => {
    sandbox = await startSandboxStore();
    const inbox = inboxOn(sandbox.origin);
    expect((await change(inbox, 'conv-nope')).status).toBe(404);
    const malformed = await inbox.request(`${origin}/sandbox-change`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...ownPage },
      body: '{',
    });
    expect(malformed.status).toBe(400);
    const unreachable = inboxOn('http://127.0.0.1:9');
    expect((await change(unreachable, amelie?.id ?? '')).status).toBe(502);
  });

  it('changes shoppers only for a request from its own page (no DNS rebinding, no other origin)', async () => {
    sandbox = await startSandboxStore();
    const inbox = inboxOn(sandbox.origin);
    const tagsBefore = [...(sandbox.store.index.customersById.get(Number(amelie?.shopifyCustomerId?.split('/').pop()))?.tags ?? [])];
    expect((await change(inbox, amelie?.id ?? '', { Host: 'evil.example:8788', Origin: origin })).status).toBe(403);
    expect((await change(inbox, amelie?.id ?? '', { Host: '127.0.0.1:8788', Origin: 'https://evil.example' })).status).toBe(403);
    expect((await change(inbox, amelie?.id ?? '', {})).status).toBe(403);
    expect(sandbox.store.index.customersById.get(Number(amelie?.shopifyCustomerId?.split('/').pop()))?.tags).toEqual(tagsBefore);
  });
});
