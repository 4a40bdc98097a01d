/**
 * The message that asks a model to repair an answer that broke the skill's output
 * contract. Pure. It quotes every violation exactly as the contract check reported it,
 * so the model fixes what was measured rather than guessing.
 */
export function formatRepairRequest(violations: readonly string[]): string {
  return [
    "Your answer breaks this step's output contract. The deterministic check found:",
    ...violations.map((violation) => `- ${violation}`),
    'Answer again with the whole corrected deliverable: fix exactly these problems, keep every required `##` section and everything that was already right, and count characters before you answer.',
  ].join('\n');
}

/**
 * The same repair request for a model that takes one prompt only (MCP sampling): the
 * original material, the earlier answer, then the violations.
 */
export function formatRepairPrompt(user: string, output: string, violations: readonly string[]): string {
  return [user.trimEnd(), '## Your earlier answer', output.trim(), '## Repair needed', formatRepairRequest(violations)].join('\n\n') + '\n';
}
