import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport, getDefaultEnvironment } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/config/project-paths.js';
import { deliverableFor } from './support/deliverable.js';
import { makeTempProject, textOf, type TempProject } from './support/mcp-fixture.js';

/** `npm test` builds dist/ first; in a dev loop run `npm run build`. */
const BIN = join(PACKAGE_ROOT, 'dist', 'cli', 'bin.js');

let project: TempProject;

beforeAll(() => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run \`npm run build\` before the end-to-end MCP tests.`);
  project = makeTempProject({ playbookFixtures: ['mini-launch.yaml'] });
});
afterAll(() => project.remove());

describe('mops serve over stdio (child process)', () => {
  it('speaks MCP on stdout, logs on stderr, and runs a campaign to the end', async () => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [BIN, 'serve'],
      env: { ...getDefaultEnvironment(), ...(project.env as Record<string, string>) },
      cwd: project.root,
      stderr: 'pipe',
    });
    let stderr = '';
    transport.stderr?.on('data', (chunk) => (stderr += chunk));
    const protocolErrors: Error[] = [];
    const client = new Client({ name: 'stdio-e2e', version: '1.0.0' });
    client.onerror = (error) => protocolErrors.push(error);
    await client.connect(transport);
    try {
      expect(client.getServerVersion()?.name).toBe('marketing-ops-mcp');
      const route = await client.callTool({ name: 'route_request', arguments: { request: 'write a cold email sequence to CFOs' } });
      expect((route.structuredContent as any).match).toEqual({ type: 'skill', id: 'cold-email' });

      const started = (await client.callTool({ name: 'start_campaign', arguments: { playbook: 'mini-launch', inputs: { product_name: 'Ledgerly' } } })).structuredContent as any;
      expect(started.waiting[0].step_id).toBe('copy');
      await client.callTool({ name: 'submit_step_output', arguments: { run_id: started.run.id, step_id: 'copy', output: await deliverableFor('copywriting') } });
      const done = await client.callTool({ name: 'approve_step', arguments: { run_id: started.run.id, step_id: 'sign-off', approver: 'marketing-director' } });
      expect((done.structuredContent as any).run.status).toBe('done');

      const bad = await client.callTool({ name: 'get_run', arguments: { run_id: 'nope' } });
      expect(bad.isError).toBe(true);
      expect(textOf(bad)).toMatch(/NOT_FOUND/);
      expect(protocolErrors).toEqual([]);
      expect(stderr).toMatch(/mops serve: MCP server on stdio \(18 skills, 6 playbooks\)/);
    } finally {
      await client.close();
    }
  });
});

/** Starts `mops serve --http --port 0` and resolves with the URL it logs. */
function serveHttp(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string; stderr: () => string }> {
  const child = spawn(process.execPath, [BIN, 'serve', '--http', '--port', '0'], { cwd: project.root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  return new Promise((resolve, reject) => {
    child.stderr!.on('data', (chunk) => {
      stderr += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(stderr);
      if (match?.[1]) resolve({ child, url: match[1], stderr: () => stderr });
    });
    child.once('exit', (code) => reject(new Error(`mops serve exited with ${code}: ${stderr}`)));
  });
}

describe('mops serve --http (child process)', () => {
  it('requires the token from MOPS_HTTP_TOKEN and shuts down cleanly on SIGTERM', async () => {
    const { child, url, stderr } = await serveHttp({ ...process.env, ...project.env, MOPS_HTTP_TOKEN: 'e2e-secret' });
    try {
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
      expect(stderr()).toContain('(bearer token required)');
      const refused = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(refused.status).toBe(401);

      const client = new Client({ name: 'http-e2e', version: '1.0.0' });
      await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { authorization: 'Bearer e2e-secret' } } }));
      const skills = await client.callTool({ name: 'list_skills', arguments: { category: 'seo' } });
      expect((skills.structuredContent as any).skills).toHaveLength(2);

      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(stderr()).toMatch(/SIGTERM: closing 1 session\(s\)/);
      await client.close().catch(() => {});
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
