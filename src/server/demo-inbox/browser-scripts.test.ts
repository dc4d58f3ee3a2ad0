import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { chatwootHostScript, inboxScript, postMessageHostScript, urlHostScript } from './browser-scripts';

describe("the demo inbox's browser scripts", () => {
  it.each([
    ['inbox.js', inboxScript],
    ['url-host.js', urlHostScript],
    ['chatwoot-host.js', chatwootHostScript],
    ['postmessage-host.js', postMessageHostScript],
  ])('%s is one classic script of its own: no types, no imports, nothing leaked into the page scope', (_, script) => {
    // Compiling as a classic script fails on TypeScript syntax, `import` and `export`.
    expect(() => new Script(script)).not.toThrow();
    expect(script.trimStart()).toMatch(/^\(\(\) => \{/);
    expect(script.trimEnd()).toMatch(/\}\)\(\);$/);
  });
});
