import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { ClientCapabilities } from '@modelcontextprotocol/sdk/types.js';
import { PACKAGE_ROOT, type ProjectPaths } from '../../../src/config/project-paths.js';
import { createMcpServices, createMopsServer, type McpDeps, type McpServices, type MopsServer } from '../../../src/mcp/index.js';

/** A project in a temp folder: the shipped skills, playbooks and example context, and an empty MOPS_HOME. */
export interface TempProject {
  root: string;
  paths: ProjectPaths;
  env: NodeJS.ProcessEnv;
  /** Services shared by every plain `connect` to this project (loading the router once). */
  services(): McpServices;
  /** Closes the shared services and deletes the folder. */
  remove(): Promise<void>;
}

export interface TempProjectOptions {
  /** Contexts copied from context/ (default: the Northwind example). */
  contexts?: string[];
  /** Copy skills/ so a test may edit it (default: use the shipped folder). */
  copySkills?: boolean;
  /** Copy playbooks/ so a test may edit it (default: use the shipped folder). */
  copyPlaybooks?: boolean;
  /** Playbooks from test/fixtures/mcp/playbooks added to a copy of playbooks/. */
  playbookFixtures?: string[];
}

export const FIXTURES = join(PACKAGE_ROOT, 'test', 'fixtures', 'mcp');

export function makeTempProject(options: TempProjectOptions = {}): TempProject {
  const root = mkdtempSync(join(tmpdir(), 'mops-mcp-'));
  const contextDir = join(root, 'context');
  for (const name of options.contexts ?? ['northwind-analytics']) {
    cpSync(join(PACKAGE_ROOT, 'context', `${name}.md`), join(contextDir, `${name}.md`));
  }
  const skillsDir = options.copySkills ? join(root, 'skills') : join(PACKAGE_ROOT, 'skills');
  if (options.copySkills) cpSync(join(PACKAGE_ROOT, 'skills'), skillsDir, { recursive: true });
  const copyPlaybooks = options.copyPlaybooks || options.playbookFixtures !== undefined;
  const playbooksDir = copyPlaybooks ? join(root, 'playbooks') : join(PACKAGE_ROOT, 'playbooks');
  if (copyPlaybooks) cpSync(join(PACKAGE_ROOT, 'playbooks'), playbooksDir, { recursive: true });
  for (const file of options.playbookFixtures ?? []) cpSync(join(FIXTURES, 'playbooks', file), join(playbooksDir, file));
  const paths: ProjectPaths = { skillsDir, playbooksDir, contextDir, home: join(root, '.mops') };
  const env: NodeJS.ProcessEnv = {
    MOPS_SKILLS_DIR: skillsDir,
    MOPS_PLAYBOOKS_DIR: playbooksDir,
    MOPS_CONTEXT_DIR: contextDir,
    MOPS_HOME: paths.home,
  };
  let services: McpServices | undefined;
  const deps: McpDeps = { paths, env, cwd: root, log: () => {} };
  return {
    root,
    paths,
    env,
    services: () => (services ??= createMcpServices(deps)),
    async remove() {
      await services?.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

export interface Connected {
  client: Client;
  mops: MopsServer;
  close(): Promise<void>;
}

/** A real SDK client connected in memory to a server over the temp project. */
export async function connect(
  project: TempProject,
  options: { capabilities?: ClientCapabilities; deps?: Partial<McpDeps>; setup?: (client: Client) => void } = {},
): Promise<Connected> {
  const deps: McpDeps = { paths: project.paths, env: project.env, cwd: project.root, log: () => {}, ...options.deps };
  const mops = await createMopsServer(deps, options.deps ? {} : { services: project.services() });
  const client = new Client({ name: 'test-client', version: '1.0.0' }, { capabilities: options.capabilities ?? {} });
  options.setup?.(client);
  const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
  await mops.server.connect(serverTransport);
  await client.connect(clientTransport);
  return {
    client,
    mops,
    async close() {
      await client.close();
      await mops.close();
    },
  };
}

/** The first text block of a tool result. */
export function textOf(result: unknown): string {
  const blocks = ((result as { content?: unknown }).content ?? []) as Array<{ type: string; text?: string }>;
  return blocks.find((block) => block.type === 'text')?.text ?? '';
}
