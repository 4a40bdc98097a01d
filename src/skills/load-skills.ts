import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { MopsError } from '../errors/index.js';
import { findSkillFiles } from './find-skill-files.js';
import { parseSkill } from './parse-skill.js';
import { SkillRegistry } from './skill-registry.js';
import type { Skill } from './skill-schema.js';

/** Reads and parses one SKILL.md; the folder name must match the skill name. */
export async function loadSkillFile(file: string): Promise<Skill> {
  const text = await readFile(file, 'utf8');
  return parseSkill(text, { file, folderName: basename(dirname(file)) });
}

/** Loads every skill under `skillsDir`; throws the first invalid file. */
export async function loadSkills(skillsDir: string): Promise<SkillRegistry> {
  const files = await findSkillFiles(skillsDir);
  const skills = await Promise.all(files.map((file) => loadSkillFile(file)));
  return new SkillRegistry(skills);
}
