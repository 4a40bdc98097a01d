import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { resolveProjectPaths } from '../../config/project-paths.js';
import { formatDiagnostic, sortDiagnostics, validateContextFiles, type Diagnostic } from '../../context/index.js';
import { MopsError } from '../../errors/index.js';
import { OPS_TOOLS } from '../../ops/index.js';
import { validatePlaybookFiles } from '../../playbooks/index.js';
import { findSkillFiles, lintSkills, loadSkills } from '../../skills/index.js';
import { AGENT_PROJECT_TOOLS, CONTRACT_LIMIT_IDS } from '../../skills/skill-capabilities.js';
import type { CommandHandler } from '../cli-io.js';

interface FileSets {
  skills: string[];
  playbooks: string[];
  contexts: string[];
}

/** Sorts files into skills, playbooks and contexts by name; folders are walked. */
async function classify(paths: readonly string[]): Promise<FileSets> {
  const sets: FileSets = { skills: [], playbooks: [], contexts: [] };
  // Inside folders, `_template.md`-style files are scaffolding, not documents to lint.
  const visit = async (path: string): Promise<void> => {
    let info;
    try {
      info = await stat(path);
    } catch {
      throw new MopsError('NOT_FOUND', `no such file or folder: ${path}`);
    }
    if (info.isDirectory()) {
      for (const entry of (await readdir(path)).sort()) {
        if (!entry.startsWith('.') && !entry.startsWith('_') && entry !== 'node_modules') await visit(join(path, entry));
      }
      return;
    }
    const ext = extname(path).toLowerCase();
    if (basename(path) === 'SKILL.md') sets.skills.push(path);
    else if (ext === '.yaml' || ext === '.yml') sets.playbooks.push(path);
    else if (ext === '.md' && !['README.md', 'CHANGELOG.md'].includes(basename(path))) sets.contexts.push(path);
  };
  for (const path of paths) await visit(path);
  return sets;
}

/** `mops validate [PATH...]`: lints skills, playbooks and contexts; exit 1 when any has an error. */
const validateCommand: CommandHandler = async (args, options, io) => {
  const paths = resolveProjectPaths(io.env, io.cwd);
  const sets: FileSets =
    args.length > 0
      ? await classify(args.map((p) => resolve(io.cwd, p)))
      : {
          skills: await findSkillFiles(paths.skillsDir),
          ...(await classify([paths.playbooksDir, paths.contextDir]).then((s) => ({ playbooks: s.playbooks, contexts: s.contexts }))),
        };
  // Playbooks are checked against the installed skills, plus any skills being validated.
  const installed = await loadSkills(paths.skillsDir).then((r) => r.ids(), () => [] as string[]);
  const skillIds = new Set([...installed, ...sets.skills.map((f) => basename(resolve(f, '..')))]);
  const opsToolNames = OPS_TOOLS.map((t) => t.name);
  const diagnostics: Diagnostic[] = sortDiagnostics([
    ...(await lintSkills(sets.skills, { knownTools: [...opsToolNames, ...AGENT_PROJECT_TOOLS], knownLimits: CONTRACT_LIMIT_IDS })),
    ...(await validatePlaybookFiles(sets.playbooks, { skillIds: [...skillIds], opsToolNames })),
    ...(await validateContextFiles(sets.contexts)),
  ]);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const checked = sets.skills.length + sets.playbooks.length + sets.contexts.length;
  if (options.json) {
    io.stdout.write(`${JSON.stringify({ checked, errors, warnings, diagnostics }, null, 2)}\n`);
  } else {
    for (const d of diagnostics) io.stdout.write(`${formatDiagnostic(d)}\n`);
    io.stdout.write(
      `${errors === 0 ? '✔' : '✖'} ${checked} files checked (${sets.skills.length} skills, ${sets.playbooks.length} playbooks, ${sets.contexts.length} contexts): ${errors} errors, ${warnings} warnings\n`,
    );
  }
  return errors > 0 ? 1 : 0;
};

export default validateCommand;
