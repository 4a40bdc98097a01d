// MCP: cold start of `mops serve` to a tools/list answer over stdio, and route_request
// calls per second over Streamable HTTP with 16 concurrent clients.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { PACKAGE_ROOT } from '../../dist/config/project-paths.js';
import { fmt, summarize } from './measure.js';

const REQUESTS = [
  'write a LinkedIn post about our launch',
  'ad headlines for our spring sale',
  'our homepage copy is bland, make it punchier',
  'run a product launch for v2, the whole campaign',
  'book me a flight to Lisbon',
];

function coldStartToToolsList(env) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, [join(PACKAGE_ROOT, 'dist/cli/bin.js'), 'serve'], { env, cwd: PACKAGE_ROOT, stdio: ['pipe', 'pipe', 'ignore'] });
    let buffer = '';
    child.stdout.on('data', (chunk) => {
      buffer += chunk;
      for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
        const message = JSON.parse(buffer.slice(0, nl));
        buffer = buffer.slice(nl + 1);
        if (message.id === 1) {
          child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' })}\n`);
          child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list' })}\n`);
        } else if (message.id === 2) {
          const ms = performance.now() - start;
          child.kill();
          if (!message.result?.tools?.length) reject(new Error('tools/list returned no tools'));
          else resolve(ms);
        }
      }
    });
    child.on('error', reject);
    const init = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'bench', version: '1.0.0' } } };
    child.stdin.write(`${JSON.stringify(init)}\n`);
  });
}

/** Starts `mops serve --http --port 0` and resolves with its URL once it listens. */
function startServeHttp(env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(PACKAGE_ROOT, 'dist/cli/bin.js'), 'serve', '--http', '--port', '0'], { env, cwd: PACKAGE_ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    child.stderr.on('data', (chunk) => {
      log += chunk;
      const url = /listening on (\S+)/.exec(log)?.[1];
      if (url) {
        child.stderr.removeAllListeners('data');
        resolve({ url, close: () => new Promise((done) => { child.once('exit', done); child.kill('SIGTERM'); }) });
      }
    });
    child.once('exit', (code) => reject(new Error(`mops serve --http exited (${code}): ${log}`)));
    child.once('error', reject);
  });
}

export async function benchMcp() {
  const home = mkdtempSync(join(tmpdir(), 'mops-bench-mcp-'));
  const env = { ...process.env, MOPS_HOME: home };
  delete env.MOPS_MODEL;

  // Raw JSON-RPC lines, so the number is the server's: the SDK client would add its own
  // work (it compiles a validator for every tool's output schema on tools/list).
  const cold = [];
  for (let i = 0; i < 6; i++) {
    const ms = await coldStartToToolsList(env);
    if (i > 0) cold.push(ms); // the first start may also build the project cache
  }

  // The HTTP server runs as `mops serve --http` in its own process, as it is deployed; the
  // 16 clients share this one, so client and server each have a core of their own.
  const server = await startServeHttp(env);
  const clients = await Promise.all(
    Array.from({ length: 16 }, async () => {
      const client = new Client({ name: 'bench', version: '1.0.0' });
      await client.connect(new StreamableHTTPClientTransport(new URL(server.url)));
      return client;
    }),
  );
  // Warm-up: the first calls restore the router and let V8 optimise the hot paths.
  await Promise.all(clients.map((client) => client.callTool({ name: 'route_request', arguments: { request: REQUESTS[0] } })));
  const latencies = [];
  const deadline = performance.now() + 3000;
  const start = performance.now();
  await Promise.all(
    clients.map(async (client, c) => {
      for (let i = c; performance.now() < deadline; i++) {
        const s = performance.now();
        await client.callTool({ name: 'route_request', arguments: { request: REQUESTS[i % REQUESTS.length] } });
        latencies.push(performance.now() - s);
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  await Promise.all(clients.map((c) => c.close()));
  await server.close();
  const l = summarize(latencies);
  const c = summarize(cold);
  return [
    ['MCP cold start to a tools/list answer over stdio (median / p90 of 5)', `${fmt(c.p50)} / ${fmt(c.p90)}`, '< 500 ms'],
    [
      'route_request over HTTP, 16 concurrent clients (server in its own process)',
      `${Math.round(latencies.length / seconds).toLocaleString('en-US')} calls/s, p50 ${fmt(l.p50)}`,
      'reported',
    ],
  ];
}
