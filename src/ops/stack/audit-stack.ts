import { monthsBetween, parseIsoDate, toIsoDate } from '../shared/dates.js';
import { round } from '../shared/stats.js';
import { CORE_CATEGORIES, DEFAULT_MULTI_TOOL_CATEGORIES, normalizeCategory, type CategoryPriority } from './core-stack.js';
import type { Stack, StackTool } from './stack-schema.js';

export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** The stack audit checklist; every finding belongs to one item. */
export const STACK_CHECKLIST = {
  owner: 'Every tool has a clear owner',
  connected: 'Every tool connects to the CRM or the data warehouse',
  noOverlap: 'No two tools do the same job',
  contractReviewed: 'Contracts reviewed within the last 12 months',
  dataFlowsDocumented: 'Data flows between tools are documented',
  integrationMonitored: 'Integration health is monitored (failures flagged within 24 hours)',
  adoption: 'Adoption is measured and unused tools are cut',
} as const;
export type ChecklistItem = keyof typeof STACK_CHECKLIST;

export interface StackFinding {
  check: ChecklistItem | 'coreCategories' | 'names';
  severity: Severity;
  message: string;
}

export interface ToolAudit {
  name: string;
  categories: string[];
  status: 'ok' | 'review' | 'act';
  findings: StackFinding[];
}

export interface StackAudit {
  today: string;
  tools: ToolAudit[];
  stackFindings: StackFinding[];
  checklist: { check: ChecklistItem; item: string; passing: number; failing: string[] }[];
  coreCategories: { id: string; label: string; priority: CategoryPriority; tools: string[] }[];
  summary: {
    tools: number;
    findings: Record<Severity, number>;
    monthlySpend: number;
    /** Monthly cost of tools nobody uses. */
    unusedSpend: number;
  };
}

export interface AuditStackOptions {
  today: Date;
  /** Categories where several tools are normal (e.g. one per ad network). @default ["ads"] */
  multiToolCategories?: readonly string[];
}

const money = (n: number) => `${round(n)}/month`;

function toolFindings(tool: StackTool, categories: string[], overlaps: Map<string, string[]>, today: Date): StackFinding[] {
  const out: StackFinding[] = [];
  if (!tool.owner?.trim()) out.push({ check: 'owner', severity: 'high', message: 'no owner: name the person accountable for it' });

  const isCrm = categories.includes('crm');
  if (!isCrm) {
    if (tool.connects_to_crm === undefined && tool.connects_to_warehouse === undefined) {
      out.push({ check: 'connected', severity: 'medium', message: 'CRM/warehouse connection not recorded: set connects_to_crm or connects_to_warehouse' });
    } else if (!tool.connects_to_crm && !tool.connects_to_warehouse) {
      out.push({ check: 'connected', severity: 'high', message: 'does not connect to the CRM or the data warehouse, so its data is stranded' });
    }
  }

  for (const category of categories) {
    const others = (overlaps.get(category) ?? []).filter((name) => name !== tool.name);
    if (others.length > 0) {
      out.push({ check: 'noOverlap', severity: 'medium', message: `overlaps with ${others.join(', ')} (both ${category}): keep one or document why both are needed` });
    }
  }

  if (tool.monthly_cost !== 0) {
    const reviewed = tool.last_contract_review ? parseIsoDate(tool.last_contract_review) : undefined;
    if (!reviewed) {
      out.push({ check: 'contractReviewed', severity: 'medium', message: 'no contract review on record: review cost and terms' });
    } else {
      const months = monthsBetween(reviewed, today);
      if (months >= 12) {
        out.push({ check: 'contractReviewed', severity: 'medium', message: `contract last reviewed ${tool.last_contract_review} (${months} months ago): review it before renewal` });
      }
    }
  }

  if (tool.data_flows_documented !== true) {
    out.push({
      check: 'dataFlowsDocumented',
      severity: tool.data_flows_documented === false ? 'medium' : 'low',
      message: tool.data_flows_documented === false ? 'data flows are not documented' : 'data flow documentation not recorded',
    });
  }
  const integrates = (tool.integrations?.length ?? 0) > 0 || tool.connects_to_crm === true || tool.connects_to_warehouse === true;
  if (integrates && tool.integration_monitoring !== true) {
    out.push({ check: 'integrationMonitored', severity: 'medium', message: 'integrations are not monitored: failures should raise an alert within 24 hours' });
  }

  if (tool.active_users === 0) {
    const saving = tool.monthly_cost ? ` (saves ${money(tool.monthly_cost)})` : '';
    out.push({ check: 'adoption', severity: 'high', message: `nobody uses it: cut it${saving}` });
  } else if (tool.active_users === undefined) {
    out.push({ check: 'adoption', severity: 'low', message: 'adoption not measured: record active_users' });
  } else if (tool.seats && tool.active_users / tool.seats < 0.5) {
    out.push({ check: 'adoption', severity: 'medium', message: `low adoption: ${tool.active_users} of ${tool.seats} seats active; cut seats or train the team` });
  }
  return out;
}

/**
 * Audits a MarTech stack against the checklist: owners, CRM/warehouse connections,
 * overlapping tools, contract reviews (12 months), documented data flows, monitored
 * integrations and adoption; plus the critical core categories that are missing.
 */
export function auditStack(stack: Stack, options: AuditStackOptions): StackAudit {
  const multi = new Set((options.multiToolCategories ?? DEFAULT_MULTI_TOOL_CATEGORIES).map(normalizeCategory));
  const withCategories = stack.tools.map((tool) => ({
    tool,
    categories: [...new Set((Array.isArray(tool.category) ? tool.category : [tool.category]).map(normalizeCategory))],
  }));
  const byCategory = new Map<string, string[]>();
  for (const { tool, categories } of withCategories) for (const c of categories) byCategory.set(c, [...(byCategory.get(c) ?? []), tool.name]);
  const overlaps = new Map([...byCategory].filter(([c, names]) => names.length > 1 && !multi.has(c)));

  const tools: ToolAudit[] = withCategories.map(({ tool, categories }) => {
    const findings = toolFindings(tool, categories, overlaps, options.today);
    const status = findings.some((f) => f.severity === 'critical' || f.severity === 'high') ? 'act' : findings.some((f) => f.severity === 'medium') ? 'review' : 'ok';
    return { name: tool.name, categories, status, findings };
  });

  const stackFindings: StackFinding[] = [];
  const seen = new Set<string>();
  for (const { name } of stack.tools) {
    const key = name.trim().toLowerCase();
    if (seen.has(key)) stackFindings.push({ check: 'names', severity: 'high', message: `"${name}" is listed more than once: merge the entries` });
    seen.add(key);
  }
  const coreCategories = CORE_CATEGORIES.map((c) => ({ id: c.id, label: c.label, priority: c.priority, tools: byCategory.get(c.id) ?? [] }));
  for (const c of CORE_CATEGORIES) {
    if (c.priority === 'critical' && !byCategory.has(c.id)) {
      stackFindings.push({ check: 'coreCategories', severity: 'critical', message: `no ${c.label} tool (${c.purpose}, e.g. ${c.examples.join(', ')}): a critical part of the core stack` });
    }
  }

  const checklist = (Object.keys(STACK_CHECKLIST) as ChecklistItem[]).map((check) => {
    const failing = tools.filter((t) => t.findings.some((f) => f.check === check)).map((t) => t.name);
    return { check, item: STACK_CHECKLIST[check], passing: tools.length - failing.length, failing };
  });
  const findings = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of [...stackFindings, ...tools.flatMap((t) => t.findings)]) findings[f.severity] += 1;
  const monthlySpend = round(stack.tools.reduce((sum, t) => sum + (t.monthly_cost ?? 0), 0));
  const unusedSpend = round(stack.tools.filter((t) => t.active_users === 0).reduce((sum, t) => sum + (t.monthly_cost ?? 0), 0));
  return {
    today: toIsoDate(options.today),
    tools,
    stackFindings,
    checklist,
    coreCategories,
    summary: { tools: tools.length, findings, monthlySpend, unusedSpend },
  };
}
