import { readFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { ProjectPaths } from '../config/project-paths.js';
import { listPlaybookFiles } from '../playbooks/list-playbook-files.js';
import type { Playbook } from '../playbooks/playbook-schema.js';
import { findSkillFiles } from '../skills/find-skill-files.js';
import type { Skill } from '../skills/skill-schema.js';
import type { CompiledRouteIndex } from './compiled-route-index.js';
import { defaultCacheDir, indexCacheKey, readCachedIndex, writeCachedIndex, type IndexCacheOptions } from './routing-index-cache.js';

/**
 * The project's skills and playbooks, parsed and checked, with the routing index compiled
 * from them. Cached on disk as one JSON file keyed by the content of every skill and
 * playbook file and by the code that reads them, so a start with unchanged files parses
 * no YAML and indexes nothing; any change is a new key, and an invalid file fails exactly
 * as it does without the cache.
 */
export interface ProjectSnapshot {
  skills: Skill[];
  playbooks: Playbook[];
  compiled: CompiledRouteIndex;
}

export interface LoadSnapshotOptions {
  cache?: IndexCacheOptions;
  env?: NodeJS.ProcessEnv;
}

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

/** Parses the skills and loads (and lints) the playbooks; the parsers load only here. */
export async function parseProjectFiles(paths: ProjectPaths): Promise<Pick<ProjectSnapshot, 'skills' | 'playbooks'>> {
  return parseSources(paths, await readSources(paths));
}

async function parseSources(paths: ProjectPaths, sources: readonly SourceFile[]): Promise<Pick<ProjectSnapshot, 'skills' | 'playbooks'>> {
  const [{ parseSkill }, { loadPlaybook }, { OPS_TOOLS }] = await Promise.all([
    import('../skills/parse-skill.js'),
    import('../playbooks/load-playbook.js'),
    import('../ops/ops-registry.js'),
  ]);
  const skills = sources
    .filter((s) => s.kind === 'skill')
    .map((s) => parseSkill(s.text, { file: s.file, folderName: basename(dirname(s.file)) }));
  const skillIds = skills.map((s) => s.id);
  const opsToolNames = OPS_TOOLS.map((t) => t.name);
  const playbooks = (
    await Promise.all(
      sources
        .filter((s) => s.kind === 'playbook')
        .map((s) => loadPlaybook(s.file, { playbooksDir: paths.playbooksDir, skillIds, opsToolNames })),
    )
  ).sort((a, b) => a.id.localeCompare(b.id));
  return { skills, playbooks };
}

/** Parses, lints and indexes from scratch; the indexer loads only here. */
async function buildSnapshot(paths: ProjectPaths, sources: readonly SourceFile[]): Promise<ProjectSnapshot> {
  const [{ skills, playbooks }, { compileRouteIndex }, { playbookCandidate, skillCandidate }] = await Promise.all([
    parseSources(paths, sources),
    import('./compile-route-index.js'),
    import('./routing-candidate.js'),
  ]);
  const compiled = compileRouteIndex([...skills.map(skillCandidate), ...playbooks.map(playbookCandidate)]);
  return { skills, playbooks, compiled };
}

export async function loadProjectSnapshot(paths: ProjectPaths, options: LoadSnapshotOptions = {}): Promise<ProjectSnapshot> {
  const sources = await readSources(paths);
  if (options.cache?.disabled) return buildSnapshot(paths, sources);
  const dir = options.cache?.dir ?? defaultCacheDir(options.env);
  const key = indexCacheKey(sources);
  const cached = await readCachedIndex(dir, key);
  if (cached) return cached;
  const snapshot = await buildSnapshot(paths, sources);
  await writeCachedIndex(dir, key, snapshot);
  return snapshot;
}
