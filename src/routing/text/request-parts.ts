import { splitNegations } from './split-negations.js';
import { splitQuoted } from './split-quoted.js';

/** A request taken apart: what it asks for, what it rules out, and pasted material to work on. */
export interface RequestParts {
  /** The request without its pasted material. */
  request: string;
  quoted: string[];
  /** What is asked for: the request without the spans it rules out ("not blog topics"). */
  wanted: string;
  excluded: string[];
}

/** The one reading of a request that routing and the example classifier's training share. */
export function requestParts(text: string): RequestParts {
  // Pasted material is what to work on, not what the request is about.
  const { request, quoted } = splitQuoted(text);
  const { wanted, excluded } = splitNegations(request);
  return { request, quoted, wanted, excluded };
}
