import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../../src/config/project-paths.js';
import { loadSkills, type SkillRegistry } from '../../../src/skills/index.js';

let registry: Promise<SkillRegistry> | undefined;

/** The shipped skills, loaded once per test file. */
export function shippedSkills(): Promise<SkillRegistry> {
  registry ??= loadSkills(join(PACKAGE_ROOT, 'skills'));
  return registry;
}

/** Short list items that name every brief field and fit every channel limit. */
const BODY = ['- objective: grow demos', '- audience: ops leads', '- key message: save time', '- cta: book a demo', '- metric: 40 demos', '- deadline: 2026-06-30', '- format: web page'].join('\n');

/**
 * What a well-behaved client model hands back for a step: every heading the skill's
 * output contract requires, in order, each with short items that pass its limits.
 */
export async function deliverableFor(skillId: string, marker = ''): Promise<string> {
  const skill = (await shippedSkills()).require(skillId);
  const sections = skill.metadata.contract?.sections ?? ['Deliverable'];
  return sections.map((heading) => `## ${heading}\n\n${BODY}${marker ? `\n- note: ${marker}` : ''}`).join('\n\n');
}
