type Level = 'debug' | 'info' | 'warn' | 'error' | 'silent';
const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

/** Keys whose values are never written to a log line. */
const SECRET_KEYS = /token|secret|password|authorization|email|phone|cookie/i;

function redact(value: unknown, depth = 0): unknown {
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return { name: value.name, message: value.message };
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [key, SECRET_KEYS.test(key) ? '[redacted]' : redact(v, depth + 1)]),
  );
}

/** Structured one-line JSON logs; values under secret-looking keys are redacted. */
export function createLogger(level: Level = 'info', write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)) {
  const at = (lvl: Exclude<Level, 'silent'>) => (msg: string, fields: Record<string, unknown> = {}) => {
    if (order[lvl] < order[level]) return;
    write(JSON.stringify({ time: new Date().toISOString(), level: lvl, msg, ...(redact(fields) as object) }));
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
export type Logger = ReturnType<typeof createLogger>;
