/**
 * What two requests have in common when they are the same request written again: case
 * and spacing ignored. Used wherever requests are matched against each other (held-out
 * evaluation, examples listed under two skills).
 */
export function requestKey(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}
