import type { StepPrompt } from './assemble-step-prompt.js';
import type { StepExecutor, StepRequest, StepResult } from './step-executor.js';

/**
 * No model on the server: the step waits, and whoever continues the run (a person at
 * the CLI, or the chat client's model over MCP) gets the fully assembled instructions.
 */
export class HandoffExecutor implements StepExecutor {
  readonly kind = 'handoff';
  /** The chat client doing the step calls the skill's tools as this server's MCP tools. */
  readonly toolAccess = 'mcp';

  async execute(request: StepRequest): Promise<StepResult> {
    return { status: 'waiting', instructions: formatHandoffInstructions(request.prompt, request) };
  }
}

/** The prompt as one document: what to do, the skill's instructions, then the material. */
export function formatHandoffInstructions(prompt: StepPrompt, where: { runId: string; stepId: string }): string {
  return [
    `# Instructions for step "${where.stepId}" of run ${where.runId}`,
    'Produce this step\'s output by following the skill instructions with the material below, then submit it ' +
      `(CLI: \`mops submit ${where.runId} ${where.stepId} --file output.md\`; MCP: the \`submit_step_output\` tool).`,
    '---',
    prompt.system,
    '---',
    prompt.user,
  ].join('\n\n');
}
