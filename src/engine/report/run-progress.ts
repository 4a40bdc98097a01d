import { createLogUpdate } from 'log-update';
import type { RunEvent } from '../run-events.js';
import type { StepRecord, StepStatus } from '../run-records.js';
import { formatDuration } from './format-duration.js';
import { STEP_MARKS } from './status-marks.js';

export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface RunProgressOptions {
  stream: ProgressStream;
  /** Live step list (spinner, marks) instead of one line per event. */
  live: boolean;
  /** @default () => new Date() */
  clock?: () => Date;
}

interface StepLine {
  id: string;
  name: string;
  status: StepStatus;
  startedAt?: number;
  note?: string;
}

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/**
 * Shows a run's progress from its events. Live mode (a TTY, not CI) redraws a step list
 * with a spinner on running steps and ✔/✖/⏸ marks; line mode prints one line per event,
 * which reads well in logs and CI.
 */
export class RunProgress {
  readonly #options: RunProgressOptions;
  readonly #steps = new Map<string, StepLine>();
  readonly #clock: () => Date;
  #frame = 0;
  #timer: NodeJS.Timeout | undefined;
  #log: ReturnType<typeof createLogUpdate> | undefined;

  constructor(options: RunProgressOptions) {
    this.#options = options;
    this.#clock = options.clock ?? (() => new Date());
    if (options.live) {
      this.#log = createLogUpdate(options.stream as NodeJS.WritableStream);
      this.#timer = setInterval(() => this.#draw(), 80);
      this.#timer.unref();
    }
  }

  /** The run's steps in plan order (their names and current statuses). */
  setSteps(steps: readonly Pick<StepRecord, 'stepId' | 'name' | 'status'>[]): void {
    for (const step of steps) {
      const known = this.#steps.get(step.stepId);
      this.#steps.set(step.stepId, { id: step.stepId, name: step.name, status: known?.status ?? step.status, ...(known?.startedAt && { startedAt: known.startedAt }), ...(known?.note && { note: known.note }) });
    }
    this.#draw();
  }

  handle(event: RunEvent): void {
    if ('stepId' in event) this.#apply(event);
    if (this.#options.live) this.#draw();
    else this.#options.stream.write(`${describeEvent(event)}\n`);
  }

  /** Draws the final state and stops redrawing. */
  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    if (this.#log) {
      this.#draw();
      this.#log.done();
      // Stopped for good: later calls draw nothing.
      this.#log = undefined;
    }
  }

  #apply(event: Extract<RunEvent, { stepId: string }>): void {
    const line = this.#steps.get(event.stepId) ?? { id: event.stepId, name: event.stepId, status: 'pending' as StepStatus };
    this.#steps.set(event.stepId, line);
    switch (event.type) {
      case 'step.started':
        line.status = 'running';
        line.startedAt = Date.parse(event.at);
        line.note = event.attempt > 1 ? `attempt ${event.attempt}` : undefined;
        break;
      case 'step.finished':
        line.status = 'done';
        line.note = line.startedAt ? formatDuration(Date.parse(event.at) - line.startedAt) : undefined;
        break;
      case 'step.retrying':
        line.status = 'pending';
        line.note = `retrying in ${formatDuration(event.delayMs)}: ${event.error.message}`;
        break;
      case 'step.waiting':
        line.status = 'waiting';
        line.note = event.reason === 'approval' ? `waits for approval by ${event.approver}` : 'handoff: waits for its output';
        break;
      case 'step.failed':
      case 'step.blocked':
        line.status = event.type === 'step.failed' ? 'failed' : 'blocked';
        line.note = event.error.message;
        break;
      case 'step.skipped':
        line.status = 'skipped';
        line.note = event.reason;
        break;
      case 'step.cancelled':
        line.status = 'cancelled';
        break;
      case 'step.interrupted':
        line.status = 'pending';
        line.note = `attempt ${event.attempt} was interrupted; running it again`;
        break;
      case 'step.repairing':
        line.status = 'pending';
        line.note = `attempt ${event.attempt} broke the output contract; asking for a repair`;
        break;
      case 'step.handoff':
        line.note = `handed off to ${event.to}`;
        break;
    }
  }

  #draw(): void {
    if (!this.#log) return;
    this.#frame = (this.#frame + 1) % SPINNER.length;
    const width = Math.max(20, Math.max(...[...this.#steps.values()].map((s) => s.id.length)));
    const columns = this.#options.stream.columns || 100;
    const now = this.#clock().getTime();
    const lines = [...this.#steps.values()].map((step) => {
      const mark = step.status === 'running' ? SPINNER[this.#frame] : STEP_MARKS[step.status];
      const note = step.status === 'running' && step.startedAt ? formatDuration(now - step.startedAt) : (step.note ?? '');
      const text = `${mark} ${step.id.padEnd(width)}  ${step.name}${note ? `  (${note})` : ''}`;
      return text.length > columns ? `${text.slice(0, columns - 1)}…` : text;
    });
    this.#log(lines.join('\n'));
  }
}

/** One event as a log line: `12:00:03 ✔ copy done`. */
export function describeEvent(event: RunEvent): string {
  const time = event.at.slice(11, 19);
  switch (event.type) {
    case 'run.started':
      return `${time} ▶ run ${event.runId} ${event.resumed ? 'resumed' : 'started'} (${event.playbookId})`;
    case 'run.waiting':
      return `${time} ⏸ run waiting on ${event.waitingOn.join(', ')}`;
    case 'run.finished':
      return `${time} ✔ run finished`;
    case 'run.failed':
      return `${time} ✖ run failed: ${event.error.message}`;
    case 'run.cancelled':
      return `${time} ⊘ run cancelled: ${event.reason}`;
    case 'run.blocked':
      return `${time} ⛔ run blocked: ${event.error.message}`;
    case 'step.started':
      return `${time} ◌ ${event.stepId} started${event.attempt > 1 ? ` (attempt ${event.attempt}${event.repair ? ', repair' : ''})` : ''}`;
    case 'step.finished': {
      const tokens = event.usage ? ` (${event.usage.inputTokens ?? '?'} in / ${event.usage.outputTokens ?? '?'} out tokens)` : '';
      const by = event.approvedBy ? ` (approved by ${event.approvedBy})` : '';
      return `${time} ✔ ${event.stepId} done${tokens}${by}${event.flagged ? ` — flagged: ${event.flagged}` : ''}`;
    }
    case 'step.failed':
      return `${time} ✖ ${event.stepId} failed: ${event.error.message}`;
    case 'step.retrying':
      return `${time} ↻ ${event.stepId} attempt ${event.attempt} failed (${event.error.message}); retrying in ${formatDuration(event.delayMs)}`;
    case 'step.waiting':
      return `${time} ⏸ ${event.stepId} waiting ${event.reason === 'approval' ? `for approval by ${event.approver}` : 'for its output (handoff)'}`;
    case 'step.skipped':
      return `${time} – ${event.stepId} skipped: ${event.reason}`;
    case 'step.cancelled':
      return `${time} ⊘ ${event.stepId} cancelled`;
    case 'step.blocked':
      return `${time} ⛔ ${event.stepId} blocked: ${event.error.message}`;
    case 'step.interrupted':
      return `${time} ↻ ${event.stepId} attempt ${event.attempt} was interrupted; running it again`;
    case 'step.repairing':
      return `${time} ↻ ${event.stepId} attempt ${event.attempt} broke the output contract (${event.problems.join(' ')}); asking the model to repair it`;
    case 'step.handoff':
      return `${time} ↪ ${event.stepId} handed off to ${event.to}: ${event.reason}`;
  }
}
