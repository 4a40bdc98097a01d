import { chmod, cp, mkdtemp, readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT, resolveProjectPaths } from '../../src/config/project-paths.js';
import { loadRouter } from '../../src/routing/index.js';
import { CACHE_FILES_KEPT, writeCacheFile } from '../../src/routing/routing-index-cache.js';

const SAMPLE = [
  'write a LinkedIn post about our launch',
  'ad headlines for our spring sale',
  'run a product launch for v2, the whole campaign',
  'book me a flight',
  'our homepage copy is bland, make it punchier',
];

async function project(): Promise<{ dir: string; cache: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'mops-cache-project-'));
  await cp(join(PACKAGE_ROOT, 'skills'), join(dir, 'skills'), { recursive: true });
  await cp(join(PACKAGE_ROOT, 'playbooks'), join(dir, 'playbooks'), { recursive: true });
  return { dir, cache: await mkdtemp(join(tmpdir(), 'mops-cache-')) };
}

describe('the routing index cache', () => {
  it('answers exactly like a freshly built router, and writes one cache file', async () => {
    const { dir, cache } = await project();
    const paths = resolveProjectPaths({}, dir);
    const fresh = await loadRouter(paths, { cache: { disabled: true } });
    const first = await loadRouter(paths, { cache: { dir: cache } });
    const cached = await loadRouter(paths, { cache: { dir: cache } });
    for (const text of SAMPLE) {
      expect(first.route(text)).toEqual(fresh.route(text));
      expect(cached.route(text)).toEqual(fresh.route(text));
    }
    expect((await readdir(cache)).filter((f) => f.endsWith('.json'))).toHaveLength(1);
  });

  it('rebuilds when a skill changes, and never routes on the stale index', async () => {
    const { dir, cache } = await project();
    const paths = resolveProjectPaths({}, dir);
    await loadRouter(paths, { cache: { dir: cache } });
    const file = join(dir, 'skills', 'brand-guidelines', 'SKILL.md');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('  triggers:\n', '  triggers:\n    - zanzibar quokka handbook\n'));
    const router = await loadRouter(paths, { cache: { dir: cache } });
    expect(router.route('write our zanzibar quokka handbook').match?.id).toBe('brand-guidelines');
    // The old index stays for a while: another project or build may still use it.
    expect((await readdir(cache)).filter((f) => f.endsWith('.json'))).toHaveLength(2);
  });

  it('keeps the newest few index files of a shared cache folder and removes older ones', async () => {
    const cache = await mkdtemp(join(tmpdir(), 'mops-cache-keep-'));
    const keys = Array.from({ length: CACHE_FILES_KEPT + 2 }, (_, i) => `key${i}`);
    for (const [i, key] of keys.slice(0, -1).entries()) {
      await writeCacheFile(cache, 'routing-index-', key, { i });
      const age = new Date(Date.now() - (keys.length - i) * 60_000);
      await utimes(join(cache, `routing-index-${key}.json`), age, age);
    }
    await writeCacheFile(cache, 'routing-index-', keys.at(-1)!, { last: true });
    const left = (await readdir(cache)).sort();
    expect(left).toEqual(keys.slice(-CACHE_FILES_KEPT).map((k) => `routing-index-${k}.json`).sort());
  });

  it('ignores a damaged cache file and still fails on an invalid skill', async () => {
    const { dir, cache } = await project();
    const paths = resolveProjectPaths({}, dir);
    await loadRouter(paths, { cache: { dir: cache } });
    const [name] = (await readdir(cache)).filter((f) => f.endsWith('.json'));
    await writeFile(join(cache, name!), '{"version": 1, "candi');
    expect((await loadRouter(paths, { cache: { dir: cache } })).route(SAMPLE[0]!).match?.id).toBe('social-content');

    const file = join(dir, 'skills', 'copywriting', 'SKILL.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace('category: content', 'category: nonsense'));
    await expect(loadRouter(paths, { cache: { dir: cache } })).rejects.toThrow(/copywriting\/SKILL\.md:\d+:\d+: metadata\.category/);
  });

  it('never trusts a cache folder that other users can write to', async () => {
    const { dir, cache } = await project();
    const paths = resolveProjectPaths({}, dir);
    await loadRouter(paths, { cache: { dir: cache } });
    const [name] = (await readdir(cache)).filter((f) => f.endsWith('.json'));
    // Someone plants an index that routes to a skill of theirs, in a folder open to all.
    const planted = (await readFile(join(cache, name!), 'utf8')).replaceAll('"social-content"', '"planted-skill"');
    await writeFile(join(cache, name!), planted);
    await chmod(cache, 0o777);
    expect((await loadRouter(paths, { cache: { dir: cache } })).route(SAMPLE[0]!).match?.id).toBe('social-content');
    expect(await readFile(join(cache, name!), 'utf8')).toBe(planted); // nor written to
  });
});
