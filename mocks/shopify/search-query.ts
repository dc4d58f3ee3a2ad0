/**
 * Shopify's search syntax (the `query:` argument), as far as the context card can meet it:
 * terms separated by whitespace (an implicit AND), `AND`, `OR`, `NOT` and the `-` prefix,
 * parentheses, `field:value`, quoted values with backslash escapes, backslash-escaped special
 * characters in unquoted values, comparators `:>`, `:>=`, `:<`, `:<=`, a trailing `*` for a prefix
 * and bare free-text terms.
 *
 * It is deliberately faithful where a careless client could be hurt: an unquoted value that
 * carries ` OR state:ENABLED` really widens the search here, as it would on Shopify.
 */

export type Comparator = '=' | '<' | '<=' | '>' | '>=';

export type SearchTerm = {
  kind: 'term';
  /** Lower-cased filter name, or null for a free-text term. */
  field: string | null;
  comparator: Comparator;
  value: string;
  quoted: boolean;
  /** `value*`: matches values that start with `value`. */
  prefix: boolean;
  /** `field:*`: matches records that have any value in the field. */
  exists: boolean;
};

export type SearchNode =
  SearchTerm | { kind: 'and'; nodes: SearchNode[] } | { kind: 'or'; nodes: SearchNode[] } | { kind: 'not'; node: SearchNode };

type Token = { type: 'lparen' | 'rparen' | 'and' | 'or' | 'not' } | { type: 'term'; term: SearchTerm };

const isSpace = (char: string | undefined) => char !== undefined && /\s/.test(char);

/** Reads a quoted string starting at the quote; returns the text and the index after it. */
function readQuoted(text: string, start: number): [string, number] {
  const quote = text[start];
  let value = '';
  let i = start + 1;
  while (i < text.length && text[i] !== quote) {
    if (text[i] === '\\' && i + 1 < text.length) i += 1;
    value += text[i];
    i += 1;
  }
  return [value, i + 1];
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (isSpace(char)) {
      i += 1;
      continue;
    }
    if (char === '(') {
      tokens.push({ type: 'lparen' });
      i += 1;
      continue;
    }
    if (char === ')') {
      tokens.push({ type: 'rparen' });
      i += 1;
      continue;
    }
    if (char === '-' && i + 1 < text.length && !isSpace(text[i + 1])) {
      tokens.push({ type: 'not' });
      i += 1;
      continue;
    }
    const [token, next] = readTerm(text, i);
    tokens.push(token);
    i = next;
  }
  return tokens;
}

/** Reads one term (or connective) from `start`; stops at whitespace or an unescaped parenthesis. */
function readTerm(text: string, start: number): [Token, number] {
  let i = start;
  let buffer = '';
  let raw = true; // no escape or quote seen: the word may be a connective
  let quoted = false;
  let field: string | null = null;
  let comparator: Comparator = '=';
  let prefix = false;
  let valueStart = start;

  while (i < text.length) {
    const char = text[i] as string;
    if (isSpace(char) || char === '(' || char === ')') break;
    if (char === '\\' && i + 1 < text.length) {
      buffer += text[i + 1];
      raw = false;
      i += 2;
      continue;
    }
    if (char === '"' || char === "'") {
      const [value, next] = readQuoted(text, i);
      buffer += value;
      quoted = true;
      raw = false;
      i = next;
      continue;
    }
    if (char === ':' && field === null && !quoted && buffer !== '') {
      field = buffer.toLowerCase();
      buffer = '';
      raw = false;
      i += 1;
      const operator = /^(>=|<=|>|<)/.exec(text.slice(i))?.[0];
      if (operator) {
        comparator = operator as Comparator;
        i += operator.length;
      }
      valueStart = i;
      continue;
    }
    buffer += char;
    i += 1;
  }

  if (raw && field === null && (buffer === 'AND' || buffer === 'OR' || buffer === 'NOT')) {
    return [{ type: buffer === 'AND' ? 'and' : buffer === 'OR' ? 'or' : 'not' }, i];
  }
  // A trailing unescaped `*` outside quotes asks for a prefix match.
  const source = text.slice(valueStart, i);
  if (!quoted && source.endsWith('*') && !source.endsWith('\\*')) {
    prefix = true;
    buffer = buffer.slice(0, -1);
  }
  const exists = prefix && buffer === '' && field !== null;
  return [{ type: 'term', term: { kind: 'term', field, comparator, value: buffer, quoted, prefix, exists } }, i];
}

class Parser {
  private position = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token | undefined {
    return this.tokens[this.position];
  }

  parseQuery(): SearchNode | null {
    const parts: SearchNode[] = [];
    while (this.position < this.tokens.length) {
      // A stray closing parenthesis is skipped rather than ending the query.
      if (this.peek()?.type === 'rparen') {
        this.position += 1;
        continue;
      }
      parts.push(this.parseOr());
    }
    if (parts.length === 0) return null;
    return parts.length === 1 ? (parts[0] as SearchNode) : { kind: 'and', nodes: parts };
  }

  private parseOr(): SearchNode {
    const nodes = [this.parseAnd()];
    while (this.peek()?.type === 'or') {
      this.position += 1;
      nodes.push(this.parseAnd());
    }
    return nodes.length === 1 ? (nodes[0] as SearchNode) : { kind: 'or', nodes };
  }

  private parseAnd(): SearchNode {
    const nodes: SearchNode[] = [];
    for (let token = this.peek(); token && token.type !== 'or' && token.type !== 'rparen'; token = this.peek()) {
      if (token.type === 'and') {
        this.position += 1;
        continue;
      }
      const node = this.parseUnary();
      if (node) nodes.push(node);
    }
    return nodes.length === 1 ? (nodes[0] as SearchNode) : { kind: 'and', nodes };
  }

  private parseUnary(): SearchNode | null {
    const token = this.peek();
    if (!token) return null;
    this.position += 1;
    if (token.type === 'not') {
      const node = this.parseUnary();
      return node ? { kind: 'not', node } : null;
    }
    if (token.type === 'lparen') {
      const inner = this.parseOr();
      if (this.peek()?.type === 'rparen') this.position += 1;
      return inner;
    }
    if (token.type === 'term') return token.term;
    return null;
  }
}

/** Parses a search query; null when it holds no term at all (which matches everything). */
export function parseSearchQuery(text: string): SearchNode | null {
  return new Parser(tokenize(text)).parseQuery();
}

export type SearchMatcher<R> = (record: R, term: SearchTerm) => boolean;
export type SearchFilters<R> = {
  /** Filters by field name (lower case). */
  fields: Record<string, SearchMatcher<R>>;
  /** Free-text terms. */
  text: SearchMatcher<R>;
};
export type SearchWarning = { field: string; message: string };

/**
 * Compiles a query against a resource's filters. Like Shopify, a filter the resource does not
 * know is ignored and reported as a warning rather than failing the request.
 */
export function compileSearch<R>(query: string | null | undefined, filters: SearchFilters<R>) {
  const warnings: SearchWarning[] = [];
  const root = query ? parseSearchQuery(query) : null;

  const visit = (node: SearchNode): void => {
    if (node.kind === 'term') {
      if (node.field !== null && !Object.hasOwn(filters.fields, node.field)) {
        warnings.push({ field: node.field, message: 'Invalid search field for this query.' });
      }
    } else if (node.kind === 'not') visit(node.node);
    else node.nodes.forEach(visit);
  };
  if (root) visit(root);

  // null means "ignored": an unknown filter neither matches nor excludes anything.
  const evaluate = (node: SearchNode, record: R): boolean | null => {
    switch (node.kind) {
      case 'term': {
        if (node.field === null) return filters.text(record, node);
        const matcher = filters.fields[node.field];
        return matcher ? matcher(record, node) : null;
      }
      case 'not': {
        const inner = evaluate(node.node, record);
        return inner === null ? null : !inner;
      }
      case 'and': {
        const results = node.nodes.map((child) => evaluate(child, record)).filter((r) => r !== null);
        return results.length === 0 ? null : results.every(Boolean);
      }
      case 'or': {
        const results = node.nodes.map((child) => evaluate(child, record)).filter((r) => r !== null);
        return results.length === 0 ? null : results.some(Boolean);
      }
    }
  };

  return {
    warnings,
    matches: (record: R): boolean => (root ? (evaluate(root, record) ?? true) : true),
  };
}
