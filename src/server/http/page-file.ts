import { createHash } from 'node:crypto';
import { compressBoth, type EncodedFile } from './compressed-files';
import { withAllowedHostOrigins } from './page-config';
import { pageContentSecurityPolicy } from './security-headers';

/** A built page as the BFF serves it: its bytes in every encoding and the headers that go with them. */
export type PageFile = { file: EncodedFile; headers: Record<string, string> };

/** The CSP hash of each inline script (`<script>…</script>` without `src`) of a page. */
export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script(?:\s+type="[^"]*")?>([\s\S]*?)<\/script>/gi)].map(
    ([, code = '']) => `sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}`,
  );
}

/**
 * The page's entry script and its module preloads as an HTTP `Link` header, so the browser asks for
 * them as the headers arrive, before it has parsed a line of the page.
 */
export function preloadLinks(html: string): string | null {
  const urls = new Set<string>();
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/gi)) {
    const module = /\btype="module"/i.test(tag) && /\bsrc="([^"]+)"/i.exec(tag)?.[1];
    const preload = /\brel="modulepreload"/i.test(tag) && /\bhref="([^"]+)"/i.exec(tag)?.[1];
    const url = module || preload;
    if (url && url.startsWith('/assets/')) urls.add(url);
  }
  return urls.size === 0 ? null : [...urls].map((url) => `<${url}>; rel=modulepreload; crossorigin`).join(', ');
}

/** Reads a built page once: the allowed inboxes written in, its CSP with its inline scripts' hashes, compressed both ways. */
export function pageFile(builtHtml: string, allowedHostOrigins: readonly string[]): PageFile {
  const html = withAllowedHostOrigins(builtHtml, allowedHostOrigins);
  const identity = Buffer.from(html, 'utf8');
  const links = preloadLinks(html);
  return {
    file: { type: 'text/html; charset=utf-8', identity, ...compressBoth(identity) },
    headers: {
      'Cache-Control': 'no-cache',
      'Content-Security-Policy': pageContentSecurityPolicy(allowedHostOrigins, inlineScriptHashes(html)),
      ...(links ? { Link: links } : {}),
    },
  };
}
