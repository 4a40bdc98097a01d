import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { PACKAGE_ROOT } from '../../src/config/project-paths.js';
import { captureIo } from '../support/capture-io.js';

/** The README teaches playbook authoring by example; the example must stay valid. */
describe('the README playbook example', () => {
  it('validates without errors or warnings and plans against the example context', async () => {
    const readme = await readFile(join(PACKAGE_ROOT, 'README.md'), 'utf8');
    const yaml = /```yaml\n(# yaml-language-server[\s\S]*?)```/.exec(readme)?.[1];
    expect(yaml).toBeDefined();
    const dir = await mkdtemp(join(tmpdir(), 'mops-readme-'));
    await mkdir(join(dir, 'playbooks'));
    await writeFile(join(dir, 'playbooks', 'webinar-promo.yaml'), yaml!);

    const validate = captureIo({}, PACKAGE_ROOT);
    expect(await runCli(['validate', join(dir, 'playbooks')], validate.io)).toBe(0);
    expect(validate.out()).toMatch(/0 errors, 0 warnings/);

    const plan = captureIo({ MOPS_PLAYBOOKS_DIR: join(dir, 'playbooks'), MOPS_HOME: join(dir, '.mops') }, PACKAGE_ROOT);
    const code = await runCli(
      ['plan', 'webinar-promo', '--context', 'northwind-analytics', '--input', 'title=Forecasting 101', '--input', 'date=2026-12-15', '--input', 'page_url=https://example.com/webinar'],
      plan.io,
    );
    expect(plan.err()).toBe('');
    expect(code).toBe(0);
    expect(plan.out()).toMatch(/Level 2 \(in parallel\)/);
    expect(plan.out()).toContain('flowchart TD');
  });
});
