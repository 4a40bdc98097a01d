/** The streams and environment a command runs with; injected so tests can capture output. */
export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd() };
}

/**
 * A command module's default export: gets the positional arguments and parsed options,
 * prints through `io`, and returns the exit code. Typed errors are thrown, not printed.
 */
export type CommandHandler = (
  args: string[],
  options: Record<string, unknown>,
  io: CliIo,
) => Promise<number>;
