import * as z from 'zod/mini';
import { problemCodes } from './problem';

/** RFC 9457 problem document with our stable `code`. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  detail: z.optional(z.string()),
  code: z.enum(problemCodes),
  errors: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
  /** True when the BFF already retried (Shopify faults): a client must not retry on its own; a person may. */
  retried: z.optional(z.boolean()),
});
export type Problem = z.infer<typeof problemSchema>;
