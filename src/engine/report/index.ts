export { formatDuration, elapsed } from './format-duration.js';
export { STEP_MARKS, RUN_MARKS } from './status-marks.js';
export { formatRunOutcome, exitCodeForRun } from './format-run-outcome.js';
export { formatRunsTable } from './format-runs-table.js';
export { formatRunDetails } from './format-run-details.js';
export { RunProgress, describeEvent, type RunProgressOptions, type ProgressStream } from './run-progress.js';
export { followRun, type FollowIo } from './follow-run.js';
