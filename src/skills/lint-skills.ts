import { readFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { diagnosticFromError, type Diagnostic } from '../context/diagnostic.js';
import { isMopsError } from '../errors/index.js';
import { requestKey } from '../text/request-key.js';
import { parseSkill } from './parse-skill.js';
import type { Skill } from './skill-schema.js';

export type SkillDiagnostic = Diagnostic;

export interface LintSkillsOptions {
  /** Tool names a skill may declare (ops toolkit + project tools). Unchecked when absent. */
  knownTools?: readonly string[];
  /** Channel limit ids a contract may reference. Unchecked when absent. */
  knownLimits?: readonly string[];
}

/** Reads, parses and cross-checks skill files; returns every problem found. */
export async function lintSkills(files: readonly string[], options: LintSkillsOptions = {}): Promise<Diagnostic[]> {
  const diagnostics: Diagnostic[] = [];
  const skills: Skill[] = [];
  for (const file of files) {
    try {
      const text = await readFile(file, 'utf8');
      skills.push(parseSkill(text, { file, folderName: basename(dirname(file)) }));
    } catch (error) {
      if (isMopsError(error)) {
        diagnostics.push(diagnosticFromError(error, file));
      } else {
        diagnostics.push({ severity: 'error', file, line: 1, column: 1, message: error instanceof Error ? error.message : String(error) });
      }
    }
  }
  diagnostics.push(...crossCheckSkills(skills, options));
  return diagnostics;
}

/** Checks references between skills and against the known tools and limits (pure). */
export function crossCheckSkills(skills: readonly Skill[], options: LintSkillsOptions = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  const ids = new Set(skills.map((s) => s.id));
  const triggerOwners = new Map<string, string>();
  const exampleOwners = new Map<string, string>();
  for (const skill of skills) {
    const warn = (message: string): void => void out.push({ severity: 'warning', file: skill.file, line: 1, column: 1, message });
    const error = (message: string): void => void out.push({ severity: 'error', file: skill.file, line: 1, column: 1, message });
    if (!skill.native) continue;
    const meta = skill.metadata;
    for (const rule of meta.not) {
      if (rule.use === skill.id) error(`metadata.not: rule "${rule.when}" points at the skill itself`);
      else if (!ids.has(rule.use)) error(`metadata.not: "use: ${rule.use}" is not a known skill`);
    }
    if (options.knownTools) {
      for (const tool of meta.tools) {
        if (!options.knownTools.includes(tool)) error(`metadata.tools: "${tool}" is not a known tool (known: ${options.knownTools.join(', ')})`);
      }
    }
    if (meta.contract) {
      for (const limit of meta.contract.limits) {
        if (options.knownLimits && !options.knownLimits.includes(limit.limit)) {
          error(`metadata.contract.limits: "${limit.limit}" is not a known channel limit (known: ${options.knownLimits.join(', ')})`);
        }
        if (!meta.contract.sections.includes(limit.section)) {
          error(`metadata.contract.limits: section "${limit.section}" is not listed in contract.sections`);
        }
      }
      for (const section of meta.contract.sections) {
        if (!skill.body.toLowerCase().includes(section.toLowerCase())) {
          warn(`metadata.contract.sections: "${section}" is never mentioned in the instructions, so a model will not know to write it`);
        }
      }
    }
    if (meta.triggers.length < 5) warn(`metadata.triggers: only ${meta.triggers.length} triggers; routing works better with 20 or more`);
    for (const trigger of meta.triggers) {
      const key = trigger.trim().toLowerCase();
      const owner = triggerOwners.get(key);
      if (owner && owner !== skill.id) warn(`metadata.triggers: "${trigger}" is also a trigger of ${owner}`);
      else triggerOwners.set(key, skill.id);
    }
    for (const example of meta.examples) {
      const key = requestKey(example);
      const owner = exampleOwners.get(key);
      if (owner && owner !== skill.id) warn(`metadata.examples: "${example}" is also an example of ${owner}; the router learns one answer per request`);
      else exampleOwners.set(key, skill.id);
    }
    if (skill.body.split('\n').length < 40) warn('the instructions are short (under 40 lines); a model needs method, output format and quality checks');
  }
  return out;
}
