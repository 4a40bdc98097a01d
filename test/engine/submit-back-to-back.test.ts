import { expect, it } from 'vitest';
import { HandoffExecutor } from '../../src/executors/index.js';
import { PlaybookSchema } from '../../src/playbooks/index.js';
import { contractOutput, createHarness } from './support/engine-harness.js';

it('finishes the run when the next step\'s output is submitted right after the previous one, while the run is settling', async () => {
  const harness = await createHarness({ executors: { handoff: new HandoffExecutor() } });
  try {
    const book = PlaybookSchema.parse({
      id: 'two-steps',
      name: 'Two handoff steps',
      description: 'Copy, then an edit of it.',
      steps: [
        { id: 'copy', skill: 'copywriting', with: { request: 'Copy' } },
        { id: 'edit', skill: 'copy-editing', on_contract_violation: 'flag', with: { request: 'Edit' } },
      ],
    });
    const { run } = await harness.engine.startRun({ playbook: book });
    const started = await harness.engine.waitForRun(run.id);
    await harness.engine.submitStepOutput(run.id, 'copy', contractOutput(started.steps[0]!.instructions!, 'copy'));
    // No wait in between: the second submit lands while the run that started `edit` settles.
    await harness.engine.submitStepOutput(run.id, 'edit', 'Edited text.');
    const done = await harness.engine.waitForRun(run.id);
    expect(done.steps.map((s) => s.status)).toEqual(['done', 'done']);
    expect(done.run.status).toBe('done');
    const events = (await harness.store.listEvents(run.id)).map((e) => e.type);
    expect(events.at(-1)).toBe('run.finished');
  } finally {
    await harness.close();
  }
});
