import { z } from 'zod';
import { ownDescription } from './own-description.js';

/** Something a request can be routed to: a skill or a campaign playbook. */
export const RoutingCandidateSchema = z.object({
  type: z.enum(['skill', 'playbook']),
  id: z.string(),
  /** The skill's category (content, analytics...); `campaign` for playbooks. */
  category: z.string(),
  name: z.string(),
  description: z.string(),
  triggers: z.array(z.string()),
  /** "Not This" rules: requests like `when` belong to `use` instead. */
  not: z.array(z.object({ when: z.string(), use: z.string() })),
  /** Longer text in the candidate's own domain (a skill's instructions); teaches the router its vocabulary. */
  corpus: z.string().optional(),
  /** Whole requests that belong here, as users write them; the router's example classifier learns from them. */
  examples: z.array(z.string()).optional(),
});
export type RoutingCandidate = z.infer<typeof RoutingCandidateSchema>;

export interface SkillLike {
  id: string;
  name: string;
  description: string;
  body?: string;
  metadata: {
    category: string;
    triggers: readonly string[];
    not: ReadonlyArray<{ when: string; use: string }>;
    examples?: readonly string[];
  };
}

export interface PlaybookLike {
  id: string;
  name: string;
  description: string;
  triggers?: readonly string[];
  examples?: readonly string[];
  steps?: ReadonlyArray<{ name?: string; description?: string }>;
}

export function skillCandidate(skill: SkillLike): RoutingCandidate {
  return {
    type: 'skill',
    id: skill.id,
    category: skill.metadata.category,
    name: skill.name,
    description: ownDescription(skill.description),
    triggers: [...skill.metadata.triggers],
    not: skill.metadata.not.map((rule) => ({ when: rule.when, use: rule.use })),
    corpus: skill.body,
    examples: [...(skill.metadata.examples ?? [])],
  };
}

export function playbookCandidate(playbook: PlaybookLike): RoutingCandidate {
  return {
    type: 'playbook',
    id: playbook.id,
    category: 'campaign',
    name: playbook.name,
    description: playbook.description,
    triggers: [...(playbook.triggers ?? [])],
    not: [],
    corpus: (playbook.steps ?? []).map((step) => `${step.name ?? ''} ${step.description ?? ''}`).join('\n'),
    examples: [...(playbook.examples ?? [])],
  };
}
