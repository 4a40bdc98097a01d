import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { deliverableFor } from './deliverable.js';

export interface HandoffTranscript {
  /** Every state returned, in order. */
  states: any[];
  /** Instructions handed out, by step id. */
  instructions: Map<string, string>;
}

/**
 * Plays a chat client in handoff mode: takes every waiting step from the last state,
 * produces a deliverable that meets the step's skill contract (marked with the step id so
 * later instructions can be checked for it) and submits it, until nothing waits.
 */
export async function driveHandoff(client: Client, first: any): Promise<HandoffTranscript> {
  const states = [first];
  const instructions = new Map<string, string>();
  let state = first;
  while (state.run.status === 'waiting') {
    const step = state.waiting[0];
    if (step.kind !== 'handoff') break;
    instructions.set(step.step_id, step.instructions);
    const skill = state.steps.find((s: any) => s.id === step.step_id).uses;
    const output = await deliverableFor(skill, `from ${step.step_id}`);
    const result = await client.callTool({
      name: 'submit_step_output',
      arguments: { run_id: state.run.id, step_id: step.step_id, output },
    });
    if (result.isError) throw new Error(JSON.stringify(result.content));
    state = result.structuredContent;
    states.push(state);
  }
  return { states, instructions };
}
