import { resolveProjectPaths } from '../../config/project-paths.js';
import { MopsError } from '../../errors/index.js';
import type { McpDeps } from '../../mcp/mcp-deps.js';
import type { CommandHandler } from '../cli-io.js';

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/** Resolves on the first SIGINT or SIGTERM (and stops listening for them). */
function untilSignal(): { promise: Promise<NodeJS.Signals>; dispose: () => void } {
  let dispose = (): void => {};
  const promise = new Promise<NodeJS.Signals>((resolve) => {
    const handler = (signal: NodeJS.Signals): void => {
      dispose();
      resolve(signal);
    };
    for (const signal of SIGNALS) process.on(signal, handler);
    dispose = () => {
      for (const signal of SIGNALS) process.off(signal, handler);
    };
  });
  return { promise, dispose };
}

function parsePort(value: unknown): number {
  const port = Number(value ?? 3333);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new MopsError('INVALID_INPUT', `Expected --port to be a whole number from 0 to 65535, got \`${String(value)}\`.`);
  }
  return port;
}

/**
 * `mops serve [--http] [--port N] [--host H]`: the MCP server. Over stdio nothing but
 * protocol goes to stdout; every log line goes to stderr. Runs until the client hangs up
 * (stdio) or SIGINT/SIGTERM, then closes sessions and the run store before exiting.
 */
const serveCommand: CommandHandler = async (_args, options, io) => {
  const log = (message: string): void => void io.stderr.write(`mops serve: ${message}\n`);
  const deps: McpDeps = { paths: resolveProjectPaths(io.env, io.cwd), env: io.env, cwd: io.cwd, watch: true, log };
  const signal = untilSignal();

  // Each transport is imported on its own: a stdio server never loads the HTTP stack.
  if (options.http) {
    const { startHttpServer } = await import('../../mcp/http-server.js');
    const token = io.env.MOPS_HTTP_TOKEN?.trim() || undefined;
    const server = await startHttpServer({ port: parsePort(options.port), host: String(options.host ?? '127.0.0.1'), token, deps });
    log(`MCP server (Streamable HTTP) listening on ${server.url}${token ? ' (bearer token required)' : ''}`);
    const received = await signal.promise;
    log(`${received}: closing ${server.sessionCount()} session(s)`);
    await server.close();
    return 0;
  }

  const { startStdioServer } = await import('../../mcp/stdio-server.js');
  const server = await startStdioServer({ deps, stdin: io.stdin, stdout: io.stdout });
  const { skills, playbooks } = await server.mops.services.catalog.get();
  log(`MCP server on stdio (${skills.ids().length} skills, ${playbooks.length} playbooks)`);
  const ended = await Promise.race([server.closed.then(() => 'client closed the connection'), signal.promise]);
  signal.dispose();
  log(`${ended}: shutting down`);
  await server.close();
  return 0;
};

export default serveCommand;
