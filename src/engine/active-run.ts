import { contextToMarkdown } from '../context/index.js';
import { MopsError } from '../errors/index.js';
import type { AgentToolCall } from '../executors/agent-tool-catalog.js';
import type { RepairRequest, StepExecutor } from '../executors/step-executor.js';
import { renderWith } from '../playbooks/index.js';
import type { NamedContext } from './engine-options.js';
import { attemptOutcomeWrite, gateCall, handoffEventsOf } from './attempt-outcome-write.js';
import { executeAttempt, type AttemptOutcome } from './execute-attempt.js';
import type { ExecutionCore } from './execution-core.js';
import { backoffDelay, isRetryableError } from './retry-policy.js';
import { checkDraftedContext, deriveDraftedContext } from './drafted-context.js';
import type { RunRecord, StepRecord, StepStatus, StoredError } from './run-records.js';
import { toEventWrite, type RunEvent } from './run-events.js';
import { DRAFT_CONTEXT_STEP_ID, type PlannedStep, type RunPlan } from './run-plan.js';
import { settleVerdict } from './settle-verdict.js';
import type { RunWrite } from './store/index.js';
import { toStoredError } from './to-stored-error.js';

interface StepState {
  plan: PlannedStep;
  status: StepStatus;
  output: string | null;
  /** Attempt numbers used so far, across processes (the store's count). */
  attempts: number;
  /** Attempts made since this process took the run; the retry budget counts these. */
  sessionAttempts: number;
  startedAt: string | null;
  /** Queued or running. */
  scheduled: boolean;
  /** Waiting out a retry delay (holding no queue slot). */
  retrying: boolean;
  /** The answer the next attempt repairs, with its contract violations. */
  repair?: RepairRequest;
  /** Repairs asked for since this process took the run. */
  repairs: number;
}

export interface ActiveRunSetup {
  run: RunRecord;
  plan: RunPlan;
  steps: StepRecord[];
  executor: StepExecutor | undefined;
  /** The context the run started with (before any `_context` draft). */
  context: NamedContext | undefined;
  onSettled: (runId: string) => void;
}

/**
 * One run executing in this process: schedules ready steps on the shared queue, runs
 * attempts with retry, persists every transition (with its event) before announcing it,
 * and settles the run when nothing more can happen without a person.
 */
export class ActiveRun {
  readonly runId: string;
  readonly settled: Promise<void>;
  readonly #core: ExecutionCore;
  readonly #setup: ActiveRunSetup;
  readonly #steps = new Map<string, StepState>();
  readonly #controller = new AbortController();
  #context: NamedContext | undefined;
  #contextMarkdown: { name: string; markdown: string } | undefined;
  #contextStale = true;
  #inFlight = 0;
  #failure: StoredError | undefined;
  #blocked: { error: StoredError; report: string } | undefined;
  #cancelReason: string | undefined;
  #detached = false;
  #finished = false;
  #begun = false;
  #heartbeat: NodeJS.Timeout | undefined;
  #resolveSettled!: () => void;

  constructor(core: ExecutionCore, setup: ActiveRunSetup) {
    this.#core = core;
    this.#setup = setup;
    this.runId = setup.run.id;
    this.#context = setup.context;
    this.settled = new Promise((resolve) => (this.#resolveSettled = resolve));
    const records = new Map(setup.steps.map((record) => [record.stepId, record]));
    for (const plan of setup.plan.steps) {
      const record = records.get(plan.id);
      this.#steps.set(plan.id, {
        plan,
        status: record?.status ?? 'pending',
        output: record?.output ?? null,
        attempts: record?.attempts ?? 0,
        sessionAttempts: 0,
        startedAt: record?.startedAt ?? null,
        scheduled: false,
        retrying: false,
        repairs: 0,
      });
    }
    const drafted = this.#steps.get(DRAFT_CONTEXT_STEP_ID);
    if (drafted?.status === 'done' && drafted.output !== null) this.#context = this.#draftedContext(drafted.output);
  }

  /** Marks the run running, starts the heartbeat and schedules every ready step. */
  async begin(resumed: boolean): Promise<void> {
    const now = this.#now();
    await this.#commit(
      { run: { status: 'running', startedAt: this.#setup.run.startedAt ?? now, finishedAt: null, error: null, report: null } },
      [{ type: 'run.started', runId: this.runId, at: now, playbookId: this.#setup.run.playbookId, resumed }],
    );
    this.#heartbeat = setInterval(() => void this.#beat().catch(this.#core.onBackgroundError), this.#core.lease.heartbeatMs);
    this.#heartbeat.unref();
    this.#begun = true;
    this.#pump();
    this.#maybeSettle();
  }

  /** False once the run has started settling: later changes need a fresh activation. */
  get accepting(): boolean {
    return !this.#finished;
  }

  /**
   * Stops the run: queued steps never start, running ones are aborted, the rest are
   * cancelled. Returns false when the run was already settling (nothing was cancelled).
   */
  cancel(reason: string): boolean {
    if (this.#finished) return false;
    if (this.#cancelReason !== undefined) return true;
    this.#cancelReason = reason;
    this.#controller.abort(new MopsError('CANCELLED', `Run ${this.runId} was cancelled: ${reason}.`, { details: { runId: this.runId } }));
    this.#maybeSettle();
    return true;
  }

  /** Completes a waiting step with text from outside (handoff output or an approval). */
  async completeWaitingStep(stepId: string, output: string, event: Partial<Extract<RunEvent, { type: 'step.finished' }>> = {}): Promise<void> {
    const state = this.#steps.get(stepId);
    if (this.#finished) throw new MopsError('INVALID_STATE', `Run ${this.runId} is settling; try again.`);
    if (!state || state.status !== 'waiting') {
      throw new MopsError('INVALID_STATE', `Step "${stepId}" of run ${this.runId} is ${state?.status ?? 'unknown'}, not waiting.`);
    }
    const now = this.#now();
    const attempt = Math.max(1, state.attempts);
    const flag = event.flagged ? { code: 'CONTRACT_VIOLATION', message: event.flagged, details: { flagged: true } } : null;
    // In flight while it commits: the run must not settle on the step's old status meanwhile.
    this.#inFlight += 1;
    try {
      await this.#commit(
        {
          steps: [{ stepId, patch: { status: 'done', output, instructions: null, finishedAt: now, error: flag, attempts: attempt } }],
          attempts: [{ stepId, number: attempt, status: 'done', startedAt: state.startedAt ?? now, finishedAt: now, output }],
        },
        [{ type: 'step.finished', runId: this.runId, at: now, stepId, attempt, ...event }],
      );
      this.#markDone(state, output);
    } finally {
      this.#inFlight -= 1;
      if (this.#begun && !this.#finished) {
        this.#pump();
        this.#maybeSettle();
      }
    }
  }

  #pump(): void {
    if (!this.#begun || this.#stopping()) return;
    for (const state of this.#steps.values()) {
      if (state.status !== 'pending' || state.scheduled || state.retrying) continue;
      if (!state.plan.needs.every((need) => this.#steps.get(need)?.status === 'done')) continue;
      this.#schedule(state);
    }
  }

  #schedule(state: StepState): void {
    state.scheduled = true;
    this.#inFlight += 1;
    this.#core.queue
      .add(() => this.#runAttempt(state), { signal: this.#controller.signal })
      .catch((error: unknown) => {
        // Removed from the queue by a cancel before it started.
        if (!this.#controller.signal.aborted) this.#core.onBackgroundError(error);
      })
      .finally(() => {
        state.scheduled = false;
        this.#inFlight -= 1;
        this.#pump();
        this.#maybeSettle();
      });
  }

  async #runAttempt(state: StepState): Promise<void> {
    if (this.#stopping()) return;
    const step = state.plan;
    const attempt = state.attempts + 1;
    state.attempts = attempt;
    const repair = state.repair;
    state.repair = undefined;
    // Repairs have their own budget; the retry budget counts attempts that hit transient errors.
    if (!repair) state.sessionAttempts += 1;
    const startedAt = this.#now();
    state.startedAt ??= startedAt;
    let outcome: AttemptOutcome;
    try {
      const inputs = renderWith(step.with, { inputs: this.#setup.plan.inputs, steps: this.#outputs(), context: this.#context?.context });
      await this.#commit(
        {
          steps: [{ stepId: step.id, patch: { status: 'running', inputs, attempts: attempt, startedAt: state.startedAt, error: null, instructions: null } }],
          attempts: [{ stepId: step.id, number: attempt, status: 'running', startedAt }],
        },
        [{ type: 'step.started', runId: this.runId, at: startedAt, stepId: step.id, attempt, ...(repair && { repair: true }) }],
      );
      state.status = 'running';
      outcome = await executeAttempt(
        {
          runId: this.runId,
          campaign: { id: this.#setup.plan.playbook.id, name: this.#setup.plan.playbook.name },
          step,
          attempt,
          inputs,
          dependencies: step.needs.map((need) => {
            const dep = this.#steps.get(need)!;
            return { stepId: need, name: dep.plan.name, source: dep.plan.skill ?? dep.plan.tool ?? dep.plan.approver, output: dep.output ?? '' };
          }),
          context: this.#promptContext(),
          ...(this.#context && { namedContext: this.#context }),
          finished: this.#finishedSteps(),
          ...(repair && { repair }),
          repairsLeft: Math.max(0, this.#core.contractRepairs - state.repairs),
          repairsUsed: state.repairs,
        },
        {
          skills: this.#core.skills,
          executor: this.#setup.executor,
          gateTools: this.#core.gateTools,
          timeoutMs: step.timeoutMs ?? this.#core.stepTimeoutMs,
          recordToolCall: (call) => this.#recordToolCall(step.id, attempt, call),
          clock: this.#core.clock,
        },
        this.#controller.signal,
      );
    } catch (error) {
      await this.#attemptFailed(state, attempt, startedAt, error);
      return;
    }
    await this.#attemptSucceeded(state, attempt, startedAt, outcome);
  }

  async #attemptSucceeded(state: StepState, attempt: number, startedAt: string, outcome: AttemptOutcome): Promise<void> {
    const stepId = state.plan.id;
    const now = this.#now();
    if (outcome.kind === 'done' || outcome.kind === 'blocked') {
      if (outcome.gate) await this.#recordToolCall(stepId, attempt, gateCall(state.plan.tool ?? 'gate', startedAt, now, outcome.gate));
    }
    const write = attemptOutcomeWrite({ runId: this.runId, stepId, attempt, now, ...(state.plan.approver && { approver: state.plan.approver }) }, outcome);
    await this.#commit(write.change, write.events);
    state.status = write.status;
    if (outcome.kind === 'blocked') {
      this.#blocked ??= { error: write.error!, report: `${write.error!.message}\n\n${outcome.output}` };
    } else if (outcome.kind === 'repair') {
      // Back in line at once: the next attempt sends the model this answer and its violations.
      state.repair = { output: outcome.output, violations: outcome.problems };
      state.repairs += 1;
    } else if (outcome.kind === 'done') {
      this.#markDone(state, outcome.output);
    }
  }

  async #attemptFailed(state: StepState, attempt: number, startedAt: string, raw: unknown): Promise<void> {
    const stepId = state.plan.id;
    const now = this.#now();
    const error = toStoredError(raw);
    if (this.#cancelReason !== undefined) {
      await this.#commit(
        { steps: [{ stepId, patch: { status: 'cancelled', finishedAt: now } }], attempts: [{ stepId, number: attempt, status: 'cancelled', startedAt, finishedAt: now, error }] },
        [{ type: 'step.cancelled', runId: this.runId, at: now, stepId }],
      ).catch(this.#core.onBackgroundError);
      state.status = 'cancelled';
      return;
    }
    if (isRetryableError(raw) && state.sessionAttempts < state.plan.retry.attempts && !this.#stopping()) {
      const delayMs = backoffDelay(state.sessionAttempts, state.plan.retry.backoffMs, this.#core.random);
      await this.#commit(
        { steps: [{ stepId, patch: { status: 'pending', error } }], attempts: [{ stepId, number: attempt, status: 'failed', startedAt, finishedAt: now, error }] },
        [{ type: 'step.retrying', runId: this.runId, at: now, stepId, attempt, delayMs, error }],
      ).catch(this.#core.onBackgroundError);
      state.status = 'pending';
      // Counted as in flight so the run does not settle during the delay.
      this.#inFlight += 1;
      state.retrying = true;
      void this.#core.sleep(delayMs, this.#controller.signal).then(
        () => {
          state.retrying = false;
          this.#inFlight -= 1;
          if (this.#stopping()) this.#maybeSettle();
          else this.#schedule(state);
        },
        () => {
          state.retrying = false;
          this.#inFlight -= 1;
          this.#maybeSettle();
        },
      );
      return;
    }
    await this.#commit(
      { steps: [{ stepId, patch: { status: 'failed', finishedAt: now, error } }], attempts: [{ stepId, number: attempt, status: 'failed', startedAt, finishedAt: now, error }] },
      [...handoffEventsOf({ runId: this.runId, stepId, attempt, now }, error), { type: 'step.failed', runId: this.runId, at: now, stepId, attempt, error }],
    ).catch(this.#core.onBackgroundError);
    state.status = 'failed';
    this.#failure ??= error;
  }

  #markDone(state: StepState, output: string): void {
    state.status = 'done';
    state.output = output;
    if (state.plan.id !== DRAFT_CONTEXT_STEP_ID) return;
    this.#context = this.#draftedContext(output);
    const requirement = this.#setup.plan.context.requirement;
    if (!requirement || !this.#context) return;
    const verdict = checkDraftedContext(this.#setup.plan, this.#context);
    if (!verdict.ok) {
      this.#blocked ??= {
        error: { code: 'CONTEXT_INCOMPLETE', message: `The drafted context is still not ready for "${this.#setup.plan.playbook.id}".` },
        report: `The drafted context (step ${DRAFT_CONTEXT_STEP_ID}) still falls short.\n${verdict.report}`,
      };
    }
  }

  #promptContext(): { name: string; markdown: string } | undefined {
    if (!this.#context) return undefined;
    if (this.#contextMarkdown?.name !== this.#context.name || this.#contextStale) {
      this.#contextMarkdown = { name: this.#context.name, markdown: contextToMarkdown(this.#context.context) };
      this.#contextStale = false;
    }
    return this.#contextMarkdown;
  }

  #draftedContext(output: string): NamedContext {
    this.#contextStale = true;
    return deriveDraftedContext(this.#core.parseContext, this.runId, this.#setup.context, output);
  }

  #stopping(): boolean {
    return this.#cancelReason !== undefined || this.#failure !== undefined || this.#blocked !== undefined || this.#detached;
  }

  #maybeSettle(): void {
    if (this.#finished || this.#inFlight > 0) return;
    this.#finished = true;
    void this.#settle()
      .catch(this.#core.onBackgroundError)
      .finally(() => {
        if (this.#heartbeat) clearInterval(this.#heartbeat);
        this.#setup.onSettled(this.runId);
        this.#resolveSettled();
      });
  }

  async #settle(): Promise<void> {
    if (this.#detached) return;
    const verdict = settleVerdict({
      runId: this.runId,
      now: this.#now(),
      steps: [...this.#steps.values()].map((s) => ({ id: s.plan.id, status: s.status })),
      ...(this.#cancelReason !== undefined && { cancelReason: this.#cancelReason }),
      ...(this.#failure && { failure: this.#failure }),
      ...(this.#blocked && { blocked: this.#blocked }),
    });
    // A cancel written by another process wins over our own verdict, and is not repeated.
    const cancelledElsewhere = (await this.#core.store.getRun(this.runId))?.status === 'cancelled';
    if (!cancelledElsewhere || verdict.status === 'cancelled') {
      const events = cancelledElsewhere ? verdict.events.filter((e) => e.type !== 'run.cancelled') : verdict.events;
      await this.#commit({ ...(!cancelledElsewhere && { run: verdict.run }), steps: verdict.steps }, events);
      for (const { stepId, patch } of verdict.steps) {
        const state = this.#steps.get(stepId);
        if (state && patch.status) state.status = patch.status;
      }
    }
    await this.#core.store.releaseLease(this.runId, this.#core.lease.owner);
  }

  async #beat(): Promise<void> {
    if (this.#finished) return;
    const ours = await this.#core.store.renewLease(this.runId, this.#core.lease.owner, this.#now());
    if (!ours) {
      // Another process took the run over; stop without writing anything more.
      this.#detached = true;
      this.#controller.abort(new MopsError('CANCELLED', `Run ${this.runId} was taken over by another process.`));
      this.#maybeSettle();
      return;
    }
    const run = await this.#core.store.getRun(this.runId);
    if (run?.status === 'cancelled') this.cancel('cancelled from another process');
  }

  async #recordToolCall(stepId: string, attempt: number, call: AgentToolCall): Promise<void> {
    if (this.#detached) return;
    await this.#core.store.recordToolCall({ runId: this.runId, stepId, attempt, ...call });
  }

  async #commit(change: RunWrite, events: RunEvent[]): Promise<void> {
    if (this.#detached) return;
    await this.#core.store.write(this.runId, { ...change, events: events.map(toEventWrite) });
    for (const event of events) this.#core.events.emit(event);
  }

  /** Finished steps with their names, for the `read_step_output` tool. */
  #finishedSteps(): Record<string, { name: string; output: string }> {
    const finished: Record<string, { name: string; output: string }> = {};
    for (const [id, state] of this.#steps) if (state.status === 'done' && state.output !== null) finished[id] = { name: state.plan.name, output: state.output };
    return finished;
  }

  #outputs(): Record<string, string> {
    const outputs: Record<string, string> = {};
    for (const [id, state] of this.#steps) if (state.status === 'done' && state.output !== null) outputs[id] = state.output;
    return outputs;
  }

  #now(): string {
    return this.#core.clock().toISOString();
  }
}
