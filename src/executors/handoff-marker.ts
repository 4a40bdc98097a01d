/**
 * The handoff marker: how a model that cannot call `handoff_to_skill` (MCP sampling, a
 * chat client in handoff mode, an endpoint without tool calling) says the request
 * belongs to another skill. It answers with one line instead of the deliverable:
 *
 *     HANDOFF TO copy-editing: the user wants their existing text tightened, not new copy
 */

/** The line to answer with, for prompts. */
export const HANDOFF_MARKER_EXAMPLE = 'HANDOFF TO <skill-id>: <one-sentence reason>';

const MARKER = /^\s*(?:>\s*)?(?:\*\*|__)?HANDOFF TO\s+`?([a-z0-9]+(?:-[a-z0-9]+)*)`?(?:\*\*|__)?\s*(?::|—|–|\s-)\s*(.+?)\s*$/i;

export interface HandoffMarker {
  to: string;
  reason: string;
  /** The answer without the marker line (often empty). */
  rest: string;
}

/**
 * Reads a handoff marker from the first non-empty line of an answer. Pure. Only the first
 * line counts, so a deliverable that mentions the phrase further down is not a handoff.
 */
export function readHandoffMarker(output: string): HandoffMarker | undefined {
  const lines = output.split(/\r?\n/);
  const index = lines.findIndex((line) => line.trim() !== '');
  if (index < 0) return undefined;
  const match = MARKER.exec(lines[index]!);
  if (!match?.[1] || !match[2]) return undefined;
  const reason = match[2].replace(/(\*\*|__)$/, '').trim();
  if (reason.length < 3) return undefined;
  return { to: match[1].toLowerCase(), reason, rest: lines.slice(index + 1).join('\n').trim() };
}
