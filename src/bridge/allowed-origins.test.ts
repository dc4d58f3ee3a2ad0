import { firstMessageTargets, readAllowedHostOrigins } from './allowed-origins';

function page(content: string | null) {
  const doc = document.implementation.createHTMLDocument('card');
  if (content !== null) {
    const meta = doc.createElement('meta');
    meta.name = 'allowed-host-origins';
    meta.content = content;
    doc.head.append(meta);
  }
  return doc;
}

describe('the allowed host origins', () => {
  it('are read from the meta element the server wrote', () => {
    expect([...readAllowedHostOrigins(page('https://inbox.example.com http://127.0.0.1:8788'))]).toEqual([
      'https://inbox.example.com',
      'http://127.0.0.1:8788',
    ]);
  });

  it('keep only exact origins', () => {
    const origins = readAllowedHostOrigins(
      page('https://inbox.example.com/app * null javascript:alert(1) https://ok.example,https://also.example'),
    );
    expect([...origins]).toEqual(['https://ok.example', 'https://also.example']);
  });

  it('are none without the meta element', () => {
    expect(readAllowedHostOrigins(page(null)).size).toBe(0);
  });
});

describe('where the first message goes', () => {
  const allowed = new Set(['https://inbox.example.com', 'https://desk.example.org']);
  const win = (ancestor: string | undefined, referrer = '') => ({
    location: ancestor === undefined ? {} : { ancestorOrigins: Object.assign([ancestor], { contains: () => true, item: () => ancestor }) },
    document: { referrer },
  });

  it("is the parent's origin when the browser names it and it is allowed", () => {
    expect(firstMessageTargets(win('https://desk.example.org'), allowed)).toEqual(['https://desk.example.org']);
    expect(firstMessageTargets(win(undefined, 'https://inbox.example.com/conversations/7'), allowed)).toEqual([
      'https://inbox.example.com',
    ]);
  });

  it('is nowhere when the parent is not allowed', () => {
    expect(firstMessageTargets(win('https://evil.example'), allowed)).toEqual([]);
  });

  it('is each allowed origin when the browser does not say, never "*"', () => {
    expect(firstMessageTargets(win(undefined), allowed)).toEqual(['https://inbox.example.com', 'https://desk.example.org']);
  });
});
