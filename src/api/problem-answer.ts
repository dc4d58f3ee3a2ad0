import { array, boolean, number, object, oneOf, optional, string } from '../shared/checks';
import { problemCodes } from '../shared/problem';
import type { Problem as ProblemDocument } from '../shared/problem-document';

/** An RFC 9457 problem document with one of our codes. */
export const problemAnswer = object<ProblemDocument>({
  type: string,
  title: string,
  status: number,
  detail: optional(string),
  code: oneOf(problemCodes),
  errors: optional(array(object<NonNullable<ProblemDocument['errors']>[number]>({ path: string, message: string }))),
  retried: optional(boolean),
});
