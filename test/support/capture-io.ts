import { PassThrough } from 'node:stream';
import type { CliIo } from '../../src/cli/cli-io.js';

/** A CLI io whose stdout and stderr are captured as text. */
export function captureIo(env: NodeJS.ProcessEnv = {}, cwd: string = process.cwd(), stdinText?: string) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const stdin = new PassThrough();
  if (stdinText !== undefined) stdin.end(stdinText);
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const io: CliIo = { stdout, stderr, stdin, env, cwd };
  return { io, out: () => out, err: () => err };
}
