import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureIo } from '../support/capture-io.js';
import { runCli } from '../../src/cli/main.js';
import { PACKAGE_ROOT } from '../../src/config/project-paths.js';


let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mops-playbooks-cli-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('mops playbooks', () => {
  it('lists the shipped playbooks with step counts and inputs, required ones starred', async () => {
    const { io, out } = captureIo({ MOPS_PLAYBOOKS_DIR: join(PACKAGE_ROOT, 'playbooks') }, dir);
    expect(await runCli(['playbooks'], io)).toBe(0);
    const lines = out().split('\n');
    expect(lines[0]).toMatch(/^ID\s+NAME\s+STEPS\s+INPUTS \(\* required\)$/);
    const launch = lines.find((line) => line.startsWith('product-launch'));
    expect(launch).toMatch(/Product or feature launch\s+11\s+product_name\*, launch_date\*, landing_url\*, campaign_name\*, offer, budget/);
    expect(out()).toContain('5 playbooks.');
  });

  it('prints JSON with --json', async () => {
    const { io, out } = captureIo({ MOPS_PLAYBOOKS_DIR: join(PACKAGE_ROOT, 'playbooks') }, dir);
    expect(await runCli(['playbooks', '--json'], io)).toBe(0);
    const rows = JSON.parse(out()) as { id: string; steps: number; inputs: { name: string; required: boolean }[] }[];
    expect(rows.map((row) => row.id)).toEqual(['brand-awareness', 'content-sprint', 'conversion-optimization', 'lead-gen-blitz', 'product-launch']);
    const blitz = rows.find((row) => row.id === 'lead-gen-blitz');
    expect(blitz?.steps).toBe(7);
    expect(blitz?.inputs.find((input) => input.name === 'budget')).toMatchObject({ required: false, default: 10000, type: 'number' });
  });

  it('keeps listing when one file is broken, reports it, and exits 1', async () => {
    await writeFile(join(dir, 'ok.yaml'), 'id: ok\nname: Fine\ndescription: d\nsteps:\n  - { id: a, skill: copywriting }\n');
    await writeFile(join(dir, 'broken.yaml'), 'id: broken\nname: Broken\ndescription: d\nsteps: []\n');
    const { io, out, err } = captureIo({ MOPS_PLAYBOOKS_DIR: dir }, dir);
    expect(await runCli(['playbooks'], io)).toBe(1);
    expect(out()).toMatch(/^ok\s+Fine\s+1\s+-$/m);
    expect(err()).toContain(`mops: skipped broken.yaml: ${join(dir, 'broken.yaml')}:4:8: steps: expected at least 1 item, found 0.`);
  });
});
