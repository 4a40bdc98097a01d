import { z } from 'zod';

/** The 18 skills this project ships (DESIGN.md). Other collections may add more. */
export const CORE_SKILL_IDS = [
  'marketing-context',
  'content-strategy',
  'copywriting',
  'copy-editing',
  'social-content',
  'content-production',
  'content-humanizer',
  'marketing-ideas',
  'seo-specialist',
  'ai-seo',
  'landing-page-generator',
  'brand-guidelines',
  'paid-ads',
  'ad-creative',
  'cold-email',
  'marketing-psychology',
  'campaign-analytics',
  'marketing-ops',
] as const;

export const SKILL_CATEGORIES = ['content', 'seo', 'conversion', 'channel', 'strategy', 'analytics', 'ops'] as const;

/** Agent Skills naming rule: 1-64 chars of a-z, 0-9 and hyphens, no leading/trailing hyphen. */
export const SkillNameSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use 1-64 characters of a-z, 0-9 and single hyphens (e.g. "copy-editing")');

export const SkillNotRuleSchema = z
  .object({
    when: z.string().min(3).describe('The kind of request that looks like this skill but is not'),
    use: SkillNameSchema.describe('The skill that should handle it instead'),
  })
  .strict();

export const SkillLimitRefSchema = z
  .object({
    section: z.string().min(1).describe('An output section heading whose list items the limit applies to'),
    limit: z.string().min(1).describe('A channel limit id from the channel-limits table'),
  })
  .strict();

export const SkillContractSchema = z
  .object({
    sections: z.array(z.string().min(1)).default([]).describe('H2 headings the output must contain'),
    limits: z.array(SkillLimitRefSchema).default([]),
  })
  .strict();

/** Our routing and execution data, kept under `metadata` so standard tooling still reads the file. */
export const SkillMetadataSchema = z
  .object({
    category: z.enum(SKILL_CATEGORIES),
    triggers: z.array(z.string().min(2)).default([]),
    not: z.array(SkillNotRuleSchema).default([]),
    examples: z
      .array(z.string().min(3, 'an example is a whole request, as a user would type it'))
      .default([])
      .describe('Whole requests that belong to this skill, as users write them; the router learns from them'),
    requires_context: z.boolean().default(true),
    output: z.string().optional(),
    tools: z.array(z.string().min(1)).default([]),
    contract: SkillContractSchema.optional(),
  })
  .strict();

/** Front matter of any Agent Skills SKILL.md; `metadata` is ours when it has a `category`. */
export const SkillFrontMatterSchema = z
  .object({
    name: SkillNameSchema,
    description: z.string().min(1).max(1024, 'keep the description within 1024 characters'),
    license: z.string().optional(),
    compatibility: z.string().optional(),
    'allowed-tools': z.union([z.string(), z.array(z.string())]).optional(),
    metadata: z.record(z.string(), z.unknown()).optional(),
  })
  .loose();

export type SkillMetadata = z.infer<typeof SkillMetadataSchema>;
export type SkillNotRule = z.infer<typeof SkillNotRuleSchema>;
export type SkillContract = z.infer<typeof SkillContractSchema>;
export type SkillCategory = (typeof SKILL_CATEGORIES)[number];

/** A loaded skill. Foreign skills (no routing metadata) get `category: 'general'` and empty lists. */
export interface Skill {
  id: string;
  name: string;
  description: string;
  body: string;
  file: string;
  /** True when the file carries this project's routing metadata. */
  native: boolean;
  metadata: Omit<SkillMetadata, 'category'> & { category: SkillCategory | 'general' };
}
