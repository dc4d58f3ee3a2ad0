/**
 * Hand checks, for the card's first paint, where zod would be most of the weight: each check says
 * what is wrong with a value, or null when it is a T. A check's type names the value it accepts, so
 * a check written for a type inferred from the zod wire must cover each of its properties
 * (`object<T>`) and each of its variants (`variant<T, K>`), or it does not compile.
 */
declare const accepts: unique symbol;

export type Mismatch = { path: string; message: string };
export type Check<T> = { (value: unknown): Mismatch | null; readonly [accepts]?: T };

const mismatch = (message: string, path = ''): Mismatch => ({ path, message });
const within = (key: string | number, found: Mismatch | null): Mismatch | null =>
  found && { path: found.path === '' ? String(key) : `${key}.${found.path}`, message: found.message };

/** A value that passes `accepts`; `expected` says what it should have been. */
export function guard<T>(accepts: (value: unknown) => value is T, expected: string): Check<T> {
  return (value) => (accepts(value) ? null : mismatch(`expected ${expected}`));
}

export const string: Check<string> = guard((value): value is string => typeof value === 'string', 'a string');
export const number: Check<number> = guard((value): value is number => typeof value === 'number' && Number.isFinite(value), 'a number');
export const boolean: Check<boolean> = guard((value): value is boolean => typeof value === 'boolean', 'true or false');

/** Anything at all: for parts of a message the card reads field by field. */
export const anything: Check<unknown> = () => null;

/** Exactly `expected`. */
export function literal<const T extends string | number | boolean>(expected: T): Check<T> {
  return guard((value): value is T => value === expected, JSON.stringify(expected));
}

/** A string of at most `max` characters that passes `test`. */
export function text(max: number, test: (value: string) => boolean = () => true): Check<string> {
  return guard(
    (value): value is string => typeof value === 'string' && value.length <= max && test(value),
    `a string of at most ${max} characters`,
  );
}

/** One of the given strings. */
export function oneOf<const T extends string>(values: readonly T[]): Check<T> {
  const known: ReadonlySet<unknown> = new Set(values);
  return guard((value): value is T => known.has(value), `one of ${values.join(', ')}`);
}

export function nullable<T>(check: Check<T>): Check<T | null> {
  return (value) => (value === null ? null : check(value));
}

export function optional<T>(check: Check<T>): Check<T | undefined> {
  return (value) => (value === undefined ? null : check(value));
}

export function nullish<T>(check: Check<T>): Check<T | null | undefined> {
  return (value) => (value === undefined || value === null ? null : check(value));
}

export function array<T>(check: Check<T>): Check<T[]> {
  return (value) => {
    if (!Array.isArray(value)) return mismatch('expected a list');
    for (const [index, item] of value.entries()) {
      const found = within(index, check(item));
      if (found) return found;
    }
    return null;
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** An object with every property of T checked (others are let through, as zod's objects do). */
export function object<T>(shape: { [K in keyof T]-?: Check<T[K]> }): Check<T> {
  const entries: [string, Check<unknown>][] = Object.entries(shape);
  return (value) => {
    if (!isRecord(value)) return mismatch('expected an object');
    for (const [key, check] of entries) {
      const found = within(key, check(value[key]));
      if (found) return found;
    }
    return null;
  };
}

/** An object whose keys pass `isKey`, each with a value `check` accepts. */
export function record<K extends string, V>(isKey: (key: string) => key is K, check: Check<V>): Check<Partial<Record<K, V>>> {
  return (value) => {
    if (!isRecord(value)) return mismatch('expected an object');
    for (const [key, item] of Object.entries(value)) {
      if (!isKey(key)) return mismatch('unknown key', key);
      const found = within(key, check(item));
      if (found) return found;
    }
    return null;
  };
}

/** One of several object types, told apart by the string at `key`; each has its check. */
export function variant<T extends Record<K, string>, K extends keyof T & string>(
  key: K,
  checks: { [V in T[K]]: Check<Extract<T, Record<K, V>>> },
): Check<T> {
  const byTag: Record<string, Check<unknown> | undefined> = checks;
  return (value) => {
    const tag = isRecord(value) ? value[key] : undefined;
    const check = typeof tag === 'string' && Object.hasOwn(byTag, tag) ? byTag[tag] : undefined;
    return check ? check(value) : mismatch(`expected one of ${Object.keys(byTag).join(', ')}`, key);
  };
}

/** A value any of the checks accepts. */
export function anyOf<T>(checks: readonly Check<T>[], expected: string): Check<T> {
  return (value) => (checks.some((check) => check(value) === null) ? null : mismatch(`expected ${expected}`));
}

/** Whether `check` accepts `value`, as a type guard. */
export function passes<T>(check: Check<T>, value: unknown): value is T {
  return check(value) === null;
}

/** The value as a T when `check` accepts it, else what is wrong with it. */
export function verify<T>(check: Check<T>, value: unknown): { ok: true; value: T } | { ok: false; mismatch: Mismatch } {
  const mismatch = check(value);
  // Accepted by its check, the value is a T.
  return mismatch ? { ok: false, mismatch } : { ok: true, value: value as T };
}

/** What a check found wrong, as `path: message`. */
export function describeMismatch({ path, message }: Mismatch): string {
  return `${path || '(root)'}: ${message}`;
}
