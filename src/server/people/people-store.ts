import type { AttributeType, EventKind, PersonEvent } from '../../shared/people';
import { sortableId } from '../storage/sortable-id';
import { containsPattern, type Sql, type SqlValue } from '../storage/sql';

/** The standard People fields that hold one value each. */
export const singleFields = ['firstName', 'lastName', 'address', 'city', 'country', 'birthDate', 'externalId'] as const;
export type SingleField = (typeof singleFields)[number];

export type AttributeValue = { value: string | number | boolean; type: AttributeType; mappingVersion: number };

/**
 * One Shopify customer as the current mapping sees it. Only what the mapping names is present: a field it
 * does not map keeps what an earlier version wrote (nothing is cleared or re-synced retroactively).
 */
export type PersonWrite = {
  shopifyCustomerId: string;
  shopifyUpdatedAt: string | null;
  mappingVersion: number;
  fields: Partial<Record<SingleField, string | null>>;
  emails?: string[];
  phones?: string[];
  tags?: string[];
  attributes: Record<string, AttributeValue>;
};

export type StoredPerson = {
  id: string;
  shopDomain: string;
  shopifyCustomerId: string;
  fields: Record<SingleField, string | null>;
  emails: string[];
  phones: string[];
  tags: string[];
  attributes: Record<string, AttributeValue>;
  fieldVersions: Record<string, number>;
  shopifyUpdatedAt: string | null;
  syncedAt: string;
  createdAt: string;
};

export type EventWrite = {
  shopifyCustomerId: string;
  kind: EventKind;
  sourceId: string;
  occurredAt: string;
  data: Omit<PersonEvent, 'id' | 'kind' | 'occurredAt' | 'sourceId'>;
};

type PersonRow = {
  id: string;
  shop_domain: string;
  shopify_customer_id: string;
  first_name: string | null;
  last_name: string | null;
  address: string | null;
  city: string | null;
  country: string | null;
  birth_date: string | null;
  external_id: string | null;
  tags: string;
  attributes: string;
  field_versions: string;
  shopify_updated_at: string | null;
  synced_at: string;
  created_at: string;
};

const columnOf: Record<SingleField, keyof PersonRow> = {
  firstName: 'first_name',
  lastName: 'last_name',
  address: 'address',
  city: 'city',
  country: 'country',
  birthDate: 'birth_date',
  externalId: 'external_id',
};

const PERSON_COLUMNS =
  'id, shop_domain, shopify_customer_id, first_name, last_name, address, city, country, birth_date, external_id, tags, attributes, ' +
  'field_versions, shopify_updated_at, synced_at, created_at';
const WRITE_COLUMNS = `${PERSON_COLUMNS}, sort_name, search_text`;
const WRITE_WIDTH = WRITE_COLUMNS.split(',').length;

/** Rows per multi-row statement: well inside both engines' parameter limits. */
const ROWS_PER_STATEMENT = 200;

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

const marks = (count: number) => Array.from({ length: count }, () => '?').join(', ');
const rowMarks = (rows: number, width: number) => Array.from({ length: rows }, () => `(${marks(width)})`).join(', ');

function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/** Lower-case words a directory search matches: names, emails, phones (digits too, so "7700 900" finds them). */
function searchText(fields: Record<SingleField, string | null>, emails: string[], phones: string[]): string {
  const words = [fields.firstName, fields.lastName, fields.externalId, ...emails, ...phones, ...phones.map((p) => p.replace(/\D/g, ''))];
  return words.filter(Boolean).join(' ').toLowerCase();
}

function sortName(fields: Record<SingleField, string | null>, emails: string[], shopifyCustomerId: string): string {
  const name = [fields.lastName, fields.firstName].filter(Boolean).join(' ');
  return (name || emails[0] || shopifyCustomerId).toLowerCase();
}

/** The directory of people synced from Shopify: people, their emails and phones, and their events. */
export function createPeopleStore(sql: Sql, now: () => number = Date.now) {
  async function contactsOf(db: Sql, ids: readonly string[]): Promise<Map<string, { emails: string[]; phones: string[] }>> {
    const out = new Map<string, { emails: string[]; phones: string[] }>(ids.map((id) => [id, { emails: [], phones: [] }]));
    for (const part of chunks(ids, ROWS_PER_STATEMENT)) {
      const rows = await db.all<{ person_id: string; kind: 'email' | 'phone'; value: string }>(
        `SELECT person_id, kind, value FROM person_contacts WHERE person_id IN (${marks(part.length)}) ORDER BY value`,
        part,
      );
      for (const row of rows) out.get(row.person_id)?.[row.kind === 'email' ? 'emails' : 'phones'].push(row.value);
    }
    return out;
  }

  function toPerson(row: PersonRow, contacts: { emails: string[]; phones: string[] } | undefined): StoredPerson {
    const fields = Object.fromEntries(singleFields.map((field) => [field, row[columnOf[field]] as string | null])) as Record<
      SingleField,
      string | null
    >;
    return {
      id: row.id,
      shopDomain: row.shop_domain,
      shopifyCustomerId: row.shopify_customer_id,
      fields,
      emails: contacts?.emails ?? [],
      phones: contacts?.phones ?? [],
      tags: parseJson<string[]>(row.tags, []),
      attributes: parseJson<Record<string, AttributeValue>>(row.attributes, {}),
      fieldVersions: parseJson<Record<string, number>>(row.field_versions, {}),
      shopifyUpdatedAt: row.shopify_updated_at,
      syncedAt: row.synced_at,
      createdAt: row.created_at,
    };
  }

  async function withContacts(db: Sql, rows: PersonRow[]): Promise<StoredPerson[]> {
    const contacts = await contactsOf(
      db,
      rows.map((row) => row.id),
    );
    return rows.map((row) => toPerson(row, contacts.get(row.id)));
  }

  /** The merged row for a write: mapped fields replaced, the rest kept from `existing`. */
  function merge(shopDomain: string, write: PersonWrite, existing: StoredPerson | undefined, at: string) {
    const fields = { ...(existing?.fields ?? Object.fromEntries(singleFields.map((f) => [f, null]))) } as Record<
      SingleField,
      string | null
    >;
    const fieldVersions = { ...existing?.fieldVersions };
    for (const [field, value] of Object.entries(write.fields) as [SingleField, string | null][]) {
      fields[field] = value;
      fieldVersions[field] = write.mappingVersion;
    }
    for (const many of ['emails', 'phones', 'tags'] as const) if (write[many]) fieldVersions[many] = write.mappingVersion;
    const emails = write.emails ?? existing?.emails ?? [];
    const phones = write.phones ?? existing?.phones ?? [];
    const tags = write.tags ?? existing?.tags ?? [];
    const attributes = { ...existing?.attributes, ...write.attributes };
    const id = existing?.id ?? sortableId();
    const row: SqlValue[] = [
      id,
      shopDomain,
      write.shopifyCustomerId,
      ...singleFields.map((field) => fields[field]),
      JSON.stringify(tags),
      JSON.stringify(attributes),
      JSON.stringify(fieldVersions),
      write.shopifyUpdatedAt,
      at,
      existing?.createdAt ?? at,
      sortName(fields, emails, write.shopifyCustomerId),
      searchText(fields, emails, phones),
    ];
    return { id, row, emails: write.emails, phones: write.phones };
  }

  return {
    /**
     * Writes a batch of customers in one transaction, keyed by their Shopify GID, so a batch written twice (a
     * resumed run, an overlapping page) changes nothing the second time. A customer an admin deleted stays
     * deleted until Shopify changes it again. Returns how many people were created and updated.
     */
    async upsert(shopDomain: string, writes: readonly PersonWrite[]): Promise<{ created: number; updated: number; skipped: number }> {
      if (writes.length === 0) return { created: 0, updated: 0, skipped: 0 };
      // The last write of a customer in the batch wins, as it would one after another. Emails match whatever their case.
      const latest = [...new Map(writes.map((write) => [write.shopifyCustomerId, write])).values()].map((write) =>
        write.emails ? { ...write, emails: [...new Set(write.emails.map((email) => email.toLowerCase()))] } : write,
      );
      return sql.transaction(async (tx) => {
        const at = new Date(now()).toISOString();
        let created = 0;
        let updated = 0;
        let skipped = 0;
        for (const part of chunks(latest, ROWS_PER_STATEMENT)) {
          const gids = part.map((write) => write.shopifyCustomerId);
          const existingRows = await tx.all<PersonRow>(
            `SELECT ${PERSON_COLUMNS} FROM people WHERE shop_domain = ? AND shopify_customer_id IN (${marks(gids.length)})`,
            [shopDomain, ...gids],
          );
          const existing = new Map((await withContacts(tx, existingRows)).map((person) => [person.shopifyCustomerId, person]));
          const tombstones = new Map(
            (
              await tx.all<{ shopify_customer_id: string; customer_updated_at: string | null }>(
                `SELECT shopify_customer_id, customer_updated_at FROM people_tombstones WHERE shop_domain = ? AND shopify_customer_id IN (${marks(gids.length)})`,
                [shopDomain, ...gids],
              )
            ).map((row) => [row.shopify_customer_id, row.customer_updated_at]),
          );
          const merged = [];
          for (const write of part) {
            if (tombstones.has(write.shopifyCustomerId)) {
              const deletedAt = tombstones.get(write.shopifyCustomerId);
              if (deletedAt && write.shopifyUpdatedAt && write.shopifyUpdatedAt <= deletedAt) {
                skipped += 1;
                continue;
              }
              await tx.run('DELETE FROM people_tombstones WHERE shop_domain = ? AND shopify_customer_id = ?', [
                shopDomain,
                write.shopifyCustomerId,
              ]);
            }
            const before = existing.get(write.shopifyCustomerId);
            if (before) updated += 1;
            else created += 1;
            merged.push(merge(shopDomain, write, before, at));
          }
          if (merged.length === 0) continue;
          const updates = WRITE_COLUMNS.split(', ')
            .filter((column) => !['id', 'shop_domain', 'shopify_customer_id', 'created_at'].includes(column))
            .map((column) => `${column} = excluded.${column}`)
            .join(', ');
          await tx.run(
            `INSERT INTO people (${WRITE_COLUMNS}) VALUES ${rowMarks(merged.length, WRITE_WIDTH)}
             ON CONFLICT (shop_domain, shopify_customer_id) DO UPDATE SET ${updates}`,
            merged.flatMap((m) => m.row),
          );
          for (const kind of ['email', 'phone'] as const) {
            const replaced = merged.filter((m) => (kind === 'email' ? m.emails : m.phones) !== undefined);
            if (replaced.length === 0) continue;
            const ids = replaced.map((m) => m.id);
            await tx.run(`DELETE FROM person_contacts WHERE kind = ? AND person_id IN (${marks(ids.length)})`, [kind, ...ids]);
            const contacts = replaced.flatMap((m) =>
              [...new Set(kind === 'email' ? m.emails : m.phones)].map((value) => [m.id, kind, value]),
            );
            for (const rows of chunks(contacts, ROWS_PER_STATEMENT)) {
              await tx.run(
                `INSERT INTO person_contacts (person_id, kind, value) VALUES ${rowMarks(rows.length, 3)} ON CONFLICT DO NOTHING`,
                rows.flat(),
              );
            }
          }
        }
        return { created, updated, skipped };
      });
    },

    /** Stores events once each (by kind and source id); events of customers not in People are dropped. */
    async recordEvents(shopDomain: string, events: readonly EventWrite[]): Promise<number> {
      if (events.length === 0) return 0;
      return sql.transaction(async (tx) => {
        let stored = 0;
        for (const part of chunks(events, ROWS_PER_STATEMENT)) {
          const gids = [...new Set(part.map((event) => event.shopifyCustomerId))];
          const owners = new Map(
            (
              await tx.all<{ id: string; shopify_customer_id: string }>(
                `SELECT id, shopify_customer_id FROM people WHERE shop_domain = ? AND shopify_customer_id IN (${marks(gids.length)})`,
                [shopDomain, ...gids],
              )
            ).map((row) => [row.shopify_customer_id, row.id]),
          );
          const rows = part.flatMap((event) => {
            const personId = owners.get(event.shopifyCustomerId);
            return personId
              ? [[sortableId(), personId, event.kind, event.sourceId, event.occurredAt, JSON.stringify(event.data)] as SqlValue[]]
              : [];
          });
          if (rows.length === 0) continue;
          stored += await tx.run(
            `INSERT INTO person_events (id, person_id, kind, source_id, occurred_at, data) VALUES ${rowMarks(rows.length, 6)}
             ON CONFLICT (kind, source_id) DO NOTHING`,
            rows.flat(),
          );
        }
        return stored;
      });
    },

    /**
     * Adds phones to people already written (address lines of a bulk file that came after their customer's
     * batch). Known phones are left as they are.
     */
    async addPhones(shopDomain: string, phonesByCustomer: ReadonlyMap<string, readonly string[]>): Promise<void> {
      if (phonesByCustomer.size === 0) return;
      await sql.transaction(async (tx) => {
        for (const part of chunks([...phonesByCustomer.keys()], ROWS_PER_STATEMENT)) {
          const owners = await tx.all<{ id: string; shopify_customer_id: string }>(
            `SELECT id, shopify_customer_id FROM people WHERE shop_domain = ? AND shopify_customer_id IN (${marks(part.length)})`,
            [shopDomain, ...part],
          );
          const rows = owners.flatMap((owner) =>
            (phonesByCustomer.get(owner.shopify_customer_id) ?? []).map((phone) => [owner.id, 'phone', phone]),
          );
          for (const batch of chunks(rows, ROWS_PER_STATEMENT)) {
            await tx.run(
              `INSERT INTO person_contacts (person_id, kind, value) VALUES ${rowMarks(batch.length, 3)} ON CONFLICT DO NOTHING`,
              batch.flat(),
            );
          }
          // The directory's search finds them by these phones too.
          for (const owner of owners) {
            const phones = phonesByCustomer.get(owner.shopify_customer_id) ?? [];
            const words = phones.flatMap((phone) => [phone, phone.replace(/\D/g, '')]).join(' ');
            if (words) await tx.run("UPDATE people SET search_text = search_text || ' ' || ? WHERE id = ?", [words, owner.id]);
          }
        }
      });
    },

    /**
     * One committed batch of a sync: people, their events and late address phones in one transaction (one
     * commit per batch, not three).
     */
    async writeBatch(
      shopDomain: string,
      batch: { writes: readonly PersonWrite[]; events: readonly EventWrite[]; phones?: ReadonlyMap<string, readonly string[]> },
    ): Promise<{ created: number; updated: number; skipped: number; events: number }> {
      return sql.transaction(async (tx) => {
        const inTransaction = createPeopleStore(tx, now);
        const counts = await inTransaction.upsert(shopDomain, batch.writes);
        const events = await inTransaction.recordEvents(shopDomain, batch.events);
        if (batch.phones?.size) await inTransaction.addPhones(shopDomain, batch.phones);
        return { ...counts, events };
      });
    },

    async get(id: string): Promise<StoredPerson | null> {
      const row = await sql.get<PersonRow>(`SELECT ${PERSON_COLUMNS} FROM people WHERE id = ?`, [id]);
      return row ? ((await withContacts(sql, [row]))[0] ?? null) : null;
    },

    async events(personId: string, limit = 200): Promise<PersonEvent[]> {
      const rows = await sql.all<{ id: string; kind: EventKind; source_id: string; occurred_at: string; data: string }>(
        'SELECT id, kind, source_id, occurred_at, data FROM person_events WHERE person_id = ? ORDER BY occurred_at DESC, id DESC LIMIT ?',
        [personId, limit],
      );
      return rows.map((row) => ({
        ...parseJson<Record<string, unknown>>(row.data, {}),
        id: row.id,
        kind: row.kind,
        sourceId: row.source_id,
        occurredAt: row.occurred_at,
      }));
    },

    /**
     * The people of a shop with this email or phone (E.164), among every email and phone People keeps for
     * them, address phones included; most recently changed in Shopify first.
     */
    async findByContact(shopDomain: string, kind: 'email' | 'phone', value: string): Promise<StoredPerson[]> {
      const rows = await sql.all<PersonRow>(
        `SELECT ${PERSON_COLUMNS.split(', ')
          .map((column) => `p.${column}`)
          .join(', ')} FROM person_contacts c JOIN people p ON p.id = c.person_id
         WHERE c.kind = ? AND c.value = ? AND p.shop_domain = ? ORDER BY p.shopify_updated_at DESC, p.id LIMIT 10`,
        [kind, kind === 'email' ? value.toLowerCase() : value, shopDomain],
      );
      return withContacts(sql, rows);
    },

    /**
     * The one Shopify customer People knows by this email or phone (E.164) in this shop, while the sync is
     * active for it; null when there is none, several (the card's own search tells them apart), or People is
     * not set up for this shop.
     */
    async customerFor(shopDomain: string, kind: 'email' | 'phone', value: string): Promise<string | null> {
      const rows = await sql.all<{ shopify_customer_id: string }>(
        `SELECT DISTINCT p.shopify_customer_id FROM person_contacts c
           JOIN people p ON p.id = c.person_id
           JOIN people_settings s ON s.id = 1 AND s.active = 1
           JOIN credentials k ON k.id = s.credential_id AND k.shop_domain = p.shop_domain
         WHERE c.kind = ? AND c.value = ? AND p.shop_domain = ? LIMIT 2`,
        [kind, kind === 'email' ? value.toLowerCase() : value, shopDomain],
      );
      return rows.length === 1 ? (rows[0]?.shopify_customer_id ?? null) : null;
    },

    /** The customer's latest abandoned checkout since `since` (ISO), as People stored it. */
    async latestCheckout(
      shopDomain: string,
      shopifyCustomerId: string,
      since: string,
    ): Promise<(PersonEvent & { kind: 'checkout_abandoned' }) | null> {
      const row = await sql.get<{ id: string; source_id: string; occurred_at: string; data: string }>(
        `SELECT e.id, e.source_id, e.occurred_at, e.data FROM person_events e JOIN people p ON p.id = e.person_id
         WHERE p.shop_domain = ? AND p.shopify_customer_id = ? AND e.kind = 'checkout_abandoned' AND e.occurred_at >= ?
         ORDER BY e.occurred_at DESC LIMIT 1`,
        [shopDomain, shopifyCustomerId, since],
      );
      if (!row) return null;
      return {
        ...parseJson<Record<string, unknown>>(row.data, {}),
        id: row.id,
        kind: 'checkout_abandoned',
        sourceId: row.source_id,
        occurredAt: row.occurred_at,
      };
    },

    /** A page of the directory in name order; `query` matches names, emails and phones anywhere. */
    async list(options: { query?: string; after?: { sortName: string; id: string } | null; limit: number }) {
      const where: string[] = [];
      const params: SqlValue[] = [];
      const query = options.query?.trim().toLowerCase();
      if (query) {
        where.push("search_text LIKE ? ESCAPE '\\'");
        params.push(containsPattern(query));
      }
      if (options.after) {
        where.push('(sort_name > ? OR (sort_name = ? AND id > ?))');
        params.push(options.after.sortName, options.after.sortName, options.after.id);
      }
      const rows = await sql.all<PersonRow & { sort_name: string }>(
        `SELECT ${PERSON_COLUMNS}, sort_name FROM people ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY sort_name, id LIMIT ?`,
        [...params, options.limit + 1],
      );
      const page = rows.slice(0, options.limit);
      const last = page.at(-1);
      return {
        people: await withContacts(sql, page),
        next: rows.length > options.limit && last ? { sortName: last.sort_name, id: last.id } : null,
      };
    },

    /**
     * Deletes a person with its contacts and events. The sync will not bring them back until Shopify changes
     * that customer again (a tombstone remembers the customer's last change).
     */
    async remove(id: string, by: string): Promise<boolean> {
      return sql.transaction(async (tx) => {
        const row = await tx.get<{ shop_domain: string; shopify_customer_id: string; shopify_updated_at: string | null }>(
          'SELECT shop_domain, shopify_customer_id, shopify_updated_at FROM people WHERE id = ?',
          [id],
        );
        if (!row) return false;
        await tx.run(
          `INSERT INTO people_tombstones (shop_domain, shopify_customer_id, customer_updated_at, deleted_by, deleted_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (shop_domain, shopify_customer_id) DO UPDATE SET customer_updated_at = excluded.customer_updated_at,
             deleted_by = excluded.deleted_by, deleted_at = excluded.deleted_at`,
          [row.shop_domain, row.shopify_customer_id, row.shopify_updated_at, by, new Date(now()).toISOString()],
        );
        // Contacts and events go with the person (ON DELETE CASCADE).
        await tx.run('DELETE FROM people WHERE id = ?', [id]);
        return true;
      });
    },

    async counts(): Promise<{ people: number; events: number }> {
      const people = await sql.get<{ n: number }>('SELECT COUNT(*) AS n FROM people');
      const events = await sql.get<{ n: number }>('SELECT COUNT(*) AS n FROM person_events');
      return { people: people?.n ?? 0, events: events?.n ?? 0 };
    },
  };
}
export type PeopleStore = ReturnType<typeof createPeopleStore>;
