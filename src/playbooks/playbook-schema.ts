import { z } from 'zod';
import { ContextRequirementSchema } from '../context/context-schema.js';
import { DurationSchema } from './duration.js';

/**
 * The playbook format (`playbooks/<id>.yaml`): the single source of truth. The JSON
 * Schema in `schemas/playbook.schema.json` is generated from these schemas (see
 * `playbook-json-schema.ts`), and every type the engine uses is inferred here.
 */

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const INPUT_NAME_PATTERN = /^[a-z][a-z0-9_]*$/;
const TOOL_NAME_PATTERN = /^[a-z][a-z0-9_]*$/;

export const SlugSchema = z
  .string()
  .regex(SLUG_PATTERN, { message: 'Expected lowercase letters, digits and single hyphens (e.g. "content-plan")' });

/** A RACI role such as `marketing-director`; slugs, so approvals can match names exactly. */
export const RoleSchema = SlugSchema;

export const INPUT_TYPES = ['string', 'number', 'boolean', 'date', 'url', 'list'] as const;
export const InputTypeSchema = z.enum(INPUT_TYPES);
export type InputType = z.infer<typeof InputTypeSchema>;

export const InputValueSchema = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]);
export type InputValue = z.infer<typeof InputValueSchema>;

export const PlaybookInputSchema = z
  .strictObject({
    type: InputTypeSchema.default('string').describe('How the value is checked and coerced: string, number, boolean, date (YYYY-MM-DD), url or list.'),
    description: z.string().min(1).describe('What the value is, shown when someone runs or plans the playbook.'),
    required: z.boolean().default(false).describe('The run refuses to start without it.'),
    default: InputValueSchema.optional().describe('Used when the input is not given.'),
    enum: z.array(z.union([z.string(), z.number()])).min(1).optional().describe('The only values allowed.'),
  })
  .superRefine((input, ctx) => {
    if (input.default !== undefined && !inputValueFitsType(input.default, input.type)) {
      ctx.addIssue({
        code: 'custom',
        path: ['default'],
        message: `Expected the default to be a ${input.type}, got ${JSON.stringify(input.default)}`,
      });
    }
    for (const [index, option] of (input.enum ?? []).entries()) {
      if (!inputValueFitsType(option, input.type)) {
        ctx.addIssue({
          code: 'custom',
          path: ['enum', index],
          message: `Expected every enum value to be a ${input.type}, got ${JSON.stringify(option)}`,
        });
      }
    }
    if (input.default !== undefined && input.enum && !input.enum.includes(input.default as string | number)) {
      ctx.addIssue({
        code: 'custom',
        path: ['default'],
        message: `Expected the default to be one of ${input.enum.map((v) => JSON.stringify(v)).join(', ')}`,
      });
    }
  });
export type PlaybookInput = z.infer<typeof PlaybookInputSchema>;

/** RACI: one accountable role (the schema cannot hold two), the rest optional. */
export const StepOwnerSchema = z.strictObject({
  accountable: RoleSchema.describe('The one role that answers for the step.'),
  responsible: RoleSchema.optional().describe('The role that does the work.'),
  consulted: z.array(RoleSchema).optional().describe('Roles whose input shapes the work.'),
  informed: z.array(RoleSchema).optional().describe('Roles told about the result.'),
});
export type StepOwner = z.infer<typeof StepOwnerSchema>;

export const RetryPolicySchema = z.strictObject({
  /** Total attempts including the first; 1 means no retry. */
  attempts: z.number().int().min(1).max(10).default(1),
  /** Delay before the first retry; the engine grows it exponentially. */
  backoff: DurationSchema.default('1s'),
});
export type RetryPolicy = z.infer<typeof RetryPolicySchema>;

/** Template inputs: values may hold `${{ inputs.x }}`, `${{ steps.<id>.output }}`, `${{ context.<section> }}`. */
export const StepWithSchema = z.record(z.string().min(1), z.string());

const stepCommon = {
  id: SlugSchema.describe('Unique step id; other steps use it in needs and ${{ steps.<id>.output }}.'),
  name: z.string().min(1).optional(),
  description: z.string().optional(),
  /** Absent: the previous step. `[]`: no dependency, so the step can run in parallel. */
  needs: z
    .array(SlugSchema)
    .optional()
    .describe('Steps that must finish first. Absent: the previous step. []: none, so the step can run in parallel.'),
  owner: StepOwnerSchema.optional().describe('RACI ownership of the step.'),
  timeout: DurationSchema.optional().describe("Longest one attempt may take: '90s', '5m' or milliseconds."),
  retry: RetryPolicySchema.optional().describe('Retries for transient failures (rate limits, server errors, timeouts).'),
};

export const SkillStepSchema = z.strictObject({
  type: z.literal('skill').default('skill'),
  ...stepCommon,
  skill: SlugSchema.describe('The skill that produces this step (skills/<id>/SKILL.md).'),
  with: StepWithSchema.default({}).describe('Inputs for the skill; a request saying what to produce, plus earlier outputs via ${{ steps.<id>.output }}.'),
  /** What to do when the output breaks the skill's output contract: fail the step or flag it and go on. */
  on_contract_violation: z.enum(['fail', 'flag']).default('fail'),
});
export type SkillStep = z.infer<typeof SkillStepSchema>;

export const GateStepSchema = z.strictObject({
  type: z.literal('gate'),
  ...stepCommon,
  /** An ops toolkit tool name, e.g. `validate_utms`. */
  tool: z.string().regex(TOOL_NAME_PATTERN, { message: 'Expected a snake_case ops tool name (e.g. "validate_utms")' }),
  with: StepWithSchema.default({}),
});
export type GateStep = z.infer<typeof GateStepSchema>;

export const ApprovalStepSchema = z.strictObject({
  type: z.literal('approval'),
  ...stepCommon,
  /** The role that must approve; the run waits for it. */
  approver: RoleSchema,
  with: StepWithSchema.default({}),
});
export type ApprovalStep = z.infer<typeof ApprovalStepSchema>;

export const PlaybookStepSchema = z.discriminatedUnion('type', [SkillStepSchema, GateStepSchema, ApprovalStepSchema]);
export type PlaybookStep = z.infer<typeof PlaybookStepSchema>;
export type StepType = PlaybookStep['type'];

export const PlaybookSchema = z.strictObject({
  id: SlugSchema,
  name: z.string().min(1),
  description: z.string().min(1),
  /** Phrases people use when they want the whole campaign; the router proposes the playbook on them. */
  triggers: z.array(z.string().min(1)).default([]).describe('Phrases people use when they want this whole campaign.'),
  /** Whole requests that ask for this campaign; the router's example classifier learns from them. */
  examples: z.array(z.string().min(3, 'an example is a whole request, as a user would type it')).default([]).describe('Whole requests that ask for this campaign, as users write them.'),
  /** What the marketing context must hold before the run starts. Absent: no context needed. */
  context: ContextRequirementSchema.optional().describe('Context sections the run checks before it starts. Absent: no context needed.'),
  inputs: z.record(
    z.string().regex(INPUT_NAME_PATTERN, { message: 'Expected a snake_case input name (e.g. "product_name")' }),
    PlaybookInputSchema,
  ).default({}),
  steps: z.array(PlaybookStepSchema).min(1),
});
export type Playbook = z.infer<typeof PlaybookSchema>;
/** A playbook as written, before defaults are applied. */
export type PlaybookSource = z.input<typeof PlaybookSchema>;

/** Whether a value has the shape an input of this type takes (after coercion from text). */
export function inputValueFitsType(value: unknown, type: InputType): boolean {
  switch (type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'list':
      return Array.isArray(value) && value.every((item) => typeof item === 'string');
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));
    case 'url':
      return typeof value === 'string' && /^https?:\/\/\S+$/.test(value);
    case 'string':
      return typeof value === 'string';
  }
}

