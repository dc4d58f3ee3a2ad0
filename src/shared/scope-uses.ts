import { actionKinds, actionScopes, type ActionKind } from './actions';
import { cardScopes, missingScopes, peopleSyncScopes } from './scopes';

/*
 * What a credential's scopes allow, use by use: the card, the People sync, and each order action. Apart from
 * scopes.ts, so that the order actions' contract stays out of the configuration page's first paint.
 */

/** A use of a credential: the scopes it needs, and which of them the grant lacks. */
export type ScopeUse = { needs: readonly string[]; missing: string[] };

export type CredentialAllows = {
  card: ScopeUse;
  people: ScopeUse;
  actions: ({ action: ActionKind } & ScopeUse)[];
};

/** For each use of a credential, the scopes it needs and which of them `granted` lacks. */
export function credentialAllows(granted: readonly string[]): CredentialAllows {
  const use = (needs: readonly string[]): ScopeUse => ({ needs, missing: missingScopes(granted, needs) });
  return {
    card: use(cardScopes),
    people: use(peopleSyncScopes),
    actions: actionKinds.map((action) => ({ action, ...use([actionScopes[action]]) })),
  };
}
