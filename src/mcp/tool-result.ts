import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { isMopsError } from '../errors/index.js';

/**
 * A successful tool result: the structured data the tool's `outputSchema` describes, and
 * a short Markdown rendering for people and for clients that only read text.
 */
export function toolSuccess(structured: object, text: string): CallToolResult {
  return {
    content: [{ type: 'text', text }],
    structuredContent: structured as Record<string, unknown>,
  };
}

/**
 * A failed tool call as a result the client's model can act on (`isError: true`), never a
 * protocol error: the error code, then the message, which already says what to fix.
 */
export function toolFailure(error: unknown): CallToolResult {
  return { content: [{ type: 'text', text: describeError(error) }], isError: true };
}

/** `CODE: message` for typed errors, the message for others. */
export function describeError(error: unknown): string {
  if (isMopsError(error)) return `${error.code}: ${error.message}`;
  if (error instanceof Error) return error.message;
  return String(error);
}

/** Wraps a tool handler so a thrown error becomes an `isError` result. */
export function guarded<A extends unknown[]>(
  handler: (...args: A) => Promise<CallToolResult>,
): (...args: A) => Promise<CallToolResult> {
  return async (...args: A) => {
    try {
      return await handler(...args);
    } catch (error) {
      return toolFailure(error);
    }
  };
}
