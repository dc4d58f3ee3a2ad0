import { HttpResponse } from 'msw';
import { problemStatus, type ProblemCode } from '../../src/shared/problem';
import type { Problem } from '../../src/shared/problem-document';

/** An RFC 9457 problem document as the BFF sends it. */
export function problem(code: ProblemCode, title: string, detail?: string) {
  const status = problemStatus[code];
  const body: Problem = { type: 'about:blank', title, status, code, ...(detail ? { detail } : {}) };
  return HttpResponse.json(body, { status, headers: { 'Content-Type': 'application/problem+json' } });
}
