import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { MopsError } from '../errors/index.js';

/** Lists `<dir>/<id>/SKILL.md` files, sorted by id. */
export async function findSkillFiles(skillsDir: string): Promise<string[]> {
  if (!existsSync(skillsDir)) {
    throw new MopsError('NOT_FOUND', `skills folder not found: ${skillsDir} (set MOPS_SKILLS_DIR or create skills/<id>/SKILL.md)`);
  }
  const entries = await readdir(skillsDir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory() && existsSync(join(skillsDir, entry.name, 'SKILL.md')))
    .map((entry) => join(skillsDir, entry.name, 'SKILL.md'))
    .sort();
}
