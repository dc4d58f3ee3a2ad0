import { defaultFieldMapping } from '../../shared/mapping';
import { basicPeopleMapping } from '../../shared/people';
import type { Credential } from '../storage/credentials-store';
import type { Services } from './services';

/**
 * Demo mode: the card and People work on first start. Activates the given credential for the card unless an
 * admin already chose one, and saves the default mapping unless one was saved; sets People up the same way
 * (the credential, the basic mapping, activated) unless an admin has set it up already.
 */
export async function preconfigureDemo(services: Services, credential: Credential): Promise<void> {
  if (!services.settings.activation()?.credentialId) services.settings.activate(credential.id, 'demo');
  if (!services.settings.mapping()) services.settings.saveMapping(defaultFieldMapping, 0, 'demo');
  const people = await services.peopleSettings.settings();
  if (!people) {
    await services.peopleSettings.setCredential(credential.id, 'demo');
    if (!(await services.peopleSettings.mapping())) await services.peopleSettings.saveMapping(basicPeopleMapping, 0, 'demo');
    await services.peopleSettings.setActive(true, 'demo');
  }
  // Against the sandbox store only, a newcomer can try the order actions as an agent: refunds up to 100 USD,
  // tags, the note and draft orders; cancelling stays off until an admin switches it on.
  const { sandboxShop } = await import('../../../mocks/shopify/store');
  if (credential.shopDomain === sandboxShop.domain && (await services.actionSettings.current()).version === 0) {
    await services.actionSettings.save(
      {
        enabled: { refund: true, cancel: false, orderTags: true, customerTags: true, orderNote: true, draftOrder: true },
        refundLimit: { amount: '100.00', currencyCode: 'USD' },
      },
      0,
      'demo',
    );
  }
}
