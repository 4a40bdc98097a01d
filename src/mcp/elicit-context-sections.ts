import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { RequestId } from '@modelcontextprotocol/sdk/types.js';
import { CONTEXT_SECTIONS, type SectionId } from '../context/index.js';

export type ElicitationStatus = 'accepted' | 'declined' | 'cancelled' | 'unsupported' | 'not-needed' | 'skipped';

export interface ElicitedSections {
  status: ElicitationStatus;
  /** Non-empty answers by section id (only when accepted). */
  answers: Partial<Record<SectionId, string>>;
}

/** Whether the connected client said it can show a form to its user. */
export function clientCanElicit(server: McpServer): boolean {
  return Boolean(server.server.getClientCapabilities()?.elicitation);
}

/**
 * Asks the user, through the client, to write the missing context sections: one text
 * field per section, titled with its heading and described with what it should hold.
 * Nothing is written here; the caller writes the answers only when the user accepted.
 */
export async function elicitContextSections(
  server: McpServer,
  request: { contextName: string; missing: readonly SectionId[]; relatedRequestId: RequestId; signal: AbortSignal },
): Promise<ElicitedSections> {
  if (request.missing.length === 0) return { status: 'not-needed', answers: {} };
  if (!clientCanElicit(server)) return { status: 'unsupported', answers: {} };
  const definitions = CONTEXT_SECTIONS.filter((definition) => request.missing.includes(definition.id));
  const properties = Object.fromEntries(
    definitions.map((definition) => [
      definition.id,
      { type: 'string' as const, title: definition.heading, description: definition.purpose },
    ]),
  );
  const result = await server.server.elicitInput(
    {
      mode: 'form',
      message:
        `The marketing context "${request.contextName}" has no ${definitions.map((d) => d.heading).join(', ')} section. ` +
        'Write what you can (a few sentences or a list each); empty fields are left out. Accepting adds your answers to the context file.',
      requestedSchema: { type: 'object', properties },
    },
    { relatedRequestId: request.relatedRequestId, signal: request.signal },
  );
  if (result.action !== 'accept') return { status: result.action === 'decline' ? 'declined' : 'cancelled', answers: {} };
  const answers: Partial<Record<SectionId, string>> = {};
  for (const definition of definitions) {
    const value = result.content?.[definition.id];
    if (typeof value === 'string' && value.trim() !== '') answers[definition.id] = value.trim();
  }
  return { status: 'accepted', answers };
}
