import { readdir } from 'node:fs/promises';
import { extname, join } from 'node:path';

export const PLAYBOOK_EXTENSIONS = ['.yaml', '.yml'];

/** Playbook files in a folder (`*.yaml`, `*.yml`), sorted; files starting with `_` are skipped. */
export async function listPlaybookFiles(playbooksDir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(playbooksDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return names
    .filter((name) => PLAYBOOK_EXTENSIONS.includes(extname(name)) && !name.startsWith('_'))
    .sort()
    .map((name) => join(playbooksDir, name));
}
