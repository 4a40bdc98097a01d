import { resolveProjectPaths } from '../../config/project-paths.js';
import { loadSkills } from '../../skills/index.js';
import { summary } from '../../routing/explain-route.js';
import type { CommandHandler } from '../cli-io.js';

const skillsCommand: CommandHandler = async (_args, options, io) => {
  const registry = await loadSkills(resolveProjectPaths(io.env, io.cwd).skillsDir);
  const skills = registry.list();
  if (options.json) {
    const rows = skills.map((s) => ({
      id: s.id,
      category: s.metadata.category,
      description: s.description,
      requires_context: s.metadata.requires_context,
      triggers: s.metadata.triggers.length,
      tools: s.metadata.tools,
      file: s.file,
    }));
    io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  const width = Math.max(...skills.map((s) => s.id.length), 4);
  const byCategory = new Map<string, typeof skills>();
  for (const skill of skills) {
    const list = byCategory.get(skill.metadata.category) ?? [];
    list.push(skill);
    byCategory.set(skill.metadata.category, list);
  }
  for (const [category, list] of byCategory) {
    io.stdout.write(`${category}\n`);
    for (const skill of list) io.stdout.write(`  ${skill.id.padEnd(width)}  ${summary(skill.description)}\n`);
  }
  io.stdout.write(`\n${skills.length} skills. Route a request: mops route "<what you need>"\n`);
  return 0;
};

export default skillsCommand;
