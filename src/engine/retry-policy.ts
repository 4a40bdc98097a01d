import { isMopsError, type ErrorCode } from '../errors/index.js';

/** Error codes a retry can never fix: the same input gives the same failure. */
export const NON_RETRYABLE_CODES: readonly ErrorCode[] = [
  'CONTRACT_VIOLATION',
  'CANCELLED',
  'INVALID_INPUT',
  'INVALID_FILE',
  'INVALID_STATE',
  'NOT_FOUND',
  'GATE_FAILED',
  'CONTEXT_INCOMPLETE',
];

/** The longest wait between attempts, however many retries came before. */
export const MAX_BACKOFF_MS = 60_000;

/**
 * Whether an attempt's error is transient: timeouts, and model errors the executor
 * marked retryable (429, 5xx, network). HTTP 400/401/403/404 and contract violations
 * are never retried.
 */
export function isRetryableError(error: unknown): boolean {
  if (!isMopsError(error)) return false;
  if (NON_RETRYABLE_CODES.includes(error.code)) return false;
  if (error.code === 'TIMEOUT') return true;
  if (error.code === 'MODEL_ERROR') return error.details?.retryable === true;
  return false;
}

/**
 * Exponential backoff with jitter: base × 2^(retry−1), scaled by a factor in [0.5, 1.5)
 * from the injected random source so parallel runs do not retry in lockstep.
 */
export function backoffDelay(retry: number, baseMs: number, random: () => number): number {
  const exponential = baseMs * 2 ** Math.max(0, retry - 1);
  return Math.min(MAX_BACKOFF_MS, Math.round(exponential * (0.5 + random())));
}
