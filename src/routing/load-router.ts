import { readFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { resolveProjectPaths, type ProjectPaths } from '../config/project-paths.js';
import { listPlaybookFiles } from '../playbooks/list-playbook-files.js';
import { findSkillFiles } from '../skills/find-skill-files.js';
import { restoreRouteIndex } from './route-index.js';
import { defaultCacheDir, indexCacheKey, readCachedIndex, writeCachedIndex, type IndexCacheOptions } from './routing-index-cache.js';
import type { RoutingCandidate } from './routing-candidate.js';
import { routerFromIndex, type Router, type RouterOptions } from './router.js';

interface SourceFile {
  kind: 'skill' | 'playbook';
  file: string;
  text: string;
}

async function readSources(paths: ProjectPaths): Promise<SourceFile[]> {
  const [skillFiles, playbookFiles] = await Promise.all([findSkillFiles(paths.skillsDir), listPlaybookFiles(paths.playbooksDir)]);
  return Promise.all([
    ...skillFiles.map(async (file) => ({ kind: 'skill' as const, file, text: await readFile(file, 'utf8') })),
    ...playbookFiles.map(async (file) => ({ kind: 'playbook' as const, file, text: await readFile(file, 'utf8') })),
  ]);
}

// The parsers (YAML, zod) and the indexer load only when the cache cannot answer.
async function candidatesFrom(sources: readonly SourceFile[]): Promise<RoutingCandidate[]> {
  const [{ parseSkill }, { parsePlaybook }, { playbookCandidate, skillCandidate }] = await Promise.all([
    import('../skills/parse-skill.js'),
    import('../playbooks/parse-playbook.js'),
    import('./routing-candidate.js'),
  ]);
  return sources.map((source) =>
    source.kind === 'skill'
      ? skillCandidate(parseSkill(source.text, { file: source.file, folderName: basename(dirname(source.file)) }))
      : playbookCandidate(parsePlaybook(source.text, { file: source.file }).playbook),
  );
}

/** Reads the skills and playbooks the router chooses between. */
export async function loadRoutingCandidates(paths: ProjectPaths = resolveProjectPaths()): Promise<RoutingCandidate[]> {
  return candidatesFrom(await readSources(paths));
}

export interface LoadRouterOptions extends RouterOptions {
  cache?: IndexCacheOptions;
  env?: NodeJS.ProcessEnv;
}

/**
 * Loads the project's skills and playbooks and builds a router over them. The compiled
 * index is cached on disk, keyed by the files' content, so a start with unchanged files
 * skips parsing and indexing; an invalid file still fails exactly as without the cache.
 */
export async function loadRouter(paths: ProjectPaths = resolveProjectPaths(), options: LoadRouterOptions = {}): Promise<Router> {
  const sources = await readSources(paths);
  // Custom index options (tuning experiments) bypass the cache.
  if (options.cache?.disabled || options.index) {
    const { createRouter } = await import('./create-router.js');
    return createRouter(await candidatesFrom(sources), options);
  }
  const dir = options.cache?.dir ?? defaultCacheDir(options.env);
  const key = indexCacheKey(sources);
  const cached = await readCachedIndex(dir, key);
  if (cached) return routerFromIndex(restoreRouteIndex(cached), options);
  const { compileRouteIndex } = await import('./compile-route-index.js');
  const compiled = compileRouteIndex(await candidatesFrom(sources));
  await writeCachedIndex(dir, key, compiled);
  return routerFromIndex(restoreRouteIndex(compiled), options);
}
