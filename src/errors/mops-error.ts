import type { ErrorCode } from './error-codes.js';

/** Where in a file a problem was found (1-based line and column). */
export interface FileLocation {
  file: string;
  line?: number;
  column?: number;
}

export interface MopsErrorOptions {
  cause?: unknown;
  location?: FileLocation;
  /** Extra facts a caller may need to act on the error (ids, statuses...). */
  details?: Record<string, unknown>;
}

/** Formats a location as `file:line:col` (omitting what is unknown). */
export function formatLocation(location: FileLocation): string {
  let text = location.file;
  if (location.line !== undefined) {
    text += `:${location.line}`;
    if (location.column !== undefined) text += `:${location.column}`;
  }
  return text;
}

/**
 * Base class of every error the library throws on purpose.
 * The message is built from the facts so it always says where and what.
 */
export class MopsError extends Error {
  readonly code: ErrorCode;
  readonly location?: FileLocation;
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, options: MopsErrorOptions = {}) {
    const prefix = options.location ? `${formatLocation(options.location)}: ` : '';
    super(prefix + message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'MopsError';
    this.code = code;
    this.location = options.location;
    this.details = options.details;
  }
}

export function isMopsError(value: unknown): value is MopsError {
  return value instanceof MopsError;
}
