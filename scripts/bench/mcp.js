// MCP: cold start of `mops serve` to a tools/list answer over stdio, and route_request
// calls per second over Streamable HTTP with 16 concurrent clients.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
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

export async function benchMcp() {
  const home = mkdtempSync(join(tmpdir(), 'mops-bench-mcp-'));
  const env = { ...process.env, MOPS_HOME: home };
  delete env.MOPS_MODEL;

  const cold = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    const client = new Client({ name: 'bench', version: '1.0.0' });
    const transport = new StdioClientTransport({ command: process.execPath, args: [join(PACKAGE_ROOT, 'dist/cli/bin.js'), 'serve'], env, stderr: 'ignore', cwd: PACKAGE_ROOT });
    await client.connect(transport);
    await client.listTools();
    cold.push(performance.now() - start);
    await client.close();
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
    ['MCP cold start to tools/list over stdio (median / p90 of 5)', `${fmt(c.p50)} / ${fmt(c.p90)}`, '< 500 ms'],
    ['route_request over HTTP, 16 concurrent clients', `${Math.round(calls / seconds).toLocaleString('en-US')} calls/s`, 'reported'],
  ];
}
