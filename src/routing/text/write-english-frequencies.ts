import { writeFileSync } from 'node:fs';
import { deriveEnglishFrequencies, ENGLISH_FREQUENCIES_FILE, readSubtlexWords } from './english-frequencies.js';

/** Build step (`npm run build`): writes the stem frequency table the router reads at start-up. */
const table = deriveEnglishFrequencies(readSubtlexWords());
writeFileSync(ENGLISH_FREQUENCIES_FILE, JSON.stringify(table));
process.stdout.write(`wrote ${Object.keys(table.counts).length} stem frequencies to ${ENGLISH_FREQUENCIES_FILE}\n`);
