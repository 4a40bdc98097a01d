import { z } from 'zod';
import { RouteTargetSchema } from '../route-result.js';

/** One line of a labelled routing set (JSONL). `expect: null` means out of scope. */
export const LabelledRequestSchema = z.object({
  id: z.string().min(1),
  text: z.string().min(1),
  expect: RouteTargetSchema.nullable(),
  tag: z.string().optional(),
});
export type LabelledRequest = z.infer<typeof LabelledRequestSchema>;
