import { credentialInputSchema, type CredentialInput } from '../shared/config-wire';
import { normaliseShopDomain, shopDomainHelp } from '../shared/shop-domain';

export type CredentialKind = CredentialInput['kind'];

/** The longest name the wire takes. */
const NAME_MAX = 100;

/** What the admin types; both kinds share the name and the shop, so switching kind keeps them. */
export type CredentialFormValues = {
  kind: CredentialKind;
  name: string;
  shop: string;
  clientId: string;
  clientSecret: string;
  apiKey: string;
  accessToken: string;
};
export type CredentialFieldName = Exclude<keyof CredentialFormValues, 'kind'>;
export type CredentialFieldErrors = Partial<Record<CredentialFieldName, string>>;

export const emptyCredentialForm: CredentialFormValues = {
  kind: 'client_credentials',
  name: '',
  shop: '',
  clientId: '',
  clientSecret: '',
  apiKey: '',
  accessToken: '',
};

/** The fields each kind asks for, in the order the form shows them (the name comes first for both). */
export const kindFields: Record<CredentialKind, CredentialFieldName[]> = {
  client_credentials: ['name', 'shop', 'clientId', 'clientSecret'],
  access_token: ['name', 'shop', 'apiKey', 'accessToken'],
};

type Checked = { input: CredentialInput; errors: null } | { input: null; errors: CredentialFieldErrors };

/**
 * Checks the form with the schema the server uses, plus the shop rule, and builds the request body.
 * An empty name takes `fallbackName` (the verified shop's name) or else the shop domain.
 */
export function checkCredentialForm(values: CredentialFormValues, fallbackName?: string): Checked {
  const shopDomain = normaliseShopDomain(values.shop);
  const name = values.name.trim() || (fallbackName || shopDomain || values.shop.trim()).slice(0, NAME_MAX);
  const candidate =
    values.kind === 'client_credentials'
      ? { kind: values.kind, name, shop: values.shop, clientId: values.clientId, clientSecret: values.clientSecret }
      : { kind: values.kind, name, shop: values.shop, apiKey: values.apiKey, accessToken: values.accessToken };
  const errors: CredentialFieldErrors = {};
  const parsed = credentialInputSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (typeof field === 'string' && field in values && field !== 'kind') errors[field as CredentialFieldName] ??= issue.message;
    }
  }
  // An empty name is filled in from the shop: only the shop is to blame for it.
  if (values.name.trim() === '') delete errors.name;
  if (!errors.shop && shopDomain === null) errors.shop = shopDomainHelp;
  if (parsed.success && Object.keys(errors).length === 0) return { input: parsed.data, errors: null };
  if (Object.keys(errors).length === 0) errors.shop = shopDomainHelp;
  return { input: null, errors };
}
