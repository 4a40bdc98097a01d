/** What normalising a UTM value changed, so each change can be reported as its own issue. */
export type UtmValueChange = 'uppercase' | 'spaces' | 'underscores' | 'diacritics' | 'invalid-characters';

export interface NormalizedUtmValue {
  value: string;
  changes: UtmValueChange[];
  /** True when letters outside ASCII remain (e.g. a non-Latin campaign name). */
  nonAscii: boolean;
}

/**
 * Applies the UTM naming rules: lowercase, hyphens instead of spaces and underscores,
 * accents removed, only letters, digits, `.` and `-` kept, runs of hyphens collapsed.
 * Letters of non-Latin scripts are kept, since there is no safe transliteration.
 */
export function normalizeUtmValue(raw: string): NormalizedUtmValue {
  const changes: UtmValueChange[] = [];
  const text = raw.normalize('NFC').trim();
  if (text !== text.toLowerCase()) changes.push('uppercase');
  if (/\s/u.test(text)) changes.push('spaces');
  if (text.includes('_')) changes.push('underscores');
  let value = text.toLowerCase().replace(/[\s_]+/gu, '-');
  const stripped = value.normalize('NFD').replace(/\p{M}+/gu, '').normalize('NFC');
  if (stripped !== value) changes.push('diacritics');
  value = stripped;
  const cleaned = value.replace(/[^\p{L}\p{N}.-]+/gu, '');
  if (cleaned !== value) changes.push('invalid-characters');
  value = cleaned.replace(/-{2,}/g, '-').replace(/^-+|-+$/g, '');
  return { value, changes, nonAscii: /[^\x00-\x7f]/.test(value) };
}
