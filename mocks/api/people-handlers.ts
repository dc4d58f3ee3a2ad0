/**
 * The People API as the BFF answers it, over an in-memory sync and directory: Set Credentials, Activate, Run
 * now, the mapping with its rules and version check, and the directory (search, pages, a person, Delete). A run
 * asked for is under way until the state has been read `runReads` times, then done, as the BFF's runs end.
 */
import { http, HttpResponse, type RequestHandler } from 'msw';
import { problemStatus } from '../../src/shared/problem';
import {
  mappingProblems,
  peopleActivationSchema,
  peopleCredentialChoiceSchema,
  peopleMappingSaveSchema,
  type PeopleSyncState,
  type Person,
  type PersonDetail,
} from '../../src/shared/people';
import { directory, upToDateState } from './people-fixtures';
import { problem } from './problems';

export type PeopleApiOptions = {
  /** Whether Set Credentials may choose this id (one of the configuration's credentials); the sandbox's alone unless given. */
  isCredential?: (id: string) => boolean;
  /** How many reads of the state a run takes to finish (its progress moves at each); 0: until `finishRun()`. */
  runReads?: number;
  /** The customers Shopify has, for the first run's progress. */
  shopifyCustomers?: number;
};

const PAGE_SIZE = 25;
const hasBearer = (request: Request) => /^Bearer \S+$/.test(request.headers.get('Authorization') ?? '');
const sortName = (p: Person) => `${p.firstName ?? ''} ${p.lastName ?? ''}`.trim().toLowerCase();

/** A refused save, with each problem at its path, as the BFF sends it. */
function invalid(errors: { path: string; message: string }[]) {
  return HttpResponse.json(
    {
      type: 'about:blank',
      title: 'The request is not valid',
      status: problemStatus.BAD_REQUEST,
      code: 'BAD_REQUEST',
      detail: errors.map((e) => e.message).join('; '),
      errors,
    },
    { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
  );
}

function matches(person: PersonDetail, query: string): boolean {
  const words = query.trim().toLowerCase();
  if (!words) return true;
  const digits = words.replace(/\D/g, '');
  return (
    sortName(person).includes(words) ||
    person.emails.some((email) => email.toLowerCase().includes(words)) ||
    (digits.length >= 4 && person.phones.some((phone) => phone.replace(/\D/g, '').includes(digits)))
  );
}

/**
 * Handlers over their own copy of `initial` and `people`: `server.use(...peopleApi(neverRunState()).handlers)`.
 * `state` lets a test change things behind the page's back (another admin saving the mapping, a run ending).
 */
export function peopleApi(
  initial: PeopleSyncState = upToDateState(),
  people: PersonDetail[] = directory(),
  options: PeopleApiOptions = {},
) {
  const isCredential = options.isCredential ?? ((id: string) => id === 'cred-sandbox');
  const runReads = options.runReads ?? 1;
  const state = { sync: structuredClone(initial), people: structuredClone(people), reads: 0 };

  function startRun(now = new Date().toISOString()) {
    const first = state.sync.phase === 'never_run' || state.sync.phase === 'initial';
    state.sync = {
      ...state.sync,
      phase: first ? 'initial' : 'incremental',
      running: true,
      progress: first ? { done: 0, total: options.shopifyCustomers ?? state.people.length } : null,
      nextRunAt: now,
    };
    state.reads = 0;
  }

  /** One more read of a run under way: its progress moves, and at the last read it ends. */
  function advance() {
    if (!state.sync.running || runReads === 0) return;
    state.reads += 1;
    const { progress } = state.sync;
    if (state.reads < runReads) {
      if (progress) state.sync.progress = { ...progress, done: Math.round(((progress.total ?? 0) * state.reads) / runReads) };
      return;
    }
    const now = Date.now();
    const initial = state.sync.phase === 'initial';
    state.sync = {
      ...state.sync,
      phase: 'up_to_date',
      running: false,
      progress: null,
      lastRun: {
        kind: initial ? 'initial' : 'incremental',
        startedAt: new Date(now - 2_000).toISOString(),
        finishedAt: new Date(now).toISOString(),
        created: initial ? state.people.length : 0,
        updated: initial ? 0 : 1,
        events: initial ? 5 : 0,
        errors: 0,
        error: null,
      },
      nextRunAt: new Date(now + state.sync.intervalSeconds * 1000).toISOString(),
      counts: { people: state.people.length, events: 5 },
    };
  }

  type Params = Record<string, string | readonly string[] | undefined>;
  const admin =
    (handler: (info: { request: Request; params: Params }) => Promise<Response> | Response) =>
    (info: { request: Request; params: Params }) =>
      hasBearer(info.request) ? handler(info) : problem('UNAUTHENTICATED', 'Sign-in required');

  const body = (request: Request): Promise<unknown> => request.json().catch(() => null);
  const missingSetup = () => [
    ...(state.sync.credentialId ? [] : ['a credential (Set Credentials)']),
    ...(state.sync.mapping ? [] : ['a saved mapping (Configure)']),
  ];

  const handlers: RequestHandler[] = [
    http.get(
      '/api/people/sync',
      admin(() => {
        advance();
        return HttpResponse.json(state.sync);
      }),
    ),
    http.put(
      '/api/people/sync/credential',
      admin(async ({ request }) => {
        const parsed = peopleCredentialChoiceSchema.safeParse(await body(request));
        if (!parsed.success) return problem('BAD_REQUEST', 'The request is not valid', 'credentialId: Required');
        const { credentialId } = parsed.data;
        if (!isCredential(credentialId)) return problem('NOT_FOUND', 'Not found', `There is no credential ${credentialId}.`);
        state.sync = { ...state.sync, credentialId };
        return HttpResponse.json(state.sync);
      }),
    ),
    http.put(
      '/api/people/sync/activation',
      admin(async ({ request }) => {
        const parsed = peopleActivationSchema.safeParse(await body(request));
        if (!parsed.success) return problem('BAD_REQUEST', 'The request is not valid', 'active: Required');
        const missing = missingSetup();
        if (parsed.data.active && missing.length)
          return problem('BAD_REQUEST', 'The request is not valid', `Before activating, choose ${missing.join(' and ')}.`);
        state.sync = { ...state.sync, active: parsed.data.active, ...(parsed.data.active ? {} : { nextRunAt: null }) };
        if (parsed.data.active) startRun();
        return HttpResponse.json(state.sync);
      }),
    ),
    http.post(
      '/api/people/sync/run',
      admin(() => {
        if (missingSetup().length)
          return problem('BAD_REQUEST', 'The request is not valid', 'Choose a credential and save a mapping before the sync can run.');
        startRun();
        return HttpResponse.json(state.sync, { status: 202 });
      }),
    ),
    http.put(
      '/api/people/mapping',
      admin(async ({ request }) => {
        const parsed = peopleMappingSaveSchema.safeParse(await body(request));
        if (!parsed.success) return invalid(parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })));
        const problems = mappingProblems(parsed.data.mapping);
        if (problems.length) return invalid(problems);
        const current = state.sync.mapping?.version ?? 0;
        if (parsed.data.version !== current) {
          return problem(
            'CONFIG_CONFLICT',
            'Someone else saved first',
            `The People mapping was saved by someone else (version ${current}).`,
          );
        }
        const saved = { version: current + 1, mapping: parsed.data.mapping, savedBy: 'admin-1', savedAt: new Date().toISOString() };
        state.sync = { ...state.sync, mapping: saved };
        return HttpResponse.json(saved);
      }),
    ),
    http.get(
      '/api/people',
      admin(({ request }) => {
        const url = new URL(request.url);
        const found = state.people
          .filter((person) => matches(person, url.searchParams.get('query') ?? ''))
          .sort((a, b) => sortName(a).localeCompare(sortName(b)) || a.id.localeCompare(b.id));
        const from = Number(url.searchParams.get('cursor') ?? 0);
        const page = found.slice(from, from + PAGE_SIZE).map(({ events: _events, ...person }) => person);
        return HttpResponse.json({ people: page, nextCursor: from + PAGE_SIZE < found.length ? String(from + PAGE_SIZE) : null });
      }),
    ),
    http.get(
      '/api/people/:id',
      admin(({ params }) => {
        const person = state.people.find((p) => p.id === params.id);
        if (!person) return problem('NOT_FOUND', 'Not found', 'There is no such person; an admin may have deleted them.');
        return HttpResponse.json(person);
      }),
    ),
    http.delete(
      '/api/people/:id',
      admin(({ params }) => {
        const before = state.people.length;
        state.people = state.people.filter((p) => p.id !== params.id);
        if (state.people.length === before) return problem('NOT_FOUND', 'Not found', 'There is no such person.');
        state.sync = { ...state.sync, counts: { ...state.sync.counts, people: state.people.length } };
        return new HttpResponse(null, { status: 204 });
      }),
    ),
  ];

  /** Ends the run under way now, as if the BFF had finished it. */
  const finishRun = () => {
    state.reads = Math.max(runReads, 1) - 1;
    if (state.sync.running) advance();
  };

  return { handlers, state, finishRun };
}

export const peopleHandlers = peopleApi().handlers;
