import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewRun, RunStore } from '../../../src/engine/store/index.js';
import { MopsError } from '../../../src/errors/index.js';

/**
 * The behaviour every RunStore must have. Each implementation's test file calls this
 * with a factory; the same assertions run against SQLite and memory.
 */
export function describeRunStoreConformance(name: string, open: () => Promise<RunStore> | RunStore): void {
  describe(`${name} (RunStore conformance)`, () => {
    let store: RunStore;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    const newRun = (id: string, createdAt = '2026-01-01T00:00:00.000Z', extra: Partial<NewRun['run']> = {}): NewRun => ({
      run: {
        id,
        playbookId: 'product-launch',
        playbookName: 'Product launch',
        playbookSnapshot: { id: 'product-launch', steps: [{ id: 'strategy' }, { id: 'copy' }] },
        contextName: 'acme',
        contextSnapshot: { name: 'acme', sections: { product: { text: 'Widgets' } } },
        inputs: { product: 'Acme Widgets', budget: 500 },
        executor: 'openai',
        createdAt,
        ...extra,
      },
      steps: [
        { stepId: 'strategy', name: 'Plan content', kind: 'skill', skill: 'content-strategy', needs: [] },
        { stepId: 'copy', name: 'Write copy', kind: 'skill', skill: 'copywriting', needs: ['strategy'] },
        { stepId: 'approve', name: 'Sign-off', kind: 'approval', skill: null, needs: ['copy'] },
      ],
    });

    it('creates a run with defaults and returns it with its steps in plan order', async () => {
      await store.createRun(newRun('r1'));
      const run = await store.getRun('r1');
      expect(run).toMatchObject({
        id: 'r1',
        playbookId: 'product-launch',
        contextName: 'acme',
        inputs: { product: 'Acme Widgets', budget: 500 },
        status: 'pending',
        startedAt: null,
        finishedAt: null,
        error: null,
        report: null,
      });
      expect(run?.playbookSnapshot).toEqual({ id: 'product-launch', steps: [{ id: 'strategy' }, { id: 'copy' }] });
      expect(run?.contextSnapshot).toEqual({ name: 'acme', sections: { product: { text: 'Widgets' } } });
      const steps = await store.listSteps('r1');
      expect(steps.map((s) => [s.stepId, s.position, s.status, s.attempts])).toEqual([
        ['strategy', 0, 'pending', 0],
        ['copy', 1, 'pending', 0],
        ['approve', 2, 'pending', 0],
      ]);
      expect(steps[1]).toMatchObject({ needs: ['strategy'], skill: 'copywriting', kind: 'skill', output: null, usage: null });
      expect(steps[2]?.skill).toBeNull();
    });

    it('stores a run without context as null', async () => {
      await store.createRun(newRun('r0', undefined, { contextName: null, contextSnapshot: null }));
      expect(await store.getRun('r0')).toMatchObject({ contextName: null, contextSnapshot: null });
    });

    it('refuses a duplicate run id', async () => {
      await store.createRun(newRun('dup'));
      await expect(store.createRun(newRun('dup'))).rejects.toMatchObject({ code: 'STORE_ERROR' });
    });

    it('returns undefined and empty lists for an unknown run', async () => {
      expect(await store.getRun('nope')).toBeUndefined();
      expect(await store.listSteps('nope')).toEqual([]);
      expect(await store.listAttempts('nope')).toEqual([]);
      expect(await store.listEvents('nope')).toEqual([]);
      expect(await store.listToolCalls('nope')).toEqual([]);
    });

    it('lists runs newest first, filtered and limited', async () => {
      await store.createRun(newRun('a', '2026-01-01T00:00:01.000Z'));
      await store.createRun(newRun('b', '2026-01-01T00:00:03.000Z'));
      await store.createRun(newRun('c', '2026-01-01T00:00:02.000Z', { playbookId: 'content-sprint' }));
      await store.write('a', { run: { status: 'done' } });
      expect((await store.listRuns()).map((r) => r.id)).toEqual(['b', 'c', 'a']);
      expect((await store.listRuns({ limit: 2 })).map((r) => r.id)).toEqual(['b', 'c']);
      expect((await store.listRuns({ status: 'done' })).map((r) => r.id)).toEqual(['a']);
      expect((await store.listRuns({ playbookId: 'content-sprint' })).map((r) => r.id)).toEqual(['c']);
    });

    it('applies run, step, attempt and event changes from one write', async () => {
      await store.createRun(newRun('w'));
      await store.write('w', {
        run: { status: 'running', startedAt: '2026-01-01T00:00:05.000Z' },
        steps: [{ stepId: 'strategy', patch: { status: 'running', attempts: 1, inputs: { topic: 'launch' }, startedAt: '2026-01-01T00:00:05.000Z' } }],
        attempts: [{ stepId: 'strategy', number: 1, status: 'running', startedAt: '2026-01-01T00:00:05.000Z' }],
        events: [
          { type: 'run.started', at: '2026-01-01T00:00:05.000Z', data: { playbookId: 'product-launch' } },
          { type: 'step.started', stepId: 'strategy', at: '2026-01-01T00:00:05.000Z', data: { attempt: 1 } },
        ],
      });
      await store.write('w', {
        steps: [
          {
            stepId: 'strategy',
            patch: {
              status: 'done',
              output: '# Plan\nThree posts.',
              finishedAt: '2026-01-01T00:00:09.000Z',
              usage: { inputTokens: 120, outputTokens: 40 },
            },
          },
        ],
        attempts: [
          {
            stepId: 'strategy',
            number: 1,
            status: 'done',
            finishedAt: '2026-01-01T00:00:09.000Z',
            output: '# Plan\nThree posts.',
            usage: { inputTokens: 120, outputTokens: 40 },
          },
        ],
        events: [{ type: 'step.finished', stepId: 'strategy', at: '2026-01-01T00:00:09.000Z' }],
      });
      expect(await store.getRun('w')).toMatchObject({ status: 'running', startedAt: '2026-01-01T00:00:05.000Z' });
      const [strategy] = await store.listSteps('w');
      expect(strategy).toMatchObject({
        status: 'done',
        attempts: 1,
        inputs: { topic: 'launch' },
        output: '# Plan\nThree posts.',
        startedAt: '2026-01-01T00:00:05.000Z',
        finishedAt: '2026-01-01T00:00:09.000Z',
        usage: { inputTokens: 120, outputTokens: 40 },
      });
      expect(await store.listAttempts('w', 'strategy')).toEqual([
        {
          runId: 'w',
          stepId: 'strategy',
          number: 1,
          status: 'done',
          startedAt: '2026-01-01T00:00:05.000Z',
          finishedAt: '2026-01-01T00:00:09.000Z',
          error: null,
          output: '# Plan\nThree posts.',
          usage: { inputTokens: 120, outputTokens: 40 },
        },
      ]);
      const events = await store.listEvents('w');
      expect(events.map((e) => [e.type, e.stepId])).toEqual([
        ['run.started', null],
        ['step.started', 'strategy'],
        ['step.finished', 'strategy'],
      ]);
      expect(events[0]?.data).toEqual({ playbookId: 'product-launch' });
      expect(events[2]?.data).toEqual({});
      expect(events[0]!.seq).toBeLessThan(events[1]!.seq);
      const later = await store.listEvents('w', { afterSeq: events[1]!.seq });
      expect(later.map((e) => e.type)).toEqual(['step.finished']);
    });

    it('records errors and several attempts per step, listed in step then attempt order', async () => {
      await store.createRun(newRun('e'));
      const error = { code: 'MODEL_ERROR', message: 'Rate limited (429).', details: { status: 429, retryable: true } };
      await store.write('e', {
        attempts: [
          { stepId: 'copy', number: 1, status: 'failed', startedAt: 't1', finishedAt: 't2', error },
          { stepId: 'strategy', number: 1, status: 'done', startedAt: 't0', finishedAt: 't1', output: 'ok' },
          { stepId: 'copy', number: 2, status: 'running', startedAt: 't3' },
        ],
        steps: [{ stepId: 'copy', patch: { attempts: 2, error } }],
      });
      const attempts = await store.listAttempts('e');
      expect(attempts.map((a) => [a.stepId, a.number, a.status])).toEqual([
        ['strategy', 1, 'done'],
        ['copy', 1, 'failed'],
        ['copy', 2, 'running'],
      ]);
      expect(attempts[1]?.error).toEqual(error);
      expect((await store.listSteps('e'))[1]?.error).toEqual(error);
      await store.write('e', { steps: [{ stepId: 'copy', patch: { error: null } }] });
      expect((await store.listSteps('e'))[1]?.error).toBeNull();
    });

    it('leaves the run untouched when a write names an unknown step', async () => {
      await store.createRun(newRun('atomic'));
      await expect(
        store.write('atomic', {
          run: { status: 'failed' },
          steps: [{ stepId: 'ghost', patch: { status: 'done' } }],
          events: [{ type: 'run.failed', at: 't' }],
        }),
      ).rejects.toBeInstanceOf(MopsError);
      expect((await store.getRun('atomic'))?.status).toBe('pending');
      expect(await store.listEvents('atomic')).toEqual([]);
    });

    it('refuses writes to an unknown run', async () => {
      await expect(store.write('ghost', { run: { status: 'done' } })).rejects.toMatchObject({ code: 'STORE_ERROR' });
    });

    it('does not let callers change stored values through returned objects', async () => {
      await store.createRun(newRun('copy'));
      const run = await store.getRun('copy');
      (run!.inputs as Record<string, unknown>).product = 'changed';
      expect((await store.getRun('copy'))?.inputs.product).toBe('Acme Widgets');
    });

    it('records tool calls per step and attempt', async () => {
      await store.createRun(newRun('t'));
      const first = await store.recordToolCall({
        runId: 't',
        stepId: 'copy',
        attempt: 1,
        name: 'validate_utms',
        input: { text: 'https://x.test/?utm_source=a' },
        result: { ok: false, errors: 1 },
        startedAt: '2026-01-01T00:00:00.000Z',
        durationMs: 3.5,
      });
      await store.recordToolCall({
        runId: 't',
        stepId: 'strategy',
        attempt: 2,
        name: 'score_leads',
        input: [],
        result: null,
        startedAt: '2026-01-01T00:00:01.000Z',
        durationMs: 1,
      });
      expect(first).toMatchObject({ runId: 't', stepId: 'copy', name: 'validate_utms', result: { ok: false, errors: 1 }, durationMs: 3.5 });
      expect((await store.listToolCalls('t')).map((c) => c.name)).toEqual(['validate_utms', 'score_leads']);
      expect((await store.listToolCalls('t', 'strategy')).map((c) => [c.name, c.attempt])).toEqual([['score_leads', 2]]);
      await expect(
        store.recordToolCall({ runId: 't', stepId: 'ghost', attempt: 1, name: 'x', input: {}, result: {}, startedAt: 't', durationMs: 0 }),
      ).rejects.toMatchObject({ code: 'STORE_ERROR' });
    });

    describe('leases', () => {
      const request = (owner: string, now: string, canTakeOver = () => false) => ({ owner, pid: 1234, host: 'box', now, canTakeOver });

      it('gives a free lease, keeps it for its owner and refuses others while live', async () => {
        await store.createRun(newRun('l'));
        expect(await store.getLease('l')).toBeUndefined();
        expect(await store.acquireLease('l', request('p1', 't1'))).toEqual({ acquired: true });
        expect(await store.getLease('l')).toEqual({ owner: 'p1', pid: 1234, host: 'box', heartbeatAt: 't1' });
        expect(await store.acquireLease('l', request('p1', 't2'))).toEqual({ acquired: true });
        const refused = await store.acquireLease('l', request('p2', 't3'));
        expect(refused).toEqual({ acquired: false, holder: { owner: 'p1', pid: 1234, host: 'box', heartbeatAt: 't2' } });
      });

      it('lets a lease be taken over when the predicate says its holder is gone', async () => {
        await store.createRun(newRun('l2'));
        await store.acquireLease('l2', request('p1', 't1'));
        const seen: string[] = [];
        const result = await store.acquireLease('l2', request('p2', 't9', () => true));
        expect(result).toEqual({ acquired: true });
        await store.acquireLease('l2', {
          ...request('p3', 't10'),
          canTakeOver: (current) => {
            seen.push(current.owner);
            return false;
          },
        });
        expect(seen).toEqual(['p2']);
        expect((await store.getLease('l2'))?.owner).toBe('p2');
      });

      it('renews only its own lease and releases only its own lease', async () => {
        await store.createRun(newRun('l3'));
        await store.acquireLease('l3', request('p1', 't1'));
        expect(await store.renewLease('l3', 'p1', 't5')).toBe(true);
        expect(await store.renewLease('l3', 'p2', 't6')).toBe(false);
        expect((await store.getLease('l3'))?.heartbeatAt).toBe('t5');
        await store.releaseLease('l3', 'p2');
        expect((await store.getLease('l3'))?.owner).toBe('p1');
        await store.releaseLease('l3', 'p1');
        expect(await store.getLease('l3')).toBeUndefined();
        expect(await store.renewLease('l3', 'p1', 't7')).toBe(false);
      });
    });
  });
}
