const ATTRIBUTE_ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;' };

/**
 * Tells the page which inbox origins may talk to it over postMessage, as
 * `<meta name="allowed-host-origins" content="https://a.example https://b.example">`. The list comes
 * from the server's configuration at serve time, never from the page's own URL.
 */
export function withAllowedHostOrigins(html: string, origins: readonly string[]): string {
  const content = origins.join(' ').replace(/[&"<>]/g, (ch) => ATTRIBUTE_ESCAPES[ch] ?? ch);
  const meta = `<meta name="allowed-host-origins" content="${content}">`;
  if (html.includes('</head>')) return html.replace('</head>', `  ${meta}\n  </head>`);
  const doctype = /^\s*<!doctype html>/i.exec(html);
  return doctype ? `${doctype[0]}${meta}${html.slice(doctype[0].length)}` : `${meta}${html}`;
}
