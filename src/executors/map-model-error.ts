import { APICallError, RetryError } from 'ai';
import { MopsError } from '../errors/index.js';

/**
 * HTTP statuses that a retry cannot fix: a bad request, a bad key, no permission, an
 * unknown model or endpoint. The engine never retries these.
 */
export const NON_RETRYABLE_STATUSES: readonly number[] = [400, 401, 403, 404, 422];

const STATUS_HINTS: Record<number, string> = {
  400: 'The endpoint rejected the request; check that MOPS_MODEL names a chat model it serves.',
  401: 'The API key was refused; check OPENAI_API_KEY.',
  403: 'The API key may not use this model; check OPENAI_API_KEY and the account\'s access.',
  404: 'The model or endpoint does not exist; check MOPS_MODEL and OPENAI_BASE_URL (it usually ends in /v1).',
  408: 'The endpoint timed out; the step will be retried if it allows retries.',
  422: 'The endpoint could not process the request; check MOPS_MODEL.',
  429: 'The endpoint is rate limiting; the step is retried with backoff when its retry policy allows.',
};

/** Whether a status is worth retrying: rate limits, timeouts and server errors are. */
export function isRetryableStatus(status: number): boolean {
  if (NON_RETRYABLE_STATUSES.includes(status)) return false;
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/**
 * Turns an AI SDK error into a MopsError MODEL_ERROR whose message says what the
 * endpoint answered and what to do, with `details.status` and `details.retryable`.
 */
export function mapModelError(error: unknown, where: { stepId: string; model: string }): MopsError {
  if (error instanceof MopsError) return error;
  if (RetryError.isInstance(error)) return mapModelError(error.lastError, where);
  const label = `Model "${where.model}" failed on step "${where.stepId}"`;
  if (APICallError.isInstance(error)) {
    const status = error.statusCode;
    if (status === undefined) {
      return new MopsError('MODEL_ERROR', `${label}: could not reach ${error.url} (${error.message}). Check OPENAI_BASE_URL and that the server is running.`, {
        cause: error,
        details: { retryable: true, url: error.url },
      });
    }
    if (status >= 200 && status < 300) return invalidResponse(error, label);
    const retryable = isRetryableStatus(status);
    const hint = STATUS_HINTS[status] ?? (status >= 500 ? 'The endpoint had a server error; the step is retried when its retry policy allows.' : '');
    const body = error.responseBody ? ` Response: ${truncate(error.responseBody, 300)}` : '';
    return new MopsError('MODEL_ERROR', `${label}: the endpoint answered HTTP ${status}. ${hint}${body}`.trim(), {
      cause: error,
      details: { status, retryable, url: error.url },
    });
  }
  return invalidResponse(error, label);
}

function invalidResponse(error: unknown, label: string): MopsError {
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new MopsError(
    'MODEL_ERROR',
    `${label}: the endpoint's answer is not a usable Chat Completions response (${truncate(reason, 300)}). Check that OPENAI_BASE_URL points at an OpenAI-compatible /v1 endpoint.`,
    { cause: error, details: { retryable: false } },
  );
}

function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
