import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { PACKAGE_ROOT } from '../../src/config/project-paths.js';
import { RouteResultSchema } from '../../src/routing/index.js';
import { captureIo } from '../support/capture-io.js';

const run = promisify(execFile);
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mops-route-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('mops route', () => {
  it('prints a readable answer with the reason and the next command', async () => {
    const { io, out } = captureIo({}, PACKAGE_ROOT);
    expect(await runCli(['route', 'write a LinkedIn post about our launch'], io)).toBe(0);
    expect(out()).toMatch(/^→ skill social-content {2}\(confidence [01]\.\d\d\)/);
    expect(out()).toMatch(/why: skill social-content: matched "[^"]+"/);
    expect(out()).toContain('next: mops run-skill social-content "write a LinkedIn post about our launch"');
  });

  it('says plainly when a request is not marketing', async () => {
    const { io, out } = captureIo({}, PACKAGE_ROOT);
    expect(await runCli(['route', 'book', 'me', 'a', 'flight', 'to', 'Lisbon'], io)).toBe(0);
    expect(out()).toMatch(/^✗ no match/);
  });

  it('prints the DESIGN.md JSON contract with --json', async () => {
    const { io, out } = captureIo({}, PACKAGE_ROOT);
    expect(await runCli(['route', '--json', 'run a product launch for v2, the whole campaign'], io)).toBe(0);
    const result = RouteResultSchema.parse(JSON.parse(out()));
    expect(result.match).toEqual({ type: 'playbook', id: 'product-launch' });
  });

  it('routes a batch: one line out per line in, same ids, in order', async () => {
    const file = join(dir, 'in.jsonl');
    const lines = [
      { id: 'a', text: 'write ad headlines for our spring sale' },
      { id: 7, text: 'book me a flight' },
      { id: 'c', text: 'proofread this paragraph' },
    ];
    await writeFile(file, `${lines.map((l) => JSON.stringify(l)).join('\n')}\n\n`);
    const { io, out, err } = captureIo({}, PACKAGE_ROOT);
    expect(await runCli(['route', '--batch', file], io)).toBe(0);
    expect(err()).toBe('');
    const results = out().trim().split('\n').map((l) => JSON.parse(l));
    expect(results.map((r) => r.id)).toEqual(['a', 7, 'c']);
    for (const r of results) {
      const { id, ...rest } = r;
      expect(RouteResultSchema.strict().parse(rest)).toEqual(rest);
      expect(Object.keys(r).sort()).toEqual(['alternatives', 'confidence', 'id', 'match', 'reason']);
      void id;
    }
    expect(results[0].match).toEqual({ type: 'skill', id: 'ad-creative' });
    expect(results[1].match).toBeNull();
    expect(results[2].match).toEqual({ type: 'skill', id: 'copy-editing' });
  });

  it('keeps going past a bad batch line, names its line and exits 1', async () => {
    const file = join(dir, 'bad.jsonl');
    await writeFile(file, '{"id":"ok","text":"tweet about our webinar"}\n{"id":"x"}\nnot json\n{"id":"last","text":"seo audit"}\n');
    const { io, out, err } = captureIo({}, PACKAGE_ROOT);
    expect(await runCli(['route', '--batch', file], io)).toBe(1);
    const results = out().trim().split('\n').map((l) => JSON.parse(l));
    expect(results).toHaveLength(4);
    expect(results[1]).toMatchObject({ id: 'x', error: expect.stringMatching(/bad\.jsonl:2: text: /) });
    expect(results[2]).toMatchObject({ id: null, error: expect.stringMatching(/bad\.jsonl:3: not valid JSON/) });
    expect(results[3].match).toEqual({ type: 'skill', id: 'seo-specialist' });
    expect(err()).toMatch(/bad\.jsonl:2/);
  });

  it('keeps exactly the contract fields, folding a clarifying question into the reason', async () => {
    const file = join(dir, 'vague.jsonl');
    await writeFile(file, '{"id":"v","text":"ads"}\n');
    const { io, out } = captureIo({}, PACKAGE_ROOT);
    expect(await runCli(['route', '--batch', file], io)).toBe(0);
    const line = JSON.parse(out());
    expect(Object.keys(line).sort()).toEqual(['alternatives', 'confidence', 'id', 'match', 'reason']);
    expect(line.reason).toMatch(/too little to act on.*Which do you need/);
  });

  it('fails clearly on a missing batch file or an empty request', async () => {
    const missing = captureIo({}, PACKAGE_ROOT);
    expect(await runCli(['route', '--batch', join(dir, 'nope.jsonl')], missing.io)).toBe(1);
    expect(missing.err()).toMatch(/cannot read batch file .*nope\.jsonl: ENOENT/);
    const empty = captureIo({}, PACKAGE_ROOT);
    expect(await runCli(['route'], empty.io)).toBe(2);
    expect(empty.err()).toMatch(/nothing to route/);
  });

  it('answers from a cold start in a real child process', async () => {
    const { stdout } = await run(process.execPath, [join(PACKAGE_ROOT, 'dist/cli/bin.js'), 'route', '--json', 'landing page copy'], {
      cwd: dir,
      env: { ...process.env, MOPS_HOME: dir },
    });
    expect(JSON.parse(stdout).match).toEqual({ type: 'skill', id: 'copywriting' });
  });
});

describe('mops validate', () => {
  it('reports a bad skill as file:line:col and exits 1', async () => {
    const skillDir = join(dir, 'skills', 'broken');
    await import('node:fs/promises').then((fs) => fs.mkdir(skillDir, { recursive: true }));
    await writeFile(join(skillDir, 'SKILL.md'), '---\nname: broken\ndescription: x\nmetadata:\n  category: nonsense\n---\nbody\n');
    const { io, out } = captureIo({}, PACKAGE_ROOT);
    expect(await runCli(['validate', join(dir, 'skills')], io)).toBe(1);
    expect(out()).toMatch(/skills\/broken\/SKILL\.md:5:\d+: error: metadata\.category: /);
    expect(out()).toMatch(/✖ 1 files checked .* 1 errors/);
  });
});
