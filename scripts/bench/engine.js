// Engine: per-step overhead with an instant model, and 200 concurrent product-launch runs
// against a model that takes 50 ms per step, compared with the ideal the concurrency limit
// allows. Real SQLite store (WAL) in a temp folder; the model is the only thing faked.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createEngine, RunEventEmitter, SqliteRunStore } from '../../dist/engine/index.js';
import { loadContext, parseContext } from '../../dist/context/index.js';
import { loadPlaybook } from '../../dist/playbooks/index.js';
import { loadSkills } from '../../dist/skills/index.js';
import { OPS_TOOLS } from '../../dist/ops/index.js';
import { resolveProjectPaths } from '../../dist/config/project-paths.js';
import { fmt } from './measure.js';

const INPUTS = {
  product_name: 'Pulse',
  launch_date: '2026-12-01',
  landing_url: 'https://northwind.example/pulse',
  campaign_name: 'pulse-launch',
};

/** A model stand-in: after `latencyMs`, an answer that meets the skill's output contract. */
function benchExecutor(latencyMs) {
  return {
    kind: 'bench',
    toolAccess: 'none',
    async execute(request, { signal }) {
      if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
      if (signal.aborted) throw signal.reason;
      const line = /Use exactly these `##` headings, in this order: (.+)\.$/m.exec(request.prompt.system)?.[1] ?? '';
      const headings = [...line.matchAll(/"([^"]+)"/g)].map((m) => m[1]);
      const body =
        'Objective, audience, key message, call to action (CTA), success metric, deadline and format are set. ' +
        'Link: https://northwind.example/pulse?utm_source=linkedin&utm_medium=social&utm_campaign=pulse-launch';
      const output = (headings.length ? headings : ['Result']).map((h) => `## ${h}\n\n${body}`).join('\n\n');
      return { status: 'done', output, usage: { inputTokens: 100, outputTokens: 50 } };
    },
  };
}

async function makeEngine(latencyMs, concurrency) {
  const paths = resolveProjectPaths();
  const skills = await loadSkills(paths.skillsDir);
  const playbook = await loadPlaybook('product-launch', { playbooksDir: paths.playbooksDir, skillIds: skills.ids(), opsToolNames: OPS_TOOLS.map((t) => t.name) });
  const context = await loadContext('northwind-analytics', { contextDir: paths.contextDir });
  const events = new RunEventEmitter();
  const store = new SqliteRunStore({ file: join(mkdtempSync(join(tmpdir(), 'mops-bench-engine-')), 'runs.db') });
  const engine = createEngine({
    store,
    skills,
    executors: { bench: benchExecutor(latencyMs) },
    defaultExecutor: 'bench',
    loadPlaybook: async () => playbook,
    loadContext: async () => ({ name: context.name, context }),
    parseContext: (text, where) => parseContext(text, where),
    events,
    concurrency,
  });
  let stepCount = 0;
  events.subscribe((event) => {
    if (event.type === 'step.finished') stepCount++;
  });
  return { engine, steps: () => stepCount, playbook };
}

/** Runs to completion; the launch playbook's approval gate is approved by its named approver. */
async function runToEnd(engine, playbook) {
  let view = await engine.startRun({ playbook: 'product-launch', context: 'northwind-analytics', inputs: INPUTS });
  for (;;) {
    view = await engine.waitForRun(view.run.id);
    if (view.run.status !== 'waiting') return view;
    const waiting = view.steps.filter((s) => s.status === 'waiting');
    for (const step of waiting) {
      const definition = playbook.steps.find((s) => s.id === step.stepId);
      await engine.approveStep(view.run.id, step.stepId, { approver: definition.approver });
    }
  }
}

async function runMany(engine, count, playbook) {
  const done = await Promise.all(Array.from({ length: count }, () => runToEnd(engine, playbook)));
  const failed = done.filter((view) => view.run.status !== 'done');
  if (failed.length > 0) throw new Error(`${failed.length} runs did not finish: ${failed[0].run.status} ${JSON.stringify(failed[0].run.error ?? '')}`);
}

export async function benchEngine() {
  // Per-step overhead: an instant model, so all time is the engine's (plan, store, events).
  const overhead = await makeEngine(0, 4);
  await runMany(overhead.engine, 5, overhead.playbook); // warm up
  const before = overhead.steps();
  const start = performance.now();
  await runMany(overhead.engine, 50, overhead.playbook);
  const perStep = (performance.now() - start) / (overhead.steps() - before);
  await overhead.engine.close();

  // 200 concurrent launch runs, 50 ms per model call, 16 model calls at a time (a typical
  // rate-limit budget for one API key).
  const concurrency = 16;
  const latency = 50;
  const loaded = await makeEngine(latency, concurrency);
  const modelSteps = loaded.playbook.steps.filter((s) => (s.type ?? 'skill') === 'skill').length;
  const runs = 200;
  const t0 = performance.now();
  await runMany(loaded.engine, runs, loaded.playbook);
  const elapsed = performance.now() - t0;
  await loaded.engine.close();
  const ideal = Math.max((runs * modelSteps * latency) / concurrency, modelSteps * latency);
  return [
    ['engine overhead per step (instant model, SQLite store)', fmt(perStep), '< 2 ms'],
    [
      `200 concurrent product-launch runs, 50 ms model, concurrency ${concurrency}`,
      `${fmt(elapsed)} (ideal ${fmt(ideal)}, ${(elapsed / ideal).toFixed(2)}×)`,
      '≤ 1.5× ideal',
    ],
  ];
}
