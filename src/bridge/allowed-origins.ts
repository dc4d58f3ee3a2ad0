/**
 * The inbox origins that may talk to the card, as the server wrote them into the page
 * (`<meta name="allowed-host-origins" content="https://a.example https://b.example">`). Never read
 * from the page's URL, which whoever frames the card controls.
 */
export function readAllowedHostOrigins(doc: Pick<Document, 'querySelector'> = document): ReadonlySet<string> {
  const content = doc.querySelector('meta[name="allowed-host-origins"]')?.getAttribute('content') ?? '';
  return new Set(content.split(/[\s,]+/).filter(isOrigin));
}

function isOrigin(value: string): boolean {
  if (value === '') return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
  } catch {
    return false;
  }
}

type Framed = { location: Pick<Location, 'ancestorOrigins'> | Pick<Location, never>; document: Pick<Document, 'referrer'> };

/**
 * Where to send the first message, before the host has spoken: the parent's origin when the browser
 * tells it (`ancestorOrigins`, else the referrer) and it is allowed; otherwise every allowed origin, since
 * a message is delivered only where the target origin matches the parent. Never `*`.
 */
export function firstMessageTargets(win: Framed, allowed: ReadonlySet<string>): string[] {
  const ancestors = 'ancestorOrigins' in win.location ? win.location.ancestorOrigins : undefined;
  const parent = ancestors && ancestors.length > 0 ? ancestors[0] : originOf(win.document.referrer);
  if (parent) return allowed.has(parent) ? [parent] : [];
  return [...allowed];
}

function originOf(url: string): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
