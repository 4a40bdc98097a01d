import { attributeConversionsOpsTool } from './attribution/attribute-conversions-ops-tool.js';
import { scoreAuditOpsTool } from './audit/score-audit-ops-tool.js';
import { validateBriefOpsTool } from './brief/validate-brief-ops-tool.js';
import { checkCopyLengthOpsTool } from './copy/check-copy-length-ops-tool.js';
import { workflowHealthOpsTool } from './health/workflow-health-ops-tool.js';
import { scoreLeadsOpsTool } from './leads/score-leads-ops-tool.js';
import type { OpsTool } from './ops-tool.js';
import { auditStackOpsTool } from './stack/audit-stack-ops-tool.js';
import { evaluateToolOpsTool } from './stack/evaluate-tool-ops-tool.js';
import { triageRequestsOpsTool } from './triage/triage-requests-ops-tool.js';
import { buildUtmOpsTool } from './utm/build-utm-ops-tool.js';
import { validateUtmsOpsTool } from './utm/validate-utms-ops-tool.js';

/**
 * Every ops tool, in the order shells list them. The MCP server registers each one as a
 * tool and the CLI exposes each as `mops ops <name>`; neither needs to know them one by one.
 */
export const OPS_TOOLS: readonly OpsTool[] = Object.freeze([
  validateBriefOpsTool,
  triageRequestsOpsTool,
  buildUtmOpsTool,
  validateUtmsOpsTool,
  scoreLeadsOpsTool,
  attributeConversionsOpsTool,
  evaluateToolOpsTool,
  auditStackOpsTool,
  scoreAuditOpsTool,
  workflowHealthOpsTool,
  checkCopyLengthOpsTool,
]);

const BY_NAME = new Map(OPS_TOOLS.map((tool) => [tool.name, tool]));

/** The tool with this MCP name (e.g. `score_leads`), or undefined. */
export function getOpsTool(name: string): OpsTool | undefined {
  return BY_NAME.get(name);
}
