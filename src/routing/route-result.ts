import { z } from 'zod';

/** The `mops route --json` / `route_request` contract (DESIGN.md). */
export const RouteTargetSchema = z.object({
  type: z.enum(['skill', 'playbook']).describe('Whether the request goes to one skill or a whole campaign playbook'),
  id: z.string().describe('Skill or playbook id'),
});

export const RouteAlternativeSchema = RouteTargetSchema.extend({
  score: z.number().min(0).max(1).describe('Relative strength of this candidate, 0..1'),
});

export const RouteResultSchema = z.object({
  match: RouteTargetSchema.nullable().describe('The best destination, or null when the request is not a marketing task'),
  confidence: z.number().min(0).max(1).describe('Calibrated probability that `match` is right (for null: that the request is out of scope)'),
  alternatives: z.array(RouteAlternativeSchema).describe('Next-best candidates, strongest first'),
  reason: z.string().describe('Why this route was chosen, in plain words'),
  question: z.string().optional().describe('A clarifying question to ask when the request is ambiguous'),
});

export type RouteTarget = z.infer<typeof RouteTargetSchema>;
export type RouteAlternative = z.infer<typeof RouteAlternativeSchema>;
export type RouteResult = z.infer<typeof RouteResultSchema>;

/** A route result in exactly the DESIGN.md contract shape; a clarifying question joins the reason. */
export type ContractRouteResult = Omit<RouteResult, 'question'>;

export function toContractResult(result: RouteResult): ContractRouteResult {
  const { question, ...rest } = result;
  return question ? { ...rest, reason: `${rest.reason}. ${question}` } : rest;
}
