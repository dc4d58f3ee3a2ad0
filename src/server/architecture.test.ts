import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The dependency rules of DESIGN section 4 are enforced by lint; these prove the rules really fire.
const eslint = new ESLint({ cwd: process.cwd() });

async function messagesOf(rule: string, filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === rule).map((m) => m.message);
}
const restrictedImports = (filePath: string, code: string) => messagesOf('import-x/no-restricted-paths', filePath, code);

describe('import rules', () => {
  it('keep card/ and config/ apart', async () => {
    expect(
      await restrictedImports('src/card/probe.ts', "import { strings } from '../config/strings';\nexport const x = strings;\n"),
    ).toHaveLength(1);
    expect(
      await restrictedImports('src/config/probe.ts', "import { strings } from '../card/strings';\nexport const x = strings;\n"),
    ).toHaveLength(1);
  });

  it('let the configuration’s preview use the card’s order card and field list, and nothing else of the card', async () => {
    expect(
      await restrictedImports(
        'src/config/probe.tsx',
        "import { OrderCard } from '../card/orders/order-card';\nimport { FieldList } from '../card/fields/field-list';\nexport const x = [OrderCard, FieldList];\n",
      ),
    ).toEqual([]);
    expect(
      await restrictedImports(
        'src/config/probe.tsx',
        "import { OrderHistory } from '../card/orders/order-history';\nexport const x = OrderHistory;\n",
      ),
    ).toHaveLength(1);
  });

  it('keep the server and the sandbox store out of browser code', async () => {
    const messages = await restrictedImports(
      'src/api/probe.ts',
      "import { createLogger } from '../server/setup/log';\nimport { personas } from '../../mocks/shopify/personas';\nexport const x = [createLogger, personas];\n",
    );
    expect(messages).toHaveLength(2);
  });

  it('let shared/ import nothing of ours, and allow what is allowed', async () => {
    expect(
      await restrictedImports('src/shared/probe.ts', "import { strings } from '../card/strings';\nexport const x = strings;\n"),
    ).toHaveLength(1);
    expect(
      await restrictedImports(
        'src/card/probe.ts',
        "import { fieldCatalogue } from '../shared/fields';\nexport const x = fieldCatalogue;\n",
      ),
    ).toEqual([]);
  });

  it('refuse an import cycle, even through a lazy import', async () => {
    // format-values imports ../strings: strings importing it back closes a cycle.
    const cycle = "import { formatNumber } from './fields/format-values';\nexport const x = formatNumber;\n";
    expect(await messagesOf('import-x/no-cycle', 'src/card/strings.ts', cycle)).toHaveLength(1);
    const lazyCycle = "export const x = () => import('./fields/format-values');\n";
    expect(await messagesOf('import-x/no-cycle', 'src/card/strings.ts', lazyCycle)).toHaveLength(1);
    expect(await messagesOf('import-x/no-cycle', 'src/card/use-now.ts', cycle)).toEqual([]);
  });
});
