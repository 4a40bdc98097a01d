import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureIo } from '../support/capture-io.js';
import { runCli } from '../../src/cli/main.js';
import { PACKAGE_ROOT } from '../../src/config/project-paths.js';


let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mops-context-cli-'));
  await copyFile(join(PACKAGE_ROOT, 'context', 'northwind-analytics.md'), join(dir, 'northwind-analytics.md'));
  await writeFile(
    join(dir, 'globex.md'),
    '# Globex — marketing context\n\n## Product\n\nGlobex sells hammocks to offices that want calmer afternoons.\n\n## ICP\n\nOffice managers.\n\n## Roadmap\n\nlater\n',
  );
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('mops context', () => {
  it('shows every section complete and exits 0 for a ready context', async () => {
    const { io, out } = captureIo({ MOPS_CONTEXT_DIR: dir }, dir);
    expect(await runCli(['context', 'northwind-analytics'], io)).toBe(0);
    expect(out()).toContain('Northwind Analytics (northwind-analytics) — northwind-analytics.md, updated 2026-11-02');
    expect(out()).toMatch(/✔ Audience & ICP\s+complete\s+\d+/);
    expect(out()).toContain('Readiness: ready (score 1.00; 11 complete, 0 thin, 0 missing)');
  });

  it('lists problems per section and exits 1 when not ready', async () => {
    const { io, out } = captureIo({ MOPS_CONTEXT_DIR: dir }, dir);
    expect(await runCli(['context', 'globex'], io)).toBe(1);
    expect(out()).toMatch(/~ Product\s+thin\s+9\n {4}- Only 9 words; a complete section has at least 60\./);
    expect(out()).toMatch(/✖ Personas\s+missing\s+0\n {4}- No "## Personas" section/);
    expect(out()).toContain('? Roadmap (line 11): not a known section, not scored');
    expect(out()).toContain('Readiness: not-ready (score 0.09; 0 complete, 2 thin, 9 missing)');
  });

  it('prints the report as JSON', async () => {
    const { io, out } = captureIo({ MOPS_CONTEXT_DIR: dir }, dir);
    expect(await runCli(['context', 'globex', '--json'], io)).toBe(1);
    const report = JSON.parse(out()) as { readiness: string; thin: string[]; company: string; unknownSections: unknown[] };
    expect(report).toMatchObject({ readiness: 'not-ready', thin: ['product', 'audience'], company: 'Globex', unknownSections: [{ heading: 'Roadmap', line: 11 }] });
  });

  it('needs a name when several contexts exist, and lists them (usage error, exit 2)', async () => {
    const { io, err } = captureIo({ MOPS_CONTEXT_DIR: dir }, dir);
    expect(await runCli(['context'], io)).toBe(2);
    expect(err()).toContain('Several marketing contexts exist (globex, northwind-analytics)');
  });

  it('reports a missing context with the available names (exit 1)', async () => {
    const { io, err } = captureIo({ MOPS_CONTEXT_DIR: dir }, dir);
    expect(await runCli(['context', 'initech'], io)).toBe(1);
    expect(err()).toContain(`No marketing context at ${join(dir, 'initech.md')}. Available contexts: globex, northwind-analytics.`);
  });
});
