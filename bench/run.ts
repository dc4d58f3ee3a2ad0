import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { actionsFigure } from './actions';
import { bootFigure } from './boot';
import { costFigure } from './cost';
import { firstOrderFigure } from './first-order';
import { describeMachine, formatMachine } from './lib/machine';
import { formatFigure, passed, type Figure } from './lib/report';
import { memoryFigure } from './memory';
import { peopleFigure } from './people';
import { scaleOutFigure } from './scale-out';
import { slowShopifyFigure } from './slow-shopify';
import { throughputFigure } from './throughput';
import { weightFigure } from './weight';

/**
 * `npm run bench`: every figure beside its budget, written to bench/results.json; the exit code
 * says whether every budget was met. `--only weight,cost` runs some of them.
 */
const figures = {
  weight: weightFigure,
  cost: costFigure,
  throughput: throughputFigure,
  'first-order': firstOrderFigure,
  memory: memoryFigure,
  people: peopleFigure,
  'slow-shopify': slowShopifyFigure,
  'scale-out': scaleOutFigure,
  boot: bootFigure,
  actions: actionsFigure,
} satisfies Record<string, () => Promise<Figure>>;
type Name = keyof typeof figures;
const names = Object.keys(figures) as Name[];

const { values } = parseArgs({ options: { only: { type: 'string' } } });
const chosen = values.only ? values.only.split(',').map((name) => name.trim()) : names;
const unknown = chosen.filter((name) => !names.includes(name as Name));
if (unknown.length > 0) {
  console.error(`Unknown figure ${unknown.join(', ')}; choose from ${names.join(', ')}`);
  process.exit(2);
}

const started = performance.now();
const machine = describeMachine();
console.log(formatMachine(machine));
console.log('');

const results: Record<string, Figure | { error: string }> = {};
let ok = true;
for (const name of chosen as Name[]) {
  try {
    const figure = await figures[name]();
    results[name] = figure;
    ok &&= passed(figure);
    console.log(formatFigure(figure));
  } catch (error) {
    ok = false;
    results[name] = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    console.log(`${name}: could not be measured`);
    console.error(error);
  }
  console.log('');
}

const seconds = Math.round((performance.now() - started) / 100) / 10;
const file = new URL('./results.json', import.meta.url);
writeFileSync(file, `${JSON.stringify({ ranAt: new Date().toISOString(), machine, seconds, ok, figures: results }, null, 2)}\n`);
console.log(`${ok ? 'Every budget met' : 'Some budgets missed'} in ${seconds} s; figures in bench/results.json`);
process.exit(ok ? 0 : 1);
