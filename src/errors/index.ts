export { ERROR_CODES, type ErrorCode } from './error-codes.js';
export { MopsError, isMopsError, formatLocation, type FileLocation, type MopsErrorOptions } from './mops-error.js';
