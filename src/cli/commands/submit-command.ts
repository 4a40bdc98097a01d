import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createProjectEngine } from '../../engine/index.js';
import { followRun } from '../../engine/report/index.js';
import { MopsError } from '../../errors/index.js';
import type { CliIo, CommandHandler } from '../cli-io.js';

/**
 * `mops submit <run-id> <step-id> [--file out.md]`: gives a waiting (handoff) step its
 * output, from a file or stdin, and continues the run until it next stops.
 */
const submitCommand: CommandHandler = async (args, options, io) => {
  const [runId = '', stepId = ''] = args;
  const output = await readOutput(typeof options.file === 'string' ? options.file : undefined, io);
  const { engine } = await createProjectEngine({ env: io.env, cwd: io.cwd });
  try {
    return await followRun(engine, () => engine.submitStepOutput(runId, stepId, output), io, { json: options.json === true });
  } finally {
    await engine.close();
  }
};

async function readOutput(file: string | undefined, io: CliIo): Promise<string> {
  if (file) {
    const path = resolve(io.cwd, file);
    try {
      return await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new MopsError('NOT_FOUND', `No file at ${path}. Pass the step's output with --file <path>.`);
      throw error;
    }
  }
  if ((io.stdin as { isTTY?: boolean }).isTTY) {
    throw new MopsError('INVALID_INPUT', 'Pass the step output with --file out.md, or pipe it in: mops submit <run-id> <step-id> < out.md');
  }
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

export default submitCommand;
