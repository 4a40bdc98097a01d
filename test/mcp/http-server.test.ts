import { request as httpRequest } from 'node:http';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { CallToolResultSchema, CreateMessageRequestSchema, LATEST_PROTOCOL_VERSION } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer, type RunningHttpServer } from '../../src/mcp/index.js';
import { deliverableFor } from './support/deliverable.js';
import { makeTempProject, textOf, type TempProject } from './support/mcp-fixture.js';

const TOKEN = 'test-token-0123456789';
let project: TempProject;
let server: RunningHttpServer;

const INITIALIZE = {
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: LATEST_PROTOCOL_VERSION, capabilities: {}, clientInfo: { name: 'curl', version: '1' } },
};

function post(body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(server.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      authorization: `Bearer ${TOKEN}`,
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** A POST through node:http, which sends any Host header it is given. */
function rawPost(body: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(server.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}`, ...headers } }, (response) => {
      let text = '';
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
    });
    request.on('error', reject);
    request.end(body);
  });
}

async function httpClient(options: { token?: string; sampling?: boolean } = {}): Promise<Client> {
  const client = new Client({ name: 'http-test', version: '1.0.0' }, { capabilities: options.sampling ? { sampling: {} } : {} });
  if (options.sampling) {
    client.setRequestHandler(CreateMessageRequestSchema, async (request) => {
      const skill = /\(([a-z0-9-]+)\) for step/.exec(request.params.systemPrompt ?? '')?.[1] ?? 'copywriting';
      return { role: 'assistant', model: 'm', content: { type: 'text', text: await deliverableFor(skill) } };
    });
  }
  const transport = new StreamableHTTPClientTransport(new URL(server.url), {
    requestInit: { headers: { authorization: `Bearer ${options.token ?? TOKEN}` } },
  });
  await client.connect(transport);
  return client;
}

beforeAll(async () => {
  project = makeTempProject({ playbookFixtures: ['mini-launch.yaml'] });
  server = await startHttpServer({
    port: 0,
    token: TOKEN,
    deps: { paths: project.paths, env: project.env, cwd: project.root, log: () => {} },
  });
});
afterAll(async () => {
  await server.close();
  await project.remove();
});

describe('Streamable HTTP on 127.0.0.1', () => {
  it('serves sessions to SDK clients over a random port', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
    const client = await httpClient();
    const route = await client.callTool({ name: 'route_request', arguments: { request: 'write three LinkedIn posts about our launch' } });
    expect((route.structuredContent as any).match).toEqual({ type: 'skill', id: 'social-content' });
    const second = await httpClient();
    expect(server.sessionCount()).toBe(2);
    // Ending a session (HTTP DELETE) frees it on the server.
    await (second.transport as StreamableHTTPClientTransport).terminateSession();
    expect(server.sessionCount()).toBe(1);
    await second.close();
    await client.close();
  });

  it('drives a whole handoff campaign and a sampling campaign over HTTP', async () => {
    const client = await httpClient();
    const started = await client.callTool({ name: 'start_campaign', arguments: { playbook: 'mini-launch', inputs: { product_name: 'Ledgerly' } } });
    const runId = (started.structuredContent as any).run.id;
    const copy = await client.callTool({ name: 'submit_step_output', arguments: { run_id: runId, step_id: 'copy', output: await deliverableFor('copywriting') } });
    expect((copy.structuredContent as any).waiting[0].step_id).toBe('sign-off');
    const done = await client.callTool({ name: 'approve_step', arguments: { run_id: runId, step_id: 'sign-off', approver: 'marketing-director' } });
    expect((done.structuredContent as any).run.status).toBe('done');
    await client.close();

    // The client's model answers createMessage on the tool call's own stream.
    const sampling = await httpClient({ sampling: true });
    const result = await sampling.callTool({ name: 'run_skill', arguments: { skill: 'cold-email', request: 'sequence for finance leaders' } });
    expect(result.isError, textOf(result)).toBeFalsy();
    expect((result.structuredContent as any)).toMatchObject({ mode: 'sampling', contract_problems: [] });

    // A whole campaign on the client's model, with progress on the same stream.
    const progress: number[] = [];
    const campaign = await sampling.callTool(
      {
        name: 'start_campaign',
        arguments: { playbook: 'brand-awareness', inputs: { point_of_view: 'close in a day', period: 'Q1 2027' }, context: 'northwind-analytics' },
      },
      CallToolResultSchema,
      { onprogress: (p) => progress.push(p.progress) },
    );
    const state = campaign.structuredContent as any;
    expect(state.run).toMatchObject({ status: 'done', executor: 'sampling' });
    expect(progress.at(-1)).toBe(state.steps.length * 2);
    await sampling.close();
  });

  it('answers 401 without the bearer token or with a wrong one', async () => {
    const missing = await post(INITIALIZE, { authorization: '' });
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(((await missing.json()) as any).error.message).toMatch(/Missing bearer token/);
    const wrong = await post(INITIALIZE, { authorization: 'Bearer nope' });
    expect(wrong.status).toBe(401);
    await expect(httpClient({ token: 'nope' })).rejects.toThrow();
  });

  it('answers 403 to a foreign Origin or Host (DNS rebinding)', async () => {
    const origin = await post(INITIALIZE, { origin: 'https://evil.example' });
    expect(origin.status).toBe(403);
    expect(((await origin.json()) as any).error.message).toMatch(/Origin "https:\/\/evil.example" is not allowed/);
    const port = new URL(server.url).port;
    // fetch will not send a forged Host header; node:http will, like a rebinding attacker's browser.
    const host = await rawPost(JSON.stringify(INITIALIZE), { host: `evil.example:${port}` });
    expect(host.status).toBe(403);
    expect(JSON.parse(host.body).error.message).toMatch(/Host "evil.example:\d+" is not allowed/);
    const local = await post(INITIALIZE, { origin: `http://localhost:${port}` });
    expect(local.status).toBe(200);
  });

  it('answers 413 to a body over 1 MB, declared or streamed', async () => {
    const big = JSON.stringify({ ...INITIALIZE, params: { ...INITIALIZE.params, padding: 'x'.repeat(1024 * 1024) } });
    const declared = await post(big);
    expect(declared.status).toBe(413);
    const streamed = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', authorization: `Bearer ${TOKEN}` },
      body: new Blob([big]).stream(),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
  });

  it('answers 404 to unknown paths and sessions, and 400 to a request without a session', async () => {
    const path = await fetch(server.url.replace('/mcp', '/other'), { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(path.status).toBe(404);
    const session = await post({ jsonrpc: '2.0', id: 2, method: 'tools/list' }, { 'mcp-session-id': 'no-such-session' });
    expect(session.status).toBe(404);
    const noSession = await post({ jsonrpc: '2.0', id: 2, method: 'tools/list' });
    expect(noSession.status).toBe(400);
    const malformed = await post('{not json');
    expect(malformed.status).toBe(400);
  });
});
