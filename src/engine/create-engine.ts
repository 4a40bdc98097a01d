import { randomBytes } from 'node:crypto';
import PQueue from 'p-queue';
import type { MarketingContext } from '../context/index.js';
import { MopsError } from '../errors/index.js';
import { getOpsTool } from '../ops/ops-registry.js';
import type { Playbook } from '../playbooks/index.js';
export type { Engine, StartRunRequest, RunDetails } from './engine-api.js';
import { ActiveRun } from './active-run.js';
import type { EngineOptions, NamedContext } from './engine-options.js';
import { abortableSleep, type ExecutionCore } from './execution-core.js';
import { planRun } from './plan-run.js';
import { prepareResume } from './prepare-resume.js';
import { RunEventEmitter } from './run-event-emitter.js';
import { toEventWrite, type RunEvent } from './run-events.js';
import { defaultLeaseOptions, describeLease, leaseIsAbandoned } from './run-lease.js';
import type { RunPlan } from './run-plan.js';
import type { RunRecord, RunView, StepRecord } from './run-records.js';
import type { Engine } from './engine-api.js';
import { approverOf, checkSubmittedOutput, normalizeRole } from './submitted-output.js';

export function createEngine(options: EngineOptions): Engine {
  const clock = options.clock ?? (() => new Date());
  const generateId = options.generateId ?? (() => defaultRunId(clock()));
  const events = options.events ?? new RunEventEmitter();
  const concurrency = options.concurrency ?? 4;
  if (!options.queue && (!Number.isInteger(concurrency) || concurrency < 1)) {
    throw new MopsError('INVALID_INPUT', `Expected \`concurrency\` to be a whole number from 1 up, got \`${concurrency}\`.`);
  }
  const contractRepairs = options.contractRepairs ?? 2;
  if (!Number.isInteger(contractRepairs) || contractRepairs < 0) {
    throw new MopsError('INVALID_INPUT', `Expected \`contractRepairs\` to be a whole number from 0 up, got \`${contractRepairs}\`.`);
  }
  const core: ExecutionCore = {
    store: options.store,
    events,
    queue: options.queue ?? new PQueue({ concurrency }),
    clock,
    random: options.random ?? Math.random,
    sleep: options.sleep ?? abortableSleep,
    skills: options.skills,
    gateTools: options.gateTools ?? getOpsTool,
    stepTimeoutMs: options.stepTimeoutMs ?? 600_000,
    contractRepairs,
    lease: { ...defaultLeaseOptions(() => randomBytes(4).toString('hex')), ...options.lease },
    parseContext: options.parseContext,
    onBackgroundError: (error) => process.emitWarning(`mops engine: ${error instanceof Error ? error.message : String(error)}`),
  };
  const store = options.store;
  const active = new Map<string, ActiveRun>();
  const kinds = Object.keys(options.executors);
  const defaultKind = options.defaultExecutor ?? (options.executors.handoff ? 'handoff' : kinds[0]);
  const now = () => clock().toISOString();

  const executorKind = (requested: string | undefined): string => {
    const kind = requested ?? defaultKind;
    if (!kind || !options.executors[kind]) {
      throw new MopsError('INVALID_INPUT', `Unknown executor "${kind}". Available here: ${kinds.join(', ') || 'none'}.`);
    }
    return kind;
  };

  const resolveContext = async (name: string | undefined, playbook: Playbook): Promise<NamedContext | undefined> => {
    try {
      return await options.loadContext(name);
    } catch (error) {
      // Without a name and without a requirement, having no (or no single) context is fine.
      if (name === undefined && !playbook.context) return undefined;
      throw error;
    }
  };

  const requireRun = async (runId: string): Promise<RunRecord> => {
    const run = await store.getRun(runId);
    if (!run) throw new MopsError('NOT_FOUND', `No run "${runId}". List runs with \`mops runs\`.`, { details: { runId } });
    return run;
  };

  const view = async (runId: string): Promise<RunView> => ({ run: await requireRun(runId), steps: await store.listSteps(runId) });

  const commit = async (runId: string, change: Parameters<typeof store.write>[1], emitted: RunEvent[]): Promise<void> => {
    await store.write(runId, { ...change, events: emitted.map(toEventWrite) });
    for (const event of emitted) events.emit(event);
  };

  const takeLease = async (runId: string, action: string): Promise<void> => {
    const result = await store.acquireLease(runId, {
      owner: core.lease.owner,
      pid: core.lease.pid,
      host: core.lease.host,
      now: now(),
      canTakeOver: (lease) => leaseIsAbandoned(lease, core.lease, clock()),
    });
    if (!result.acquired) {
      throw new MopsError(
        'INVALID_STATE',
        `Cannot ${action} run ${runId}: it is being executed by ${describeLease(result.holder, clock())}. Wait for it to pause or finish, or stop it with \`mops cancel ${runId}\`.`,
        { details: { runId, lease: result.holder } },
      );
    }
  };

  const block = async (run: RunRecord, plan: RunPlan): Promise<void> => {
    const error = { code: 'CONTEXT_INCOMPLETE', message: plan.context.report.split('\n')[0] ?? 'The context falls short.' };
    await commit(run.id, { run: { status: 'blocked', error, report: plan.context.report, finishedAt: now() } }, [
      { type: 'run.blocked', runId: run.id, at: now(), report: plan.context.report, error },
    ]);
  };

  /** Builds the in-process run from the store and starts it (the lease is already ours). */
  const activate = async (
    run: RunRecord,
    kind: string,
    context: NamedContext | undefined,
    how: { resumed: boolean; plan?: RunPlan; before?: (activeRun: ActiveRun) => Promise<void> },
  ): Promise<void> => {
    const records = await store.listSteps(run.id);
    const plan =
      how.plan ??
      planRun(run.playbookSnapshot as Playbook, {
        inputs: run.inputs,
        ...(context && { context }),
        skills: options.skills,
        draftContext: records.some((step) => step.stepId === '_context'),
        executor: kind,
      });
    if (plan.status === 'blocked') {
      await block(run, plan);
      await store.releaseLease(run.id, core.lease.owner);
      return;
    }
    const prepared = prepareResume(run.id, records, kind, now());
    if (prepared.patches.length > 0 || kind !== run.executor) {
      await commit(run.id, { run: { executor: kind }, steps: prepared.patches, attempts: prepared.attempts }, prepared.events);
    }
    const activeRun = new ActiveRun(core, {
      run,
      plan,
      steps: prepared.steps,
      executor: options.executors[kind],
      context,
      onSettled: (id) => active.delete(id),
    });
    active.set(run.id, activeRun);
    try {
      await how.before?.(activeRun);
      await activeRun.begin(how.resumed);
    } catch (error) {
      active.delete(run.id);
      await store.releaseLease(run.id, core.lease.owner);
      throw error;
    }
  };

  /** The context a stored run uses: its snapshot, or a fresh load when it was blocked on the context. */
  const storedContext = async (run: RunRecord): Promise<NamedContext | undefined> => {
    if (run.status === 'blocked' && run.error?.code === 'CONTEXT_INCOMPLETE') {
      const fresh = await resolveContext(run.contextName ?? undefined, run.playbookSnapshot as Playbook).catch(() => undefined);
      if (fresh) {
        await store.write(run.id, { run: { contextSnapshot: fresh.context } });
        return fresh;
      }
    }
    return run.contextName && run.contextSnapshot ? { name: run.contextName, context: run.contextSnapshot as MarketingContext } : undefined;
  };

  const waitingStep = async (runId: string, stepId: string): Promise<{ run: RunRecord; step: StepRecord }> => {
    const run = await requireRun(runId);
    const steps = await store.listSteps(runId);
    const step = steps.find((candidate) => candidate.stepId === stepId);
    if (!step) {
      throw new MopsError('NOT_FOUND', `Run ${runId} has no step "${stepId}". Its steps: ${steps.map((s) => s.stepId).join(', ')}.`, { details: { runId, stepId } });
    }
    if (step.status !== 'waiting') {
      const waiting = steps.filter((s) => s.status === 'waiting').map((s) => s.stepId);
      throw new MopsError(
        'INVALID_STATE',
        `Step "${stepId}" of run ${runId} is ${step.status}, not waiting, so it takes no output. ${waiting.length ? `Waiting now: ${waiting.join(', ')}.` : 'No step of this run is waiting.'}`,
        { details: { runId, stepId, status: step.status } },
      );
    }
    if (run.status === 'done' || run.status === 'cancelled') {
      throw new MopsError('INVALID_STATE', `Run ${runId} is ${run.status}; it takes no more output.`, { details: { runId } });
    }
    return { run, step };
  };

  /** The run active here if it still takes changes; waits out one that is settling. */
  const settledUnlessAccepting = async (runId: string): Promise<ActiveRun | undefined> => {
    const here = active.get(runId);
    if (here && !here.accepting) {
      await here.settled;
      return undefined;
    }
    return here;
  };

  /**
   * Operations that may activate a run (start, resume, submit, approve, cancel) take
   * turns per run, so two tool calls at once never build two executions of one run.
   */
  const turns = new Map<string, Promise<unknown>>();
  const inTurn = <T>(runId: string, work: () => Promise<T>): Promise<T> => {
    const previous = turns.get(runId) ?? Promise.resolve();
    const next = previous.catch(() => {}).then(work);
    const tail = next.catch(() => {});
    turns.set(runId, tail);
    void tail.then(() => {
      if (turns.get(runId) === tail) turns.delete(runId);
    });
    return next;
  };

  const complete = async (run: RunRecord, stepId: string, output: string, extra: { approvedBy?: string; flagged?: string }): Promise<RunView> => {
    const here = await settledUnlessAccepting(run.id);
    if (here) {
      await here.completeWaitingStep(stepId, output, extra);
      return view(run.id);
    }
    await takeLease(run.id, 'continue');
    const kind = options.executors[run.executor] ? run.executor : executorKind(undefined);
    await activate(run, kind, await storedContext(run), {
      resumed: true,
      before: (activeRun) => activeRun.completeWaitingStep(stepId, output, extra),
    });
    return view(run.id);
  };

  return {
    events,

    async plan(request) {
      const playbook = typeof request.playbook === 'string' ? await options.loadPlaybook(request.playbook) : request.playbook;
      const context = await resolveContext(request.context, playbook);
      return planRun(playbook, {
        inputs: request.inputs ?? {},
        ...(context && { context }),
        skills: options.skills,
        draftContext: request.draftContext === true,
        executor: executorKind(request.executor),
      });
    },

    async startRun(request) {
      const playbook = typeof request.playbook === 'string' ? await options.loadPlaybook(request.playbook) : request.playbook;
      const context = await resolveContext(request.context, playbook);
      const kind = executorKind(request.executor);
      const plan = planRun(playbook, {
        inputs: request.inputs ?? {},
        ...(context && { context }),
        skills: options.skills,
        draftContext: request.draftContext === true,
        executor: kind,
      });
      const runId = generateId();
      await store.createRun({
        run: {
          id: runId,
          playbookId: playbook.id,
          playbookName: playbook.name,
          playbookSnapshot: playbook,
          contextName: context?.name ?? null,
          contextSnapshot: context?.context ?? null,
          inputs: plan.inputs,
          executor: kind,
          createdAt: now(),
        },
        steps: plan.steps.map((step) => ({ stepId: step.id, name: step.name, kind: step.kind, skill: step.skill ?? step.tool ?? null, needs: step.needs })),
      });
      const run = await requireRun(runId);
      if (plan.status === 'blocked') {
        await block(run, plan);
        return view(runId);
      }
      await takeLease(runId, 'start');
      await activate(run, kind, context, { resumed: false, plan });
      return view(runId);
    },

    resumeRun: (runId, resumeOptions = {}) => inTurn(runId, async () => {
      if (await settledUnlessAccepting(runId)) return view(runId);
      const run = await requireRun(runId);
      if (run.status === 'done' || run.status === 'cancelled') {
        const when = run.finishedAt ? ` at ${run.finishedAt}` : '';
        throw new MopsError(
          'INVALID_STATE',
          `Run ${runId} is already ${run.status === 'done' ? 'finished' : 'cancelled'}${when}; there is nothing to resume. Start a new run with \`mops run ${run.playbookId}\`.`,
          { details: { runId, status: run.status } },
        );
      }
      await takeLease(runId, 'resume');
      try {
        const kind = executorKind(resumeOptions.executor ?? (options.executors[run.executor] ? run.executor : undefined));
        await activate(run, kind, await storedContext(run), { resumed: true });
      } catch (error) {
        await store.releaseLease(runId, core.lease.owner);
        throw error;
      }
      return view(runId);
    }),

    cancelRun: (runId, cancelOptions = {}) => inTurn(runId, async () => {
      const run = await requireRun(runId);
      const reason = cancelOptions.reason ?? 'cancelled by request';
      if (run.status === 'done' || run.status === 'cancelled') {
        throw new MopsError('INVALID_STATE', `Run ${runId} is already ${run.status}; there is nothing to cancel.`, { details: { runId, status: run.status } });
      }
      const here = await settledUnlessAccepting(runId);
      if (here?.cancel(reason)) {
        await here.settled;
        return view(runId);
      }
      const current = await requireRun(runId);
      if (current.status === 'done' || current.status === 'cancelled') {
        throw new MopsError('INVALID_STATE', `Run ${runId} is already ${current.status}; there is nothing to cancel.`, { details: { runId, status: current.status } });
      }
      const lease = await store.getLease(runId);
      if (lease && lease.owner !== core.lease.owner && !leaseIsAbandoned(lease, core.lease, clock())) {
        // The owner sees the status on its next heartbeat and stops its steps.
        await commit(runId, { run: { status: 'cancelled', finishedAt: now(), error: { code: 'CANCELLED', message: reason } } }, [
          { type: 'run.cancelled', runId, at: now(), reason },
        ]);
        return view(runId);
      }
      await takeLease(runId, 'cancel');
      const steps = await store.listSteps(runId);
      const open = steps.filter((s) => s.status === 'pending' || s.status === 'running' || s.status === 'waiting');
      await commit(
        runId,
        {
          run: { status: 'cancelled', finishedAt: now(), error: { code: 'CANCELLED', message: reason } },
          steps: open.map((s) => ({ stepId: s.stepId, patch: { status: 'cancelled', finishedAt: now() } })),
        },
        [...open.map((s): RunEvent => ({ type: 'step.cancelled', runId, at: now(), stepId: s.stepId })), { type: 'run.cancelled', runId, at: now(), reason }],
      );
      await store.releaseLease(runId, core.lease.owner);
      return view(runId);
    }),

    submitStepOutput: (runId, stepId, output) => inTurn(runId, async () => {
      if (typeof output !== 'string' || output.trim() === '') {
        throw new MopsError('INVALID_INPUT', `The output for step "${stepId}" is empty. Submit the step's Markdown deliverable.`);
      }
      const { run, step } = await waitingStep(runId, stepId);
      if (step.kind === 'approval') {
        const approver = approverOf(run, stepId);
        throw new MopsError('INVALID_STATE', `Step "${stepId}" is an approval, not a handoff: approve it with \`mops approve ${runId} ${stepId} --as ${approver}\`.`);
      }
      const flagged = checkSubmittedOutput(run, step, output, options.skills);
      return complete(run, stepId, output, flagged ? { flagged } : {});
    }),

    approveStep: (runId, stepId, approval) => inTurn(runId, async () => {
      const { run, step } = await waitingStep(runId, stepId);
      if (step.kind !== 'approval') {
        throw new MopsError('INVALID_STATE', `Step "${stepId}" of run ${runId} is not an approval step; submit its output instead.`);
      }
      const required = approverOf(run, stepId);
      const given = normalizeRole(approval.approver ?? '');
      if (given !== normalizeRole(required)) {
        throw new MopsError(
          'INVALID_INPUT',
          `Step "${stepId}" must be approved by "${required}" (its accountable approver); "${approval.approver}" cannot approve it.`,
          { details: { runId, stepId, required, given: approval.approver } },
        );
      }
      const note = approval.note?.trim();
      const output = `Approved by ${required} at ${now()}.${note ? `\n\n${note}` : ''}`;
      return complete(run, stepId, output, { approvedBy: required });
    }),

    getRun: view,

    async getRunDetails(runId) {
      const base = await view(runId);
      const [attempts, toolCalls, runEvents, lease] = await Promise.all([
        store.listAttempts(runId),
        store.listToolCalls(runId),
        store.listEvents(runId),
        store.getLease(runId),
      ]);
      return { ...base, attempts, toolCalls, events: runEvents, lease };
    },

    listRuns: (query) => store.listRuns(query),

    async waitForRun(runId) {
      const here = active.get(runId);
      if (here) await here.settled;
      return view(runId);
    },

    async close() {
      await store.close();
    },
  };
}

function defaultRunId(date: Date): string {
  const stamp = date.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${stamp}-${randomBytes(4).toString('hex')}`;
}
