import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/config/project-paths.js';
import { evaluateRouting } from '../../src/routing/index.js';
import { routerBlindTo } from '../../src/routing/eval/router-blind-to.js';
import { loadLabelledRequests } from '../../src/routing/eval/load-labelled-requests.js';

/**
 * Guards routing quality on the labelled set (test/routing/fixtures). The printed report
 * is `npm run eval:routing`; these floors catch regressions, they are not the targets.
 * Each set is routed as `npm run eval:routing` routes it: by a router whose example
 * classifier was trained without that set's requests.
 */
describe('routing quality on the labelled set', () => {
  it('stays above its accuracy floors on set A', async () => {
    const examples = await loadLabelledRequests(join(PACKAGE_ROOT, 'test/routing/fixtures/labelled-requests.jsonl'));
    expect(examples.length).toBeGreaterThanOrEqual(300);
    const router = await routerBlindTo(examples.map((e) => e.text));
    const evaluation = evaluateRouting(examples, (text) => router.route(text));
    expect(evaluation.inScope.accuracy).toBeGreaterThanOrEqual(0.96);
    expect(evaluation.outOfScope.recall).toBeGreaterThanOrEqual(0.94);
    expect(evaluation.outOfScope.precision).toBeGreaterThanOrEqual(0.9);
    for (const row of evaluation.perLabel) expect(row.accuracy, row.label).toBeGreaterThanOrEqual(0.75);
  });

  it('generalises to set B, written independently of the triggers', async () => {
    const examples = await loadLabelledRequests(join(PACKAGE_ROOT, 'test/routing/fixtures/labelled-requests-b.jsonl'));
    const router = await routerBlindTo(examples.map((e) => e.text));
    const evaluation = evaluateRouting(examples, (text) => router.route(text));
    expect(evaluation.inScope.accuracy).toBeGreaterThanOrEqual(0.96);
    expect(evaluation.outOfScope.recall).toBeGreaterThanOrEqual(0.94);
  });

  // Sets C-J were written later from the matrix alone; D, F and J were never tuned against,
  // and H, I and J were first measured blind. Floors sit a few points under today's numbers
  // (fixtures README), to catch regressions.
  it.each([
    ['c', 0.95, 0.95],
    ['d', 0.9, 0.9],
    ['e', 0.94, 0.95],
    ['f', 0.92, 0.92],
    ['g', 0.9, 0.95],
    ['h', 0.9, 0.93],
    ['i', 0.91, 0.9],
    ['j', 0.91, 0.9],
  ])('generalises to fresh set %s', async (set, inScope, rejected) => {
    const examples = await loadLabelledRequests(join(PACKAGE_ROOT, `test/routing/fixtures/labelled-requests-${set}.jsonl`));
    const router = await routerBlindTo(examples.map((e) => e.text));
    const evaluation = evaluateRouting(examples, (text) => router.route(text));
    expect(evaluation.inScope.accuracy).toBeGreaterThanOrEqual(inScope);
    expect(evaluation.outOfScope.recall).toBeGreaterThanOrEqual(rejected);
  });

  it('rejects a malformed labelled line with file and line', async () => {
    const { writeFile, mkdtemp } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const dir = await mkdtemp(join(tmpdir(), 'mops-eval-'));
    const file = join(dir, 'set.jsonl');
    await writeFile(file, '{"id":"1","text":"seo audit","expect":{"type":"skill","id":"seo-specialist"}}\n{"id":"2","text":"x","expect":{"type":"page","id":"y"}}\n');
    await expect(loadLabelledRequests(file)).rejects.toThrow(/set\.jsonl:2: expect\.type: /);
  });
});
