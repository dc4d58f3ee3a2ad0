/** One printed line of a figure: a measured value, and the budget it is held to when it has one. */
export type Line = {
  label: string;
  value: string;
  budget?: string;
  /** Undefined for lines that only inform. */
  ok?: boolean;
};

export type Figure = {
  title: string;
  lines: Line[];
  /** Everything measured, for bench/results.json. */
  data: unknown;
};

export const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
/** autocannon measures whole milliseconds: a 0 is anything under one. */
export const ms = (value: number) => (value === 0 ? '< 1 ms' : `${value.toFixed(value < 10 ? 1 : 0)} ms`);
export const perSecond = (value: number) => `${Math.round(value).toLocaleString('en-GB')}/s`;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return sorted.length % 2 ? (sorted[Math.floor(middle)] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

const mark = (ok: boolean | undefined) => (ok === undefined ? '' : ok ? 'ok' : 'MISSED');

export function formatFigure(figure: Figure): string {
  const width = (pick: (line: Line) => string) => Math.max(...figure.lines.map((line) => pick(line).length));
  const labelWidth = width((line) => line.label);
  const valueWidth = width((line) => line.value);
  const budgetWidth = width((line) => (line.budget ? `budget ${line.budget}` : ''));
  const rows = figure.lines.map((line) =>
    [
      `  ${line.label.padEnd(labelWidth)}`,
      line.value.padStart(valueWidth),
      (line.budget ? `budget ${line.budget}` : '').padEnd(budgetWidth),
      mark(line.ok),
    ]
      .join('   ')
      .trimEnd(),
  );
  return [figure.title, ...rows].join('\n');
}

export const passed = (figure: Figure) => figure.lines.every((line) => line.ok !== false);
