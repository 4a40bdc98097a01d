import { basename } from 'node:path';
import { resolveProjectPaths } from '../../config/project-paths.js';
import { isMopsError } from '../../errors/index.js';
import { listPlaybookFiles, loadPlaybookSource, type PlaybookSource } from '../../playbooks/index.js';
import type { CommandHandler } from '../cli-io.js';

/**
 * `mops playbooks`: the campaign playbooks with their step counts and inputs. A broken
 * playbook file does not hide the others: it is reported on stderr and the exit code is 1.
 */
const playbooksCommand: CommandHandler = async (_args, options, io) => {
  const { playbooksDir } = resolveProjectPaths(io.env, io.cwd);
  const sources: PlaybookSource[] = [];
  const broken: { file: string; message: string }[] = [];
  for (const file of await listPlaybookFiles(playbooksDir)) {
    try {
      sources.push(await loadPlaybookSource(file, { playbooksDir }));
    } catch (error) {
      if (!isMopsError(error)) throw error;
      broken.push({ file, message: error.message });
    }
  }
  sources.sort((a, b) => a.playbook.id.localeCompare(b.playbook.id));

  if (options.json) {
    const rows = sources.map(({ playbook, file }) => ({
      id: playbook.id,
      name: playbook.name,
      description: playbook.description,
      steps: playbook.steps.length,
      skills: playbook.steps.flatMap((step) => (step.type === 'skill' ? [step.skill] : [])),
      inputs: Object.entries(playbook.inputs).map(([name, input]) => ({
        name,
        type: input.type,
        required: input.required,
        ...(input.default !== undefined ? { default: input.default } : {}),
        description: input.description,
      })),
      context: playbook.context ?? null,
      triggers: playbook.triggers.length,
      file,
    }));
    io.stdout.write(`${JSON.stringify(broken.length ? { playbooks: rows, errors: broken } : rows, null, 2)}\n`);
    return broken.length ? 1 : 0;
  }

  if (sources.length === 0 && broken.length === 0) {
    io.stdout.write(`No playbooks in ${playbooksDir}.\n`);
    return 0;
  }
  const rows = sources.map(({ playbook }) => [
    playbook.id,
    playbook.name,
    String(playbook.steps.length),
    Object.entries(playbook.inputs)
      .map(([name, input]) => (input.required ? `${name}*` : name))
      .join(', ') || '-',
  ]);
  io.stdout.write(formatTable(['ID', 'NAME', 'STEPS', 'INPUTS (* required)'], rows));
  io.stdout.write(`\n${sources.length} playbook${sources.length === 1 ? '' : 's'}. See a run before starting it: mops plan <id> --input key=value\n`);
  for (const { file, message } of broken) io.stderr.write(`mops: skipped ${basename(file)}: ${message}\n`);
  return broken.length ? 1 : 0;
};

function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .concat('\n');
  return line(header) + rows.map(line).join('');
}

export default playbooksCommand;
