import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../config/project-paths.js';

/** Where the build writes the everyday-English stem table (see english-frequencies.ts). */
export const ENGLISH_FREQUENCIES_FILE = join(PACKAGE_ROOT, 'dist', 'english-stem-frequencies.json');
