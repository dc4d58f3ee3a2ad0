import { requiredScopes, type CredentialView } from '../shared/config-wire';
import { missingScopes } from '../shared/scopes';

/** The required scopes a credential's last verification found missing; none until it is verified. */
export const credentialMissingScopes = (credential: CredentialView): string[] =>
  credential.grantedScopes ? missingScopes(credential.grantedScopes, requiredScopes) : [];
