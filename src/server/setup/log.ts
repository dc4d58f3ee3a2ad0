import pino from 'pino';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
type Fields = Record<string, unknown>;

const REDACTED = '[redacted]';

/** Keys whose values never reach a log line, whatever they hold. */
const SECRET_KEY = /token|secret|password|passwd|authori[sz]ation|cookie|e-?mail|phone|api[-_]?key|signature|credentials?$/i;

/**
 * Values that look like personal data or credentials, wherever they appear: in a message, an error,
 * or under an innocent key ("query", "detail"). Order matters: whole bearer headers and JWTs go first.
 */
const SECRET_VALUES: [RegExp, string | ((match: string) => string)][] = [
  [/\bBearer\s+[^\s"',;]+/gi, `Bearer ${REDACTED}`],
  [/\beyJ[\w-]*\.[\w-]+\.[\w-]*/g, '[jwt]'],
  [/\bshp(?:at|ca|pa|ss|ua|rt)_[A-Za-z0-9]+/g, '[shopify-token]'],
  // `%40` is an `@` in a URL or a form: `amelie.dubois%40example.fr`.
  [/[\w.!#$%&'*+/=?^`{|}~-]+(?:@|%40)[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/gi, '[email]'],
  // International numbers, with or without separators: "+33612345678", "+1 (415) 555-0123".
  [/\+\d[\d ().-]{5,}\d/g, (match) => (match.replace(/\D/g, '').length >= 7 ? '[phone]' : match)],
  // Numbers as hosts send them, without a plus ("447700900123", "0033 6 12 34 56 78", "(415) 555-0123"):
  // 8 digits or more, alone or in groups. Not the digits of a path or id ("/Customer/734612…"), a date or a time.
  // Groups are split by spaces, one dash at most (`555-0123`), so that a date (`2026-11-01`) is never one.
  [
    /(?<![\w/.:#-])(?:\(\d{1,5}\) ?)?\d{1,15}(?: \d{1,15})*(?:-\d{2,15})?(?![\w/-])/g,
    (match) => (match.replace(/\D/g, '').length >= 8 ? '[phone]' : match),
  ],
  [/\b((?:client[_-]?)?(?:secret|password|token|api[_-]?key)["']?\s*[:=]\s*["']?)[^\s"'&,;}]+/gi, `$1${REDACTED}`],
  // A secret as a URL path segment: `/client_secret/…`, or a bare key of 32 hex digits or more (not a UUID).
  [/(\/(?:client[_-]?)?(?:secret|password|token|api[_-]?key)s?\/)[^/\s?#"']+/gi, `$1${REDACTED}`],
  [/(?<![\w-])[A-Fa-f0-9]{32,}(?![\w-])/g, '[secret]'],
];

/**
 * What every pattern above needs somewhere in its match. A string with none of these has nothing to
 * take out, which is most of them (paths, statuses, ids): they skip the patterns.
 */
const MIGHT_HOLD_SECRET =
  /[@+]|%40|\d{2}[ ()-]*\d{2}[ ()-]*\d{2}[ ()-]*\d{2}|[a-f0-9]{32}|bearer|eyj|shp|secret|password|token|api[_-]?key/i;

/** Takes personal data and credentials out of a string. */
export function scrub(text: string): string {
  if (!MIGHT_HOLD_SECRET.test(text)) return text;
  return SECRET_VALUES.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement as string), text);
}

const MAX_DEPTH = 6;

/** A copy of `value` with secret keys and secret-looking values redacted. */
export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrub(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[truncated]';
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    return {
      name: value.name,
      message: scrub(value.message),
      ...(typeof code === 'string' ? { code } : {}),
      ...(value.stack ? { stack: scrub(value.stack) } : {}),
    };
  }
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, SECRET_KEY.test(key) ? REDACTED : redact(item, depth + 1)]));
}

/** What the request log says of one API call. */
export type AccessLine = { method: string; path: string; status: number; durationMs: number; sub?: string };
export type AccessLevel = 'debug' | 'info' | 'warn';

export type Logger = {
  debug(msg: string, fields?: Fields): void;
  info(msg: string, fields?: Fields): void;
  warn(msg: string, fields?: Fields): void;
  error(msg: string, fields?: Fields): void;
  /**
   * The line `logger[level]('request', line)` would write, built directly: it is worked out for
   * every API call, and through pino it cost a cached card open more than the open itself.
   */
  access(level: AccessLevel, line: AccessLine): void;
  /** Whether lines at `level` are written: a caller can skip gathering what would be dropped. */
  enabled(level: Exclude<LogLevel, 'silent'>): boolean;
};

const quoted = (text: string) => JSON.stringify(scrub(text));
const integer = (value: number) => (Number.isFinite(value) ? String(Math.round(value)) : 'null');

/**
 * Structured JSON lines through pino: `{"level":"info","time":"…","msg":"…",…fields}`. Every field
 * and the message pass through `redact` first, so emails, phones, tokens and secrets never reach a line.
 * `write` receives each line without its newline (tests); by default lines go to stdout, asynchronously.
 */
export function createLogger(level: LogLevel = 'info', write?: (line: string) => void): Logger {
  // To stdout without a system call per line: lines are gathered up to 4 KB or for 200 ms and written
  // together, and whatever is left is flushed when the process exits.
  const destination = write
    ? { write: (line: string) => write(line.replace(/\n$/, '')) }
    : pino.destination({ dest: 1, sync: false, minLength: 4096, periodicFlush: 200 });
  const base = pino(
    {
      level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
  const at =
    (lvl: Exclude<LogLevel, 'silent'>) =>
    (msg: string, fields: Fields = {}) => {
      if (!base.isLevelEnabled(lvl)) return;
      base[lvl](redact(fields) as Fields, scrub(msg));
    };
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    enabled: (lvl) => base.isLevelEnabled(lvl),
    access(lvl, line) {
      if (!base.isLevelEnabled(lvl)) return;
      const sub = line.sub === undefined ? '' : `,"sub":${quoted(line.sub)}`;
      destination.write(
        `{"level":"${lvl}","time":"${new Date().toISOString()}","method":${quoted(line.method)},"path":${quoted(line.path)},` +
          `"status":${integer(line.status)},"durationMs":${integer(line.durationMs)}${sub},"msg":"request"}\n`,
      );
    },
  };
}
