/**
 * The configuration API as the BFF answers it, over an in-memory set-up: credentials (secrets kept
 * here, never sent), activation, and the field mapping with its version check. Shopify is played by
 * one shop, Linden & Loom, that accepts exactly the secrets below.
 */
import { http, HttpResponse, type RequestHandler } from 'msw';
import {
  activationInputSchema,
  credentialInputSchema,
  credentialPatchSchema,
  mappingDraftSchema,
  mappingSaveSchema,
  requiredScopes,
  type ConfigOverview,
  type CredentialInput,
  type CredentialView,
  type VerifyResult,
  type StoredDraftView,
} from '../../src/shared/config-wire';
import { missingScopes } from '../../src/shared/scopes';
import { normaliseShopDomain, shopDomainHelp } from '../../src/shared/shop-domain';
import { problem } from './problems';

export const mockShop = {
  domain: 'linden-and-loom.myshopify.com',
  name: 'Linden & Loom',
  clientId: 'sandbox-client-id-linden-and-loom',
  clientSecret: 'sandbox-client-secret-linden-and-loom',
  apiKey: 'sandbox-api-key-linden-and-loom',
  accessToken: 'sandbox-legacy-admin-token',
} as const;

/** Who the mock says saved or activated: the BFF takes it from the token's `sub`. */
export const mockAdmin = 'admin-1';

const NOW = '2026-11-20T10:00:00.000Z';

export function sandboxCredential(change: Partial<CredentialView> = {}): CredentialView {
  return {
    id: 'cred-sandbox',
    name: 'Linden & Loom (sandbox store)',
    kind: 'client_credentials',
    shopDomain: mockShop.domain,
    clientId: mockShop.clientId,
    secretHint: '••••loom',
    source: 'sandbox',
    status: 'verified',
    verifiedAt: '2026-11-01T08:00:00.000Z',
    grantedScopes: [...requiredScopes, 'read_all_orders'],
    createdAt: '2026-11-01T08:00:00.000Z',
    updatedAt: '2026-11-01T08:00:00.000Z',
    ...change,
  };
}

/** Nothing configured: what a new admin finds. */
export function emptyOverview(): ConfigOverview {
  return { credentials: [], activation: null, mapping: null, draft: null };
}

/** A card in use: the sandbox credential active and a mapping saved by another admin. */
export function configuredOverview(): ConfigOverview {
  return {
    credentials: [sandboxCredential()],
    activation: { credentialId: 'cred-sandbox', changedBy: 'demo', changedAt: '2026-11-01T08:00:00.000Z' },
    mapping: {
      version: 3,
      savedBy: 'ana@example.com',
      savedAt: '2026-11-19T16:30:00.000Z',
      mapping: {
        orderCard: ['order.name', 'order.totalPrice'],
        orderDetails: ['order.lineItems', 'order.tracking', 'order.shippingAddress'],
        customerDetails: ['customer.email', 'customer.phone', 'customer.amountSpent'],
      },
    },
    draft: null,
  };
}

export type ConfigApiOptions = {
  /** Scopes the mock shop grants; all required ones plus read_all_orders unless given. */
  grantedScopes?: readonly string[];
};

type Stored = { view: CredentialView; secret: string };

/** The token itself is not checked here; the BFF's own tests cover signatures, expiry and roles. */
const hasBearer = (request: Request) => /^Bearer \S+$/.test(request.headers.get('Authorization') ?? '');

/** Who is asking, by the token's `sub` (read, not checked); drafts are kept per admin, as the BFF keeps them. */
function subjectOf(request: Request): string {
  const payload = /^Bearer [^.]*\.([^.]+)\./.exec(request.headers.get('Authorization') ?? '')?.[1] ?? '';
  try {
    const bytes = Uint8Array.from(atob(payload.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
    const sub = (JSON.parse(new TextDecoder().decode(bytes)) as { sub?: unknown }).sub;
    return typeof sub === 'string' ? sub : mockAdmin;
  } catch {
    return mockAdmin;
  }
}

function hint(secret: string) {
  return secret.length <= 8 ? '••••' : `••••${secret.slice(-4)}`;
}

/**
 * Handlers over their own copy of `initial`, so a test starts from a known set-up:
 * `server.use(...configApi(emptyOverview()).handlers)`. `state` lets a test change the set-up
 * behind the page's back (another admin saving, for instance).
 */
export function configApi(initial: ConfigOverview = configuredOverview(), options: ConfigApiOptions = {}) {
  const granted = [...(options.grantedScopes ?? [...requiredScopes, 'read_all_orders'])];
  const state = {
    credentials: initial.credentials.map((view): Stored => ({
      view: structuredClone(view),
      secret: view.kind === 'client_credentials' ? mockShop.clientSecret : mockShop.accessToken,
    })),
    activation: structuredClone(initial.activation),
    mapping: structuredClone(initial.mapping),
    /** Unsaved drafts by admin; `initial.draft` belongs to the mock admin. */
    drafts: new Map<string, StoredDraftView>(initial.draft ? [[mockAdmin, structuredClone(initial.draft)]] : []),
  };
  let nextId = 1;

  const overview = (sub: string): ConfigOverview => ({
    credentials: state.credentials.map((c) => c.view),
    activation: state.activation,
    mapping: state.mapping,
    draft: state.drafts.get(sub) ?? null,
  });
  const find = (id: string) => state.credentials.find((c) => c.view.id === id);

  /** What Shopify would say to these credentials: a result, or the problem the BFF would send. */
  function verify(kind: CredentialInput['kind'], shop: string, secret: string): VerifyResult | Response {
    if (shop !== mockShop.domain)
      return problem('SHOP_NOT_FOUND', 'Shopify does not know this shop', `Shopify does not know the shop ${shop}; check the shop name.`);
    const right = kind === 'client_credentials' ? mockShop.clientSecret : mockShop.accessToken;
    if (secret !== right) {
      return problem(
        'CREDENTIALS_INVALID',
        'Shopify rejected the credentials',
        kind === 'client_credentials'
          ? `Shopify refused the client ID or secret for ${shop}.`
          : `Shopify does not accept this Admin API access token for ${shop}.`,
      );
    }
    const has = new Set(granted);
    return {
      shopName: mockShop.name,
      shopDomain: mockShop.domain,
      grantedScopes: granted,
      missingScopes: missingScopes(granted, requiredScopes),
      allOrdersVisible: has.has('read_all_orders'),
    };
  }

  async function body(request: Request): Promise<unknown> {
    return request.json().catch(() => null);
  }

  function badRequest(issues: readonly { path: readonly PropertyKey[]; message: string }[]) {
    return problem(
      'BAD_REQUEST',
      'The request is not valid',
      issues.map((i) => `${i.path.map(String).join('.') || '(body)'}: ${i.message}`).join('; '),
    );
  }

  function parseCredential(raw: unknown): { input: CredentialInput; shop: string; secret: string; clientId: string } | Response {
    const parsed = credentialInputSchema.safeParse(raw);
    if (!parsed.success) return badRequest(parsed.error.issues);
    const shop = normaliseShopDomain(parsed.data.shop);
    if (!shop) return problem('BAD_REQUEST', 'The request is not valid', `shop: ${shopDomainHelp}.`);
    const input = parsed.data;
    return input.kind === 'client_credentials'
      ? { input, shop, secret: input.clientSecret, clientId: input.clientId }
      : { input, shop, secret: input.accessToken, clientId: input.apiKey };
  }

  const admin =
    (
      handler: (info: { request: Request; params: Record<string, string | readonly string[] | undefined> }) => Promise<Response> | Response,
    ) =>
    (info: { request: Request; params: Record<string, string | readonly string[] | undefined> }) =>
      hasBearer(info.request) ? handler(info) : problem('UNAUTHENTICATED', 'Sign-in required');

  const idOf = (params: Record<string, string | readonly string[] | undefined>) => String(params.id);

  const handlers: RequestHandler[] = [
    http.get(
      '/api/config',
      admin(({ request }) => HttpResponse.json(overview(subjectOf(request)))),
    ),
    http.put(
      '/api/config/draft',
      admin(async ({ request }) => {
        const parsed = mappingDraftSchema.safeParse(await body(request));
        if (!parsed.success) return badRequest(parsed.error.issues);
        state.drafts.set(subjectOf(request), { ...parsed.data, changedAt: NOW });
        return new HttpResponse(null, { status: 204 });
      }),
    ),
    http.delete(
      '/api/config/draft',
      admin(({ request }) => {
        state.drafts.delete(subjectOf(request));
        return new HttpResponse(null, { status: 204 });
      }),
    ),
    http.post(
      '/api/config/verify-credentials',
      admin(async ({ request }) => {
        const typed = parseCredential(await body(request));
        if (typed instanceof Response) return typed;
        const result = verify(typed.input.kind, typed.shop, typed.secret);
        return result instanceof Response ? result : HttpResponse.json(result);
      }),
    ),
    http.post(
      '/api/config/credentials',
      admin(async ({ request }) => {
        const typed = parseCredential(await body(request));
        if (typed instanceof Response) return typed;
        const verified = !(verify(typed.input.kind, typed.shop, typed.secret) instanceof Response);
        const view: CredentialView = {
          id: `cred-${nextId++}`,
          name: typed.input.name,
          kind: typed.input.kind,
          shopDomain: typed.shop,
          clientId: typed.clientId,
          secretHint: hint(typed.secret),
          source: 'ui',
          status: verified ? 'verified' : 'invalid',
          verifiedAt: verified ? NOW : null,
          grantedScopes: verified ? [...granted] : null,
          createdAt: NOW,
          updatedAt: NOW,
        };
        state.credentials.push({ view, secret: typed.secret });
        return HttpResponse.json(view, { status: 201 });
      }),
    ),
    http.post(
      '/api/config/credentials/:id/verify',
      admin(({ params }) => {
        const stored = find(idOf(params));
        if (!stored) return problem('NOT_FOUND', 'Not found', `There is no credential ${idOf(params)}.`);
        const result = verify(stored.view.kind, stored.view.shopDomain, stored.secret);
        stored.view = {
          ...stored.view,
          status: result instanceof Response ? 'invalid' : 'verified',
          verifiedAt: result instanceof Response ? stored.view.verifiedAt : NOW,
          grantedScopes: result instanceof Response ? stored.view.grantedScopes : result.grantedScopes,
        };
        return result instanceof Response ? result : HttpResponse.json(result);
      }),
    ),
    http.patch(
      '/api/config/credentials/:id',
      admin(async ({ request, params }) => {
        const stored = find(idOf(params));
        if (!stored) return problem('NOT_FOUND', 'Not found', `There is no credential ${idOf(params)}.`);
        const parsed = credentialPatchSchema.safeParse(await body(request));
        if (!parsed.success) return badRequest(parsed.error.issues);
        const { name, secret } = parsed.data;
        if (name === undefined && secret === undefined)
          return problem('BAD_REQUEST', 'The request is not valid', 'Send a new name, a new secret, or both.');
        if (secret !== undefined) {
          stored.secret = secret;
          stored.view = { ...stored.view, secretHint: hint(secret), status: 'unverified', verifiedAt: null, grantedScopes: null };
        }
        if (name !== undefined) stored.view = { ...stored.view, name };
        stored.view = { ...stored.view, updatedAt: NOW };
        return HttpResponse.json(stored.view);
      }),
    ),
    http.delete(
      '/api/config/credentials/:id',
      admin(({ params }) => {
        const stored = find(idOf(params));
        if (!stored) return problem('NOT_FOUND', 'Not found', `There is no credential ${idOf(params)}.`);
        if (state.activation?.credentialId === stored.view.id) {
          return problem(
            'CREDENTIAL_IN_USE',
            'The credential is in use',
            `"${stored.view.name}" is the credential the Shopify Conversations Block uses: deactivate the card or activate another credential first.`,
          );
        }
        state.credentials = state.credentials.filter((c) => c !== stored);
        return new HttpResponse(null, { status: 204 });
      }),
    ),
    http.put(
      '/api/config/activation',
      admin(async ({ request }) => {
        const parsed = activationInputSchema.safeParse(await body(request));
        if (!parsed.success) return badRequest(parsed.error.issues);
        const { credentialId } = parsed.data;
        if (credentialId !== null && !find(credentialId))
          return problem('NOT_FOUND', 'Not found', `There is no credential ${credentialId} to activate.`);
        state.activation = { credentialId, changedBy: mockAdmin, changedAt: NOW };
        return HttpResponse.json(state.activation);
      }),
    ),
    http.put(
      '/api/config/mapping',
      admin(async ({ request }) => {
        const parsed = mappingSaveSchema.safeParse(await body(request));
        if (!parsed.success) return badRequest(parsed.error.issues);
        const current = state.mapping?.version ?? 0;
        if (parsed.data.version !== current) {
          return problem(
            'CONFIG_CONFLICT',
            'Someone else saved first',
            `The field mapping was saved by someone else (version ${current}); reload to see it.`,
          );
        }
        state.mapping = { version: current + 1, mapping: parsed.data.mapping, savedBy: subjectOf(request), savedAt: NOW };
        state.drafts.delete(subjectOf(request));
        return HttpResponse.json(state.mapping);
      }),
    ),
  ];

  return { handlers, state };
}

export const configHandlers = configApi().handlers;
