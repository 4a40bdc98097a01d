/**
 * Separates pasted material from the request around it. "Tighten this: 'The Aero 2 is a
 * backpack that carries your laptop...'" asks for an edit; the backpack and the laptop
 * are the material, and must not count as what the request is about.
 */
export interface QuotedSplit {
  /** The request with quoted passages replaced by a space. */
  request: string;
  /** The quoted passages (four words or more; shorter quotes are names or phrases). */
  quoted: string[];
}

// In single quotes, an apostrophe between letters ("expert's", "don't") is part of the text.
const QUOTED = /"([^"]{12,})"|“([^”]{12,})”|‘([^’]{12,})’|(?<![\w])'((?:[^']|(?<=\w)'(?=\w)){12,}?)'(?![\w])/g;

export function splitQuoted(text: string): QuotedSplit {
  const quoted: string[] = [];
  const request = text.replace(QUOTED, (whole, a?: string, b?: string, c?: string, d?: string) => {
    const inner = a ?? b ?? c ?? d ?? '';
    if (inner.trim().split(/\s+/).length < 4) return whole;
    quoted.push(inner);
    return ' ';
  });
  return { request, quoted };
}
