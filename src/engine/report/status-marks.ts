import type { RunStatus, StepStatus } from '../run-records.js';

/** One glyph per status, shared by the progress view, `mops show` and `mops runs`. */
export const STEP_MARKS: Record<StepStatus, string> = {
  pending: '○',
  running: '◌',
  waiting: '⏸',
  done: '✔',
  failed: '✖',
  skipped: '–',
  cancelled: '⊘',
  blocked: '⛔',
};

export const RUN_MARKS: Record<RunStatus, string> = {
  pending: '○',
  running: '◌',
  waiting: '⏸',
  done: '✔',
  failed: '✖',
  cancelled: '⊘',
  blocked: '⛔',
};
