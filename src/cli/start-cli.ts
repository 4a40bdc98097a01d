import { runCli } from './main.js';

/** Runs `mops` with the process's arguments: the entry of the CLI bundle (see bin.ts). */

// `mops skills | head` closes the pipe early: that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`mops: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  },
);
