import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ResourceTemplate, type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { McpError, type ReadResourceResult } from '@modelcontextprotocol/sdk/types.js';
import { stringify } from 'yaml';
import { listContexts, loadContext } from '../context/index.js';
import { isMopsError } from '../errors/index.js';
import { summary } from '../routing/explain-route.js';
import { completeFrom } from './complete-from.js';
import type { McpServices } from './mcp-services.js';

/** JSON-RPC code the MCP spec gives "resource not found". */
const RESOURCE_NOT_FOUND = -32002;
const RUNS_LISTED = 50;

const one = (variable: string | string[] | undefined): string => (Array.isArray(variable) ? (variable[0] ?? '') : (variable ?? ''));

async function readOrNotFound(uri: URL, read: () => Promise<ReadResourceResult>): Promise<ReadResourceResult> {
  try {
    return await read();
  } catch (error) {
    if (isMopsError(error) && error.code === 'NOT_FOUND') throw new McpError(RESOURCE_NOT_FOUND, error.message, { uri: uri.href });
    throw error;
  }
}

const notFound = (what: string, id: string, known: readonly string[]): McpError =>
  new McpError(RESOURCE_NOT_FOUND, `unknown ${what} "${id}"; known: ${known.length ? known.join(', ') : '(none)'}`);

/**
 * The skill, playbook, context and run resources, each a template whose `list` names
 * every instance and whose `complete` offers ids as the user types. Lists are read from
 * the catalog on every request, so they follow reloads; a reload sends list_changed.
 */
export function registerResources(server: McpServer, deps: McpServices): () => void {
  server.registerResource(
    'skill',
    new ResourceTemplate('skill://{id}/SKILL.md', {
      list: async () => ({
        resources: (await deps.catalog.get()).skills.list().map((skill) => ({
          uri: `skill://${skill.id}/SKILL.md`,
          name: skill.id,
          title: skill.name,
          description: summary(skill.description),
          mimeType: 'text/markdown',
        })),
      }),
      complete: { id: completeFrom(async () => (await deps.catalog.get()).skills.ids()) },
    }),
    { title: 'Skill instructions (SKILL.md)', description: 'The full SKILL.md of a skill: front matter and instructions', mimeType: 'text/markdown' },
    async (uri, variables) => {
      const id = one(variables.id);
      const { skills } = await deps.catalog.get();
      const skill = skills.get(id);
      if (!skill) throw notFound('skill', id, skills.ids());
      return { contents: [{ uri: uri.href, mimeType: 'text/markdown', text: await readFile(skill.file, 'utf8') }] };
    },
  );

  server.registerResource(
    'playbook',
    new ResourceTemplate('playbook://{id}', {
      list: async () => ({
        resources: (await deps.catalog.get()).playbooks.map((playbook) => ({
          uri: `playbook://${playbook.id}`,
          name: playbook.id,
          title: playbook.name,
          description: summary(playbook.description),
          mimeType: 'application/yaml',
        })),
      }),
      complete: { id: completeFrom(async () => (await deps.catalog.get()).playbooks.map((p) => p.id)) },
    }),
    { title: 'Campaign playbook', description: 'A campaign playbook as YAML: inputs, steps, owners, gates', mimeType: 'application/yaml' },
    async (uri, variables) => {
      const id = one(variables.id);
      const { playbooks } = await deps.catalog.get();
      const playbook = playbooks.find((candidate) => candidate.id === id);
      if (!playbook) throw notFound('playbook', id, playbooks.map((p) => p.id));
      return { contents: [{ uri: uri.href, mimeType: 'application/yaml', text: await playbookText(deps.paths.playbooksDir, id, playbook) }] };
    },
  );

  server.registerResource(
    'context',
    new ResourceTemplate('context://{name}', {
      list: async () => ({
        resources: (await listContexts(deps.paths.contextDir)).map((name) => ({
          uri: `context://${name}`,
          name,
          title: `Marketing context: ${name}`,
          mimeType: 'text/markdown',
        })),
      }),
      complete: { name: completeFrom(() => listContexts(deps.paths.contextDir)) },
    }),
    { title: 'Marketing context', description: 'A marketing context document (product, audience, personas, voice...)', mimeType: 'text/markdown' },
    async (uri, variables) =>
      readOrNotFound(uri, async () => {
        const name = one(variables.name);
        if (name.includes('/') || name.includes('\\') || name.startsWith('.')) {
          throw notFound('context', name, await listContexts(deps.paths.contextDir));
        }
        const context = await loadContext(name, { contextDir: deps.paths.contextDir, env: deps.env, cwd: deps.cwd });
        return { contents: [{ uri: uri.href, mimeType: 'text/markdown', text: await readFile(context.file, 'utf8') }] };
      }),
  );

  server.registerResource(
    'run',
    new ResourceTemplate('run://{id}', {
      list: async () => ({
        resources: (await deps.store().listRuns({ limit: RUNS_LISTED })).map((run) => ({
          uri: `run://${run.id}`,
          name: run.id,
          title: `${run.playbookName}: ${run.status}`,
          description: `Run of ${run.playbookId}, created ${run.createdAt}, ${run.status}`,
          mimeType: 'application/json',
        })),
      }),
      complete: { id: completeFrom(async () => (await deps.store().listRuns({ limit: RUNS_LISTED })).map((run) => run.id)) },
    }),
    { title: 'Campaign run', description: 'A campaign run with its steps, outputs and status, as JSON', mimeType: 'application/json' },
    async (uri, variables) => {
      const id = one(variables.id);
      const store = deps.store();
      const run = await store.getRun(id);
      if (!run) throw notFound('run', id, (await store.listRuns({ limit: 10 })).map((r) => r.id));
      const view = { run, steps: await store.listSteps(id) };
      return { contents: [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify(view, null, 2) }] };
    },
  );

  // The resource lists come from the catalog on each request; a reload only has to say so.
  return deps.catalog.subscribe(() => server.sendResourceListChanged());
}

async function playbookText(playbooksDir: string, id: string, playbook: object): Promise<string> {
  for (const extension of ['.yaml', '.yml']) {
    try {
      return await readFile(join(playbooksDir, `${id}${extension}`), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  // Injected playbooks (tests, embedding) have no file: show the loaded definition.
  return stringify(playbook);
}
