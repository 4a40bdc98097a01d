import { relative } from 'node:path';
import { resolveProjectPaths } from '../../config/project-paths.js';
import { loadContext, scoreContext, type SectionStatus } from '../../context/index.js';
import type { CommandHandler } from '../cli-io.js';

const MARK: Record<SectionStatus, string> = { complete: '✔', thin: '~', missing: '✖' };

/**
 * `mops context [name]`: completeness per section (missing, thin, complete) with what is
 * lacking, and the overall readiness. Exit 1 when the context is not ready for campaigns.
 */
const contextCommand: CommandHandler = async (args, options, io) => {
  const { contextDir } = resolveProjectPaths(io.env, io.cwd);
  const context = await loadContext(args[0], { contextDir, env: io.env, cwd: io.cwd });
  const report = scoreContext(context);
  const exitCode = report.readiness === 'not-ready' ? 1 : 0;

  if (options.json) {
    const unknownSections = context.unknownSections.map(({ heading, line }) => ({ heading, line }));
    const json = { ...report, company: context.company ?? null, updated: context.updated ?? null, unknownSections };
    io.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    return exitCode;
  }

  const title = context.company ? `${context.company} (${context.name})` : context.name;
  const where = relative(io.cwd, context.file) || context.file;
  io.stdout.write(`${title} — ${where}${context.updated ? `, updated ${context.updated}` : ''}\n\n`);
  const headingWidth = Math.max(...report.sections.map((section) => section.heading.length), 7);
  io.stdout.write(`  ${'SECTION'.padEnd(headingWidth)}  STATUS    WORDS\n`);
  for (const section of report.sections) {
    io.stdout.write(
      `${MARK[section.status]} ${section.heading.padEnd(headingWidth)}  ${section.status.padEnd(8)}  ${String(section.words).padStart(5)}\n`,
    );
    for (const problem of section.problems) io.stdout.write(`    - ${problem}\n`);
  }
  for (const unknown of context.unknownSections) {
    io.stdout.write(`? ${unknown.heading} (line ${unknown.line}): not a known section, not scored\n`);
  }
  const counts = `${report.sections.length - report.missing.length - report.thin.length} complete, ${report.thin.length} thin, ${report.missing.length} missing`;
  io.stdout.write(`\nReadiness: ${report.readiness} (score ${report.score.toFixed(2)}; ${counts})\n`);
  if (report.readiness !== 'ready') {
    io.stdout.write(
      `Fill in the sections above (see context/_template.md for what each needs), or let a run draft them: mops run <playbook> --draft-context\n`,
    );
  }
  return exitCode;
};

export default contextCommand;
