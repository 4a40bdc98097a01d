export * from './skill-schema.js';
export { parseSkill, type ParseSkillOptions } from './parse-skill.js';
export { loadSkills, loadSkillFile } from './load-skills.js';
export { findSkillFiles } from './find-skill-files.js';
export { SkillRegistry } from './skill-registry.js';
export { lintSkills, type SkillDiagnostic } from './lint-skills.js';
