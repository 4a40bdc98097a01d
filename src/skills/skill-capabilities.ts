import { CHANNEL_LIMIT_IDS } from '../ops/channel-limits.js';

/**
 * Read-only project tools a skill may declare in `metadata.tools`, besides the ops
 * toolkit: reading the marketing context and an earlier step's output.
 */
export const AGENT_PROJECT_TOOLS = ['read_context', 'read_step_output'] as const;

/**
 * Limit ids a skill contract may reference: the channel limits, plus two structural
 * checks (every link carries valid UTMs; a brief lists all seven intake fields).
 */
export const CONTRACT_LIMIT_IDS: readonly string[] = [...CHANNEL_LIMIT_IDS, 'utm-links', 'brief-fields'];
