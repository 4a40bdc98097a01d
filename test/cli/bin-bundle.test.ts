import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/config/project-paths.js';

// The `mops` executable as installed: dist/cli/bin.js starting the bundle the build wrote.
const run = promisify(execFile);
const BIN = join(PACKAGE_ROOT, 'dist/cli/bin.js');
const REQUEST = 'ad headlines for our spring sale';

// One cache folder for the file, so the routing index is compiled once; every test starts
// without a code cache.
let dir: string;
let cacheDir: string;
beforeAll(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), 'mops-bin-cache-'));
});
afterAll(async () => {
  await rm(cacheDir, { recursive: true, force: true });
});
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mops-bin-'));
  await rm(join(cacheDir, 'code-cache'), { recursive: true, force: true });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function mops(args: string[], extraEnv: Record<string, string> = {}): Promise<string> {
  const env: NodeJS.ProcessEnv = { ...process.env, MOPS_HOME: dir, MOPS_CACHE_DIR: cacheDir };
  delete env.MOPS_NO_BUNDLE;
  Object.assign(env, extraEnv);
  const { stdout } = await run(process.execPath, [BIN, ...args], { cwd: dir, env });
  return stdout;
}

const codeCacheFiles = async (): Promise<string[]> =>
  (await readdir(join(cacheDir, 'code-cache')).catch(() => [] as string[])).filter((name) => name.endsWith('.bin'));

describe('the mops executable', () => {
  it('is built as one bundle next to the modules', () => {
    expect(existsSync(join(PACKAGE_ROOT, 'dist/bundle/mops.cjs'))).toBe(true);
  });

  it('answers the same from the bundle, from its code cache, and from the modules', async () => {
    const first = await mops(['route', '--json', REQUEST]);
    expect(JSON.parse(first).match).toEqual({ type: 'skill', id: 'ad-creative' });
    // The first run of a command leaves V8's code cache for that command behind.
    expect(await codeCacheFiles()).toEqual([expect.stringMatching(/^route\..+\.bin$/)]);

    expect(await mops(['route', '--json', REQUEST])).toBe(first);
    expect(await mops(['route', '--json', REQUEST], { MOPS_NO_BUNDLE: '1' })).toBe(first);
  });

  it('keeps one code cache per command, dropping those of earlier builds', async () => {
    const { mkdir } = await import('node:fs/promises');
    await mkdir(join(cacheDir, 'code-cache'), { recursive: true, mode: 0o700 });
    await writeFile(join(cacheDir, 'code-cache', 'route.an-earlier-build.bin'), 'old');
    await writeFile(join(cacheDir, 'code-cache', 'run-skill.an-earlier-build.bin'), 'old');
    await mops(['route', REQUEST]);
    await mops(['skills', '--json']);
    const files = await codeCacheFiles();
    expect(files.map((name) => name.split('.')[0]).sort()).toEqual(['route', 'run-skill', 'skills']);
    expect(files).not.toContain('route.an-earlier-build.bin');
  });

  it('ignores a damaged code cache and replaces it', async () => {
    const expected = await mops(['route', '--json', REQUEST]);
    const [file] = await codeCacheFiles();
    await writeFile(join(cacheDir, 'code-cache', file!), 'not V8 data');
    expect(await mops(['route', '--json', REQUEST])).toBe(expected);
    expect(await codeCacheFiles()).toEqual([file]);
    // Rewritten on exit: the next start gets the real cache again.
    const { readFile } = await import('node:fs/promises');
    expect((await readFile(join(cacheDir, 'code-cache', file!))).length).toBeGreaterThan(1000);
  });

  it('neither reads nor writes a code cache in a folder other users can write to', async () => {
    const { chmod, mkdir } = await import('node:fs/promises');
    await mkdir(join(cacheDir, 'code-cache'), { recursive: true });
    await chmod(join(cacheDir, 'code-cache'), 0o777);
    expect(JSON.parse(await mops(['route', '--json', REQUEST])).match).toEqual({ type: 'skill', id: 'ad-creative' });
    expect(await codeCacheFiles()).toEqual([]);
  });

  it('routes a whole labelled set exactly as the modules do', async () => {
    // Every code path of the router (typo repair, negations, quoted text, playbooks, no match).
    const batch = join(PACKAGE_ROOT, 'test/routing/fixtures/labelled-requests.jsonl');
    const bundled = await mops(['route', '--batch', batch]);
    expect(bundled.trim().split('\n').length).toBeGreaterThanOrEqual(300);
    expect(await mops(['route', '--batch', batch], { MOPS_NO_BUNDLE: '1' })).toBe(bundled);
  });

  it('reads CSV and YAML inputs for the ops tools as the modules do', async () => {
    for (const args of [
      ['ops', 'score_leads', '--file', join(PACKAGE_ROOT, 'test/ops/fixtures/leads.csv'), '--json'],
      ['ops', 'audit_stack', '--file', join(PACKAGE_ROOT, 'test/ops/fixtures/stack.yaml'), '--json'],
    ]) {
      const bundled = await mops(args);
      expect(JSON.parse(bundled)).toBeTruthy();
      expect(await mops(args, { MOPS_NO_BUNDLE: '1' })).toBe(bundled);
    }
  });

  it('exits non-zero with the usual message on a bad command', async () => {
    await expect(mops(['nonsense'])).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(/unknown command 'nonsense'/) });
  });
});
