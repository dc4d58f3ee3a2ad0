/**
 * "Change this shopper in the sandbox store": asks the demo inbox to change the open conversation's shopper in
 * the sandbox store, as a merchant would in Shopify, and says what changed and how to see People pick it up.
 */
import type { DemoConversation } from '../conversations';
import { byId } from './demo-inbox';

type Answer = { name?: string; tags?: string[]; error?: string };

export function sandboxChange(selected: () => DemoConversation | null): { show(conversation: DemoConversation): void } {
  const control = byId('sandbox-change');
  const button = byId<HTMLButtonElement>('sandbox-change-button');
  const status = byId('sandbox-change-status');

  button.addEventListener('click', () => {
    const conversation = selected();
    if (!conversation || button.getAttribute('aria-disabled') === 'true') return;
    button.setAttribute('aria-disabled', 'true');
    status.textContent = 'Changing…';
    void fetch('/sandbox-change', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ conversationId: conversation.id }),
    })
      .then(async (response) => ({ ok: response.ok, answer: (await response.json()) as Answer }))
      .then(({ ok, answer }) => {
        status.textContent = ok
          ? `Changed ${answer.name ?? 'the shopper'} in the sandbox store: tags ${(answer.tags ?? []).join(', ')}. ` +
            'The next People run picks it up (or select Run now on the configuration’s Integrations tab).'
          : (answer.error ?? 'The sandbox store could not change this shopper.');
      })
      .catch(() => {
        status.textContent = 'The demo inbox could not be reached.';
      })
      .finally(() => button.removeAttribute('aria-disabled'));
  });

  return {
    show(conversation) {
      control.hidden = !conversation.shopifyCustomerId;
      status.textContent = '';
    },
  };
}
