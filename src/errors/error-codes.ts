/**
 * Every error code the project raises, in one documented list.
 * The CLI maps codes to exit codes; the MCP server returns them inside tool errors.
 */
export const ERROR_CODES = {
  INVALID_FILE: 'A file (skill, playbook, context, CSV, JSON) does not match its format.',
  NOT_FOUND: 'A named skill, playbook, context, run or step does not exist.',
  INVALID_INPUT: 'A command or tool argument is missing or has the wrong shape.',
  CONTEXT_INCOMPLETE: 'The marketing context a playbook needs is missing or too thin.',
  INVALID_STATE: 'The operation does not fit the current state (e.g. resuming a finished run).',
  MODEL_ERROR: 'The language model call failed (auth, rate limit, server error, bad output).',
  TIMEOUT: 'A step or call took longer than its limit.',
  CANCELLED: 'The run or call was cancelled.',
  CONTRACT_VIOLATION: "A step's output breaks its output contract.",
  GATE_FAILED: 'A QA gate found problems and blocked the run.',
  STORE_ERROR: 'The run store could not be read or written.',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;
