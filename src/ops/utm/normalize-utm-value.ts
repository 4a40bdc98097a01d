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

/** Levenshtein distance, for "did you mean" hints on campaign names. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = prev[0] ?? 0;
    prev[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const above = prev[j] ?? 0;
      prev[j] = Math.min(above + 1, (prev[j - 1] ?? 0) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return prev[b.length] ?? 0;
}
