import type { RequestHandlerExtra } from '@modelcontextprotocol/sdk/shared/protocol.js';
import type { ServerNotification, ServerRequest } from '@modelcontextprotocol/sdk/types.js';
import type { Engine, RunEvent, RunView } from '../engine/index.js';
import type { SessionEngine } from './session-engine.js';

export type ToolExtra = RequestHandlerExtra<ServerRequest, ServerNotification>;

export interface FollowRunOptions {
  engine: Engine;
  session: SessionEngine;
  extra: ToolExtra;
  /** The run, when it exists already (submit, resume); absent while one is being started. */
  runId?: string;
  /** Wait until the run stops moving (done, waiting, failed...). @default true */
  wait?: boolean;
}

/** One line per step event, for progress messages. */
function describe(event: RunEvent): string | undefined {
  switch (event.type) {
    case 'step.started':
      return `step ${event.stepId} started${event.attempt > 1 ? ` (attempt ${event.attempt})` : ''}`;
    case 'step.finished':
      return `step ${event.stepId} done${event.flagged ? ` (flagged: ${event.flagged})` : ''}`;
    case 'step.waiting':
      return event.reason === 'approval' ? `step ${event.stepId} waits for approval by ${event.approver ?? 'its approver'}` : `step ${event.stepId} waits for your output`;
    case 'step.failed':
      return `step ${event.stepId} failed: ${event.error.message}`;
    case 'step.skipped':
      return `step ${event.stepId} skipped: ${event.reason}`;
    case 'step.cancelled':
      return `step ${event.stepId} cancelled`;
    case 'step.blocked':
      return `step ${event.stepId} blocked: ${event.error.message}`;
    default:
      return undefined;
  }
}

/**
 * Progress in ticks: every step is worth two, one when it starts and one when it stops
 * (done, waiting, failed...), so the value only ever grows and reaches the total when
 * every step has run. Steps already finished when the call began count from the start.
 */
function createProgress(stepCount: number, finishedBefore: readonly string[], extra: ToolExtra): (event: RunEvent) => void {
  const token = extra._meta?.progressToken;
  if (token === undefined) return () => {};
  const total = stepCount * 2;
  const ticks = new Map<string, number>(finishedBefore.map((stepId) => [stepId, 2]));
  let last = [...ticks.values()].reduce((a, b) => a + b, 0);
  return (event) => {
    const message = describe(event);
    if (!message || !('stepId' in event)) return;
    const target = event.type === 'step.started' ? 1 : 2;
    if ((ticks.get(event.stepId) ?? 0) >= target) return;
    ticks.set(event.stepId, target);
    const progress = [...ticks.values()].reduce((a, b) => a + b, 0);
    if (progress <= last) return;
    last = progress;
    void extra
      .sendNotification({ method: 'notifications/progress', params: { progressToken: token, progress, total, message } })
      .catch(() => {});
  };
}

/**
 * Does `act` (start, resume, submit...) on a run and follows the run until it stops
 * moving: sends progress notifications when the call asked for them, ties the run's
 * sampling requests to this call, and cancels the run when the client cancels the call.
 */
export async function followRun(options: FollowRunOptions, act: () => Promise<RunView>): Promise<RunView> {
  const { engine, session, extra } = options;
  const early: RunEvent[] = [];
  let runId = options.runId;
  let onEvent: ((event: RunEvent) => void) | undefined;
  const unsubscribe = engine.events.subscribe((event) => {
    if (onEvent) {
      if (event.runId === runId) onEvent(event);
    } else {
      early.push(event);
    }
  });
  try {
    // Checks the run exists before acting, and is the baseline progress counts from.
    const before = options.runId ? await engine.getRun(options.runId) : undefined;
    return await session.drive(runId, extra.requestId, async () => {
      const view = await act();
      const id = view.run.id;
      runId = id;
      const finishedBefore = (before?.steps ?? []).filter((s) => s.status === 'done' || s.status === 'skipped').map((s) => s.stepId);
      onEvent = createProgress(view.steps.length, finishedBefore, extra);
      for (const event of early) if (event.runId === runId) onEvent(event);
      if (options.wait === false) return view;

      const cancel = (): void => {
        void engine.cancelRun(id, { reason: 'the client cancelled the request' }).catch(() => {});
      };
      if (extra.signal.aborted) cancel();
      extra.signal.addEventListener('abort', cancel, { once: true });
      try {
        return await engine.waitForRun(id);
      } finally {
        extra.signal.removeEventListener('abort', cancel);
      }
    });
  } finally {
    unsubscribe();
  }
}
