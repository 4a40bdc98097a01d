import { z } from 'zod';
import { isoDate } from '../shared/zod-fields.js';

/** One tool of a MarTech stack inventory (YAML/JSON, snake_case like most exports). */
export const stackToolSchema = z.strictObject({
  name: z.string().min(1).describe('Tool name.'),
  category: z
    .union([z.string().min(1), z.array(z.string().min(1)).min(1)])
    .describe('What the tool does: crm, marketing automation, analytics, email, ads, seo, cms, social, attribution, abm, or your own; a list when it covers several.'),
  owner: z.string().optional().describe('The person accountable for the tool.'),
  connects_to_crm: z.boolean().optional().describe('Data flows between this tool and the CRM.'),
  connects_to_warehouse: z.boolean().optional().describe('Data flows into the central data warehouse.'),
  monthly_cost: z.number().min(0).optional().describe('Monthly cost.'),
  seats: z.number().int().min(0).optional().describe('Licensed seats.'),
  active_users: z.number().int().min(0).optional().describe('People who used it in the last 30 days.'),
  last_contract_review: isoDate('Date of the last contract and cost review (YYYY-MM-DD).').optional(),
  integrations: z.array(z.string()).optional().describe('Tools it exchanges data with.'),
  data_flows_documented: z.boolean().optional().describe('The data flows to and from it are written down.'),
  integration_monitoring: z.boolean().optional().describe('Integration failures raise an alert (within 24 hours).'),
  notes: z.string().optional().describe('Anything else.'),
});

export const stackSchema = z.strictObject({
  tools: z.array(stackToolSchema).describe('Every tool in the stack.'),
});

export type StackTool = z.output<typeof stackToolSchema>;
export type Stack = z.output<typeof stackSchema>;
