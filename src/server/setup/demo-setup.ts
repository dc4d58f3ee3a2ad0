import { defaultFieldMapping } from '../../shared/mapping';
import { basicPeopleMapping } from '../../shared/people';
import { AppError } from '../http/problem';
import type { Credential } from '../storage/credentials-store';
import type { Services } from './services';

/** Instances starting together on one database: one saves the default mapping, the others find it saved. */
function savedByAnother(error: unknown): void {
  if (!(error instanceof AppError && error.code === 'CONFIG_CONFLICT')) throw error;
}

/**
 * Demo mode: the card and People work on first start. Activates the given credential for the card unless an
 * admin already chose one, and saves the default mapping unless one was saved; sets People up the same way
 * (the credential, the basic mapping, activated) unless an admin has set it up already. `sandboxStore` says the
 * credential is the sandbox store's, which the caller knows because it started that store.
 */
export async function preconfigureDemo(
  services: Services,
  credential: Credential,
  { sandboxStore }: { sandboxStore: boolean },
): Promise<void> {
  if (!(await services.settings.activation())?.credentialId) await services.settings.activate(credential.id, 'demo');
  if (!(await services.settings.mapping())) {
    await services.settings.saveMapping(defaultFieldMapping, 0, 'demo').catch(savedByAnother);
  }
  const people = await services.peopleSettings.settings();
  if (!people) {
    await services.peopleSettings.setCredential(credential.id, 'demo');
    if (!(await services.peopleSettings.mapping())) {
      await services.peopleSettings.saveMapping(basicPeopleMapping, 0, 'demo').catch(savedByAnother);
    }
    await services.peopleSettings.setActive(true, 'demo');
  }
  // Against the sandbox store only, a newcomer can try the order actions as an agent: refunds up to 100 USD,
  // tags, the note and draft orders; cancelling stays off until an admin switches it on.
  if (sandboxStore && (await services.actionSettings.current()).version === 0) {
    await services.actionSettings
      .save(
        {
          enabled: { refund: true, cancel: false, orderTags: true, customerTags: true, orderNote: true, draftOrder: true },
          refundLimit: { amount: '100.00', currencyCode: 'USD' },
        },
        0,
        'demo',
      )
      .catch(savedByAnother);
  }
}
