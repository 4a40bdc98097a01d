import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import type { CliIo } from '../../../src/cli/cli-io.js';
import { runCli } from '../../../src/cli/main.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `mops` in-process with captured streams, a temp MOPS_HOME and the given env. */
export function cliRunner(env: NodeJS.ProcessEnv = {}) {
  const home = mkdtempSync(join(tmpdir(), 'mops-cli-'));
  const baseEnv: NodeJS.ProcessEnv = { MOPS_HOME: join(home, '.mops'), CI: 'true', ...env };
  const run = async (argv: string[], options: { stdin?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> => {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let out = '';
    let err = '';
    stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const io: CliIo = {
      stdout,
      stderr,
      stdin: Readable.from(options.stdin === undefined ? [] : [options.stdin]),
      env: { ...baseEnv, ...options.env },
      cwd: home,
    };
    const code = await runCli(argv, io);
    return { code, stdout: out, stderr: err };
  };
  return { run, home, env: baseEnv };
}
