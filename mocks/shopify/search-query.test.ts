import { describe, expect, it } from 'vitest';
import { compileSearch, parseSearchQuery, type SearchFilters } from './search-query';
import { personas } from './store';
import { createTestStore, dig, graphql } from './test-support';

describe('parsing Shopify’s search syntax', () => {
  it('reads field terms, free text and the implicit AND', () => {
    expect(parseSearchQuery('email:bo@example.com tag:vip bob')).toEqual({
      kind: 'and',
      nodes: [
        { kind: 'term', field: 'email', comparator: '=', value: 'bo@example.com', quoted: false, prefix: false, exists: false },
        { kind: 'term', field: 'tag', comparator: '=', value: 'vip', quoted: false, prefix: false, exists: false },
        { kind: 'term', field: null, comparator: '=', value: 'bob', quoted: false, prefix: false, exists: false },
      ],
    });
  });

  it('reads OR, NOT, the minus prefix and parentheses', () => {
    expect(parseSearchQuery('(state:enabled OR state:invited) -tag:b2b NOT tag:press')).toMatchObject({
      kind: 'and',
      nodes: [
        {
          kind: 'or',
          nodes: [
            { field: 'state', value: 'enabled' },
            { field: 'state', value: 'invited' },
          ],
        },
        { kind: 'not', node: { field: 'tag', value: 'b2b' } },
        { kind: 'not', node: { field: 'tag', value: 'press' } },
      ],
    });
  });

  it('gives AND precedence over OR', () => {
    expect(parseSearchQuery('a OR b AND c')).toMatchObject({
      kind: 'or',
      nodes: [{ value: 'a' }, { kind: 'and', nodes: [{ value: 'b' }, { value: 'c' }] }],
    });
  });

  it('keeps a quoted value whole, with backslash escapes inside the quotes', () => {
    expect(parseSearchQuery('email:"x@y.com OR state:ENABLED"')).toMatchObject({
      kind: 'term',
      field: 'email',
      value: 'x@y.com OR state:ENABLED',
      quoted: true,
    });
    expect(parseSearchQuery(String.raw`note:"say \"hi\" \\ bye"`)).toMatchObject({ value: String.raw`say "hi" \ bye` });
  });

  it('reads backslash-escaped special characters in unquoted values', () => {
    expect(parseSearchQuery(String.raw`title:a\:b\(c\)\"d\\e`)).toMatchObject({ kind: 'term', field: 'title', value: 'a:b(c)"d\\e' });
    expect(parseSearchQuery(String.raw`\OR`)).toMatchObject({ kind: 'term', field: null, value: 'OR' });
  });

  it('reads comparators, prefixes and existence', () => {
    expect(parseSearchQuery('orders_count:>=5')).toMatchObject({ field: 'orders_count', comparator: '>=', value: '5' });
    expect(parseSearchQuery("created_at:<'2026-01-01'")).toMatchObject({ comparator: '<', value: '2026-01-01', quoted: true });
    expect(parseSearchQuery('first_name:Am*')).toMatchObject({ value: 'Am', prefix: true, exists: false });
    expect(parseSearchQuery('email:*')).toMatchObject({ exists: true });
  });

  it('treats lower-case and, or and not as plain words', () => {
    expect(parseSearchQuery('salt and pepper')).toMatchObject({
      kind: 'and',
      nodes: [{ value: 'salt' }, { value: 'and' }, { value: 'pepper' }],
    });
  });

  it('reads a blank query as no condition at all', () => {
    expect(parseSearchQuery('   ')).toBeNull();
  });
});

describe('evaluating a query', () => {
  type Row = { id: number; colour: string };
  const filters: SearchFilters<Row> = {
    fields: { colour: (row, term) => row.colour === term.value },
    text: (row, term) => row.colour.startsWith(term.value),
  };
  const rows: Row[] = [
    { id: 1, colour: 'red' },
    { id: 2, colour: 'blue' },
  ];

  it('ignores unknown filters and warns about them, even under NOT', () => {
    const search = compileSearch('size:xl -size:s colour:red', filters);
    expect(rows.filter(search.matches).map((row) => row.id)).toEqual([1]);
    expect(search.warnings).toEqual([
      { field: 'size', message: 'Invalid search field for this query.' },
      { field: 'size', message: 'Invalid search field for this query.' },
    ]);
  });
});

describe('customer search escaping, as the BFF relies on it', () => {
  const search = `query($q: String!) { customers(first: 50, query: $q) { nodes { id } } }`;
  const ids = async (q: string) => {
    const answer = await graphql(createTestStore(), search, { q });
    return (dig(answer.body.data, 'customers', 'nodes') as { id: string }[]).map((node) => node.id);
  };

  it('matches an email exactly and case-insensitively', async () => {
    expect(await ids('email:AMELIE.DUBOIS@example.fr')).toEqual([personas.amelie.id]);
    expect(await ids('email:amelie.dubois@example')).toEqual([]);
  });

  it('widens the search when an unquoted value smuggles in OR', async () => {
    const widened = await ids('email:nobody@example.com OR state:ENABLED');
    expect(widened.length).toBeGreaterThan(10);
  });

  it('matches nothing when the same value is quoted', async () => {
    expect(await ids('email:"nobody@example.com OR state:ENABLED"')).toEqual([]);
    expect(await ids(String.raw`email:"amelie.dubois@example.fr\" OR state:\"ENABLED"`)).toEqual([]);
  });

  it('finds a customer by their own phone, and both members of a household by the phone on their addresses', async () => {
    expect(await ids('phone:"+61412345678"')).toEqual([personas.jack.id]);
    expect(await ids('"+61491570156"')).toEqual([personas.jack.id, personas.emily.id]);
  });

  it('finds customers by name, tag, country, order count and free text', async () => {
    expect(await ids('first_name:amélie last_name:dubois')).toEqual([personas.amelie.id]);
    expect(await ids('tag:"<b>vip</b>"')).toEqual([personas.chloe.id]);
    expect(await ids('country:Japan')).toEqual([personas.hiroshi.id]);
    expect(await ids('orders_count:>200')).toEqual([personas.margaret.id]);
    expect(await ids('wisniewski')).toEqual([personas.lukasz.id]);
    expect(await ids('Taylor -first_name:Jack')).toEqual([personas.emily.id]);
  });
});

describe('order search', () => {
  const search = `query($q: String!) { orders(first: 250, query: $q) { nodes { name email displayFinancialStatus cancelledAt closed } } }`;
  const orders = async (q: string) => {
    const answer = await graphql(createTestStore(), search, { q });
    return dig(answer.body.data, 'orders', 'nodes') as {
      name: string;
      email: string | null;
      displayFinancialStatus: string;
      cancelledAt: string | null;
      closed: boolean;
    }[];
  };

  it('finds an order by name with or without the hash', async () => {
    expect((await orders('name:#1001')).map((order) => order.name)).toEqual(['#1001']);
    expect((await orders('name:1001')).map((order) => order.name)).toEqual(['#1001']);
  });

  it('filters by email, financial status and status', async () => {
    expect((await orders('email:oliver.bennett@example.co.uk')).every((order) => order.email === 'oliver.bennett@example.co.uk')).toBe(
      true,
    );
    const refunded = await orders('financial_status:refunded');
    expect(refunded.length).toBeGreaterThan(0);
    expect(refunded.every((order) => order.displayFinancialStatus === 'REFUNDED')).toBe(true);
    const cancelled = await orders('status:cancelled');
    expect(cancelled.length).toBeGreaterThan(0);
    expect(cancelled.every((order) => order.cancelledAt !== null && order.closed)).toBe(true);
  });

  it('filters by customer id', async () => {
    const numeric = personas.noah.id.split('/').at(-1);
    expect(await orders(`customer_id:${numeric}`)).toHaveLength(3);
  });
});
