import { z } from 'zod';

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;
const DURATION_PATTERN = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/;

/** A duration as authors write it: `'90s'`, `'5m'`, `'1.5h'`, `'250ms'`, or a number of milliseconds. */
export const DurationSchema = z.union([
  z.string().regex(DURATION_PATTERN, {
    message: "Expected a duration like '500ms', '90s', '5m' or '1h'",
  }),
  z.number().int().positive(),
]);
export type Duration = z.infer<typeof DurationSchema>;

/** Milliseconds in a duration. Throws a RangeError for text that is not a duration. */
export function parseDuration(value: Duration): number {
  if (typeof value === 'number') return value;
  const match = DURATION_PATTERN.exec(value.trim());
  if (!match) throw new RangeError(`Expected a duration like '90s' or '5m', got '${value}'`);
  return Math.round(Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS]);
}
