import { isMopsError } from '../errors/index.js';
import type { StoredError } from './run-records.js';

/** The storable facts of an error: its code, message and (JSON-safe) details. */
export function toStoredError(error: unknown): StoredError {
  if (isMopsError(error)) {
    const details = error.details ? (JSON.parse(JSON.stringify(error.details)) as Record<string, unknown>) : undefined;
    return { code: error.code, message: error.message, ...(details && { details }) };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message };
}
