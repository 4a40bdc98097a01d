import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { resolveProjectPaths } from '../config/project-paths.js';
import { createMopsServer, type MopsServer } from './create-server.js';
import { checkRequest } from './http-guards.js';
import { stderrLog, type McpDeps } from './mcp-deps.js';
import { createMcpServices } from './mcp-services.js';

export interface HttpServerOptions {
  /** 0 picks a free port. @default 3333 */
  port?: number;
  /** Bind address. @default '127.0.0.1' */
  host?: string;
  /** Bearer token every request must carry. @default none (local use) */
  token?: string;
  /** What the server is built from. @default the project in the working directory, process.env */
  deps?: McpDeps;
  /** Host names accepted besides localhost, 127.0.0.1 and [::1] (e.g. when binding 0.0.0.0). */
  allowedHosts?: readonly string[];
  /** Largest request body in bytes. @default 1048576 (1 MiB) */
  maxBodyBytes?: number;
  /** The MCP endpoint path. @default '/mcp' */
  path?: string;
}

export interface RunningHttpServer {
  /** The endpoint clients connect to, e.g. `http://127.0.0.1:3333/mcp`. */
  readonly url: string;
  readonly port: number;
  /** How many MCP sessions are open. */
  sessionCount(): number;
  /** Stops accepting, closes every session and the shared services. */
  close(): Promise<void>;
}

const DEFAULT_MAX_BODY = 1024 * 1024;
const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '']);

function sendError(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32000, message }, id: null }));
}

/**
 * Serves MCP over Streamable HTTP with sessions: one `McpServer` per session over shared
 * services (catalog, run store, step queue). Guards every request (Host/Origin against
 * DNS rebinding, optional bearer token, body size) before the SDK transport sees it.
 */
export async function startHttpServer(options: HttpServerOptions = {}): Promise<RunningHttpServer> {
  const host = options.host ?? '127.0.0.1';
  const path = options.path ?? '/mcp';
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const deps = options.deps ?? { paths: resolveProjectPaths(), env: process.env };
  const log = deps.log ?? stderrLog;
  const services = createMcpServices(deps);
  await services.catalog.get();
  const urlHost = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  // A server bound to a named interface also answers to that name.
  const allowedHosts = [...(options.allowedHosts ?? []), ...(WILDCARD_HOSTS.has(host) ? [] : [urlHost])];
  const sessions = new Map<string, { transport: StreamableHTTPServerTransport; mops: MopsServer }>();

  const openSession = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const mops = await createMopsServer(deps, { services });
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: randomUUID,
      maxRequestBodySize: maxBodyBytes,
      onsessioninitialized: (id) => {
        sessions.set(id, { transport, mops });
      },
    });
    transport.onclose = () => {
      if (transport.sessionId) sessions.delete(transport.sessionId);
      void mops.close();
    };
    await mops.server.connect(transport);
    await transport.handleRequest(req, res);
    // Anything but an initialize request leaves no session: drop the server made for it.
    if (!transport.sessionId || !sessions.has(transport.sessionId)) await mops.close();
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const verdict = checkRequest(req.headers, { allowedHosts, token: options.token, maxBodyBytes });
    if (!verdict.ok) return sendError(res, verdict.status, verdict.message, verdict.headers);
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== path) return sendError(res, 404, `Not found: the MCP endpoint is ${path}.`);

    const sessionId = req.headers['mcp-session-id'];
    if (typeof sessionId === 'string') {
      const session = sessions.get(sessionId);
      if (!session) return sendError(res, 404, `Unknown or closed session "${sessionId}"; initialize a new one.`);
      return session.transport.handleRequest(req, res);
    }
    if (req.method !== 'POST') return sendError(res, 400, 'Missing Mcp-Session-Id header; start with an initialize request (POST).');
    return openSession(req, res);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log(`HTTP request failed: ${error instanceof Error ? error.message : String(error)}`);
      sendError(res, 500, 'Internal server error.');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 3333, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  let closing: Promise<void> | undefined;
  return {
    url: `http://${WILDCARD_HOSTS.has(host) ? '127.0.0.1' : urlHost}:${port}${path}`,
    port,
    sessionCount: () => sessions.size,
    close() {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        const open = [...sessions.values()];
        sessions.clear();
        await Promise.allSettled(open.map(({ mops }) => mops.close()));
        // Idle keep-alive sockets would otherwise hold `close` open.
        server.closeAllConnections();
        await stopped;
        await services.close();
      })();
      return closing;
    },
  };
}
