import type * as z from 'zod/mini';
import { describeMismatch, passes, verify, type Check, type Mismatch } from '../shared/checks';
import { problemCodes, type ProblemCode } from '../shared/problem';
import { ApiError, isApiError, type ApiErrorCode } from './api-error';
import { bffRequestInit } from './early-card';
import { problemAnswer } from './problem-answer';
import { pageSession, type Session } from './session';

export { ApiError, isApiError, type ApiErrorCode } from './api-error';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type ApiRequest<T> = {
  method?: Method;
  /** Whose token says who is asking (sent as `Authorization: Bearer …`): the page's unless given. */
  session?: Session;
  /** Sent as JSON. */
  body?: unknown;
  /** The contract the successful answer must meet: a zod schema, or a hand check where zod would weigh on the card. */
  schema: z.ZodMiniType<T> | Check<T>;
  signal?: AbortSignal | undefined;
  /** Let the request outlive the page: for what is sent as the page goes away. */
  keepalive?: boolean;
  /** The same request, already sent (by the card's boot script): its answer is read instead of sending another. */
  started?: Promise<Response> | null;
};

/**
 * Calls the BFF with the session's newest token and returns its answer parsed by `schema`, or throws
 * an `ApiError`. A TOKEN_EXPIRED answer asks the session for a fresh token once and tries once more.
 */
export async function apiRequest<T>(path: string, { session = pageSession, ...request }: ApiRequest<T>): Promise<T> {
  const token = session.token();
  try {
    return await send(path, request, token, request.started);
  } catch (error) {
    if (!isApiError(error) || error.code !== 'TOKEN_EXPIRED') throw error;
    const fresh = await session.renew(token);
    if (request.signal?.aborted) throw request.signal.reason;
    if (!fresh || fresh === token) throw error;
    return send(path, request, fresh);
  }
}

async function send<T>(path: string, request: ApiRequest<T>, token: string | null, started?: Promise<Response> | null): Promise<T> {
  const { method = 'GET', body, schema, signal, keepalive = false } = request;

  let response: Response;
  try {
    response = await (started ?? fetch(new URL(path, document.baseURI), { ...bffRequestInit(method, token, body, signal), keepalive }));
  } catch (cause) {
    // A cancelled query is not a failure: let React Query see its own abort.
    if (signal?.aborted) throw cause;
    throw new ApiError({ code: 'NETWORK_ERROR', status: 0, title: 'The server could not be reached', cause });
  }

  const payload = await readJson(response);
  if (!response.ok) throw errorFromResponse(response, payload);

  const answer = meetContract(schema, payload);
  if (!answer.ok) {
    throw new ApiError({
      code: 'BAD_RESPONSE',
      status: response.status,
      title: 'The server answered with something unexpected',
      detail: answer.mismatches.map(describeMismatch).join('; '),
    });
  }
  return answer.value;
}

function meetContract<T>(
  contract: z.ZodMiniType<T> | Check<T>,
  payload: unknown,
): { ok: true; value: T } | { ok: false; mismatches: Mismatch[] } {
  if (typeof contract === 'function') {
    const checked = verify(contract, payload);
    return checked.ok ? checked : { ok: false, mismatches: [checked.mismatch] };
  }
  const parsed = contract.safeParse(payload);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, mismatches: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })) };
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => '');
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

const knownCodes: ReadonlySet<string> = new Set(problemCodes);

/** A problem document when the server sent one; otherwise a code guessed from the status alone. */
function errorFromResponse(response: Response, payload: unknown): ApiError {
  if (passes(problemAnswer, payload)) {
    const { code, title, detail, retried, errors } = payload;
    return new ApiError({ code, status: response.status, title, detail, retried: retried === true, errors });
  }
  // A proxy's HTML page or a problem with a code newer than this build.
  const loose = typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>) : {};
  const code = typeof loose.code === 'string' && knownCodes.has(loose.code) ? (loose.code as ProblemCode) : codeForStatus(response.status);
  return new ApiError({
    code,
    status: response.status,
    title: typeof loose.title === 'string' ? loose.title : response.statusText || `HTTP ${response.status}`,
    detail: typeof loose.detail === 'string' ? loose.detail : undefined,
  });
}

function codeForStatus(status: number): ApiErrorCode {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  return 'BAD_RESPONSE';
}
