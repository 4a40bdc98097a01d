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
import { startHttpServer } from '../../dist/mcp/index.js';
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

  const server = await startHttpServer({ port: 0, deps: { paths: { ...(await import('../../dist/config/project-paths.js')).resolveProjectPaths(env, PACKAGE_ROOT) }, env, watch: false } });
  const clients = await Promise.all(
    Array.from({ length: 16 }, async () => {
      const client = new Client({ name: 'bench', version: '1.0.0' });
      await client.connect(new StreamableHTTPClientTransport(new URL(server.url)));
      return client;
    }),
  );
  let calls = 0;
  const deadline = performance.now() + 3000;
  const start = performance.now();
  await Promise.all(
    clients.map(async (client, c) => {
      for (let i = c; performance.now() < deadline; i++) {
        await client.callTool({ name: 'route_request', arguments: { request: REQUESTS[i % REQUESTS.length] } });
        calls++;
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  await Promise.all(clients.map((c) => c.close()));
  await server.close();
  const c = summarize(cold);
  return [
    ['MCP cold start to a tools/list answer over stdio (median / p90 of 5)', `${fmt(c.p50)} / ${fmt(c.p90)}`, '< 500 ms'],
    ['route_request over HTTP, 16 concurrent clients', `${Math.round(calls / seconds).toLocaleString('en-US')} calls/s`, 'reported'],
  ];
}
