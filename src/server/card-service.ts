import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { AppScopes } from './shopify/card-operations';
import { fieldDefinition, type FieldKey, type FieldValue } from '../shared/fields';
import type { FieldMapping } from '../shared/mapping';
import type { CardLookup, CardResponse, CustomerCandidate, MatchedIdentifier } from '../shared/wire';
import type { Viewer } from './auth/tokens';
import { cardOperations, customerCandidatesOperation, FIRST_PAGE_SIZE } from './shopify/card-operations';
import type { ShopifyGateway } from './shopify/gateway';
import { searchTerm } from './shopify/search-syntax';
import type { Credential, CredentialsStore } from './storage/credentials-store';
import type { CardSettingsStore } from './storage/card-settings-store';

type Node = Record<string, unknown>;
type CustomerNode = Node & { id: string; displayName: string; numberOfOrders: string; orders: { nodes: (Node & { id: string; name: string })[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };

/** E.164 for what hosts send: `+44 7700 900123`, `447700900123` (Infobip sends no plus), `00447700900123`. */
export function normalisePhone(raw: string): string | null {
  const compact = raw.replace(/[\s().-]/g, '');
  const withPlus = compact.startsWith('+') ? compact : compact.startsWith('00') ? `+${compact.slice(2)}` : `+${compact}`;
  if (!/^\+\d{6,15}$/.test(withPlus)) return null;
  const parsed = parsePhoneNumberFromString(withPlus);
  return parsed?.isPossible() ? parsed.number : null;
}

/** `+44 7700 900123`: how an agent reads a phone back to the shopper. */
export function displayPhone(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}

function readFields(node: Node, keys: readonly FieldKey[]): Partial<Record<FieldKey, FieldValue | null>> {
  return Object.fromEntries(keys.map((key) => [key, fieldDefinition(key).read(node)]));
}

function count(value: unknown): number {
  const n = Number(value);
  return Number.isFinite(n) ? n : 0;
}

export function createCardService(deps: {
  credentials: CredentialsStore;
  settings: CardSettingsStore;
  shopify: ShopifyGateway;
}) {
  const operationsByMapping = new Map<string, ReturnType<typeof cardOperations>>();
  function operationsFor(version: number, mapping: FieldMapping) {
    const key = String(version);
    let ops = operationsByMapping.get(key);
    if (!ops) {
      ops = cardOperations(mapping);
      operationsByMapping.set(key, ops);
    }
    return ops;
  }

  function activeSetup(viewer: Viewer) {
    const activation = deps.settings.activation();
    const credential = activation?.credentialId ? deps.credentials.get(activation.credentialId) : null;
    const saved = deps.settings.mapping();
    if (!credential || !saved) {
      const missing = [...(credential ? [] : ['credential' as const]), ...(saved ? [] : ['mapping' as const])];
      const pending: CardResponse = { state: 'configuration_pending', missing, viewer: { role: viewer.role } };
      return { ready: false as const, pending };
    }
    return { ready: true as const, credential, saved };
  }

  function matched(node: CustomerNode, matchedBy: MatchedIdentifier, mapping: FieldMapping, credential: Credential, scopes: AppScopes): CardResponse {
    const granted = new Set(scopes.currentAppInstallation.accessScopes.map((scope) => scope.handle));
    return {
      state: 'matched',
      matchedBy,
      customer: {
        id: node.id,
        displayName: node.displayName,
        numberOfOrders: count(node.numberOfOrders),
        fields: readFields(node, mapping.customerDetails),
      },
      orders: {
        nodes: node.orders.nodes.map((order) => ({ id: order.id, name: order.name, fields: readFields(order, mapping.orderCard) })),
        pageInfo: node.orders.pageInfo,
      },
      mapping,
      shop: { domain: credential.shopDomain, allOrdersVisible: granted.has('read_all_orders') },
      fetchedAt: new Date().toISOString(),
    };
  }

  async function candidates(credential: Credential, query: string): Promise<CustomerCandidate[]> {
    const { data } = await deps.shopify.query<{ customers: { nodes: Node[] } }>(credential, customerCandidatesOperation, { query });
    return data.customers.nodes.map((node) => ({
      id: String(node.id),
      displayName: String(node.displayName),
      numberOfOrders: count(node.numberOfOrders),
      email: fieldDefinition('customer.email').read(node) as string | null,
      phone: fieldDefinition('customer.phone').read(node) as string | null,
    }));
  }

  return {
    async open(lookup: CardLookup, viewer: Viewer): Promise<CardResponse> {
      const setup = activeSetup(viewer);
      if (!setup.ready) return setup.pending;
      const { credential, saved } = setup;
      const ops = operationsFor(saved.version, saved.mapping);

      if (lookup.customerId) {
        const { data } = await deps.shopify.query<{ customer: CustomerNode | null } & AppScopes>(credential, ops.byId, { id: lookup.customerId, first: FIRST_PAGE_SIZE });
        const tried: MatchedIdentifier = { kind: 'customerId', value: lookup.customerId };
        return data.customer ? matched(data.customer, tried, saved.mapping, credential, data) : { state: 'not_found', tried: [tried] };
      }

      let tried: MatchedIdentifier;
      let query: string;
      if (lookup.email) {
        tried = { kind: 'email', value: lookup.email };
        query = searchTerm('email', lookup.email);
      } else {
        const phone = normalisePhone(lookup.phone ?? '');
        tried = { kind: 'phone', value: phone ?? lookup.phone ?? '', ...(phone ? { display: displayPhone(phone) } : {}) };
        if (!phone) return { state: 'not_found', tried: [tried] };
        query = searchTerm('phone', phone);
      }
      const { data } = await deps.shopify.query<{ customers: { nodes: CustomerNode[] } } & AppScopes>(credential, ops.bySearch, { query, first: FIRST_PAGE_SIZE });
      const [first, second] = data.customers.nodes;
      if (!first) return { state: 'not_found', tried: [tried] };
      if (second) return { state: 'multiple', tried: [tried], candidates: await candidates(credential, query) };
      return matched(first, tried, saved.mapping, credential, data);
    },
  };
}
export type CardService = ReturnType<typeof createCardService>;
