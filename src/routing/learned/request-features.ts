/**
 * What the example classifier looks at in a request: its distinct stems and each pair of
 * neighbouring stems ("content calendar" says more than "content" and "calendar" apart).
 */
export function requestFeatures(terms: readonly string[]): string[] {
  const features = new Set(terms);
  for (let i = 0; i + 1 < terms.length; i++) features.add(`${terms[i]} ${terms[i + 1]}`);
  return [...features];
}
