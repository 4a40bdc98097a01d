import { isMopsError } from '../errors/index.js';
import type { ErrorCode } from '../errors/index.js';

/** Exit codes: 0 ok, 1 failed (bad file, failed run...), 2 usage error, 130 cancelled. */
const EXIT_BY_CODE: Partial<Record<ErrorCode, number>> = {
  INVALID_INPUT: 2,
  CANCELLED: 130,
};

export function exitCodeFor(error: unknown): number {
  if (isMopsError(error)) return EXIT_BY_CODE[error.code] ?? 1;
  return 1;
}
