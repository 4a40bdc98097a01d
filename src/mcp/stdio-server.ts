import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { createMopsServer, type MopsServer } from './create-server.js';
import type { McpDeps } from './mcp-deps.js';

export interface StdioServerOptions {
  deps: McpDeps;
  /** @default process.stdin */
  stdin?: NodeJS.ReadableStream;
  /** Carries nothing but protocol messages. @default process.stdout */
  stdout?: NodeJS.WritableStream;
}

export interface RunningStdioServer {
  readonly mops: MopsServer;
  /** Resolves when the client goes away (stdin ends) or `close` is called. */
  readonly closed: Promise<void>;
  close(): Promise<void>;
}

/** Serves MCP over stdin/stdout until the client closes stdin. */
export async function startStdioServer(options: StdioServerOptions): Promise<RunningStdioServer> {
  const stdin = options.stdin ?? process.stdin;
  const stdout = options.stdout ?? process.stdout;
  const mops = await createMopsServer(options.deps);
  const transport = new StdioServerTransport(stdin as typeof process.stdin, stdout as typeof process.stdout);

  let resolveClosed!: () => void;
  const closed = new Promise<void>((resolve) => (resolveClosed = resolve));
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= mops.close().finally(resolveClosed);
    return closing;
  };
  // The client hanging up ends stdin; that is the normal way a stdio session ends.
  const onEnd = (): void => void close();
  stdin.once('end', onEnd);
  stdin.once('close', onEnd);
  await mops.server.connect(transport);
  return { mops, closed, close };
}
