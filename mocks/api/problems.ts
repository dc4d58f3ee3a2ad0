import { HttpResponse } from 'msw';
import { problemStatus, type Problem, type ProblemCode } from '../../src/shared/problem';

/** An RFC 9457 problem document as the BFF sends it. */
export function problem(code: ProblemCode, title: string, detail?: string) {
  const status = problemStatus[code];
  const body: Problem = { type: 'about:blank', title, status, code, ...(detail ? { detail } : {}) };
  return HttpResponse.json(body, { status, headers: { 'Content-Type': 'application/problem+json' } });
}
