import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { PACKAGE_ROOT } from '../config/project-paths.js';
import { cacheToolList } from './cache-tool-list.js';
import { registerCampaignTools } from './campaign-tools.js';
import { registerContextTools } from './context-tools.js';
import type { McpDeps } from './mcp-deps.js';
import { createMcpServices, type McpServices } from './mcp-services.js';
import { registerOpsTools } from './ops-tools.js';
import { registerPrompts } from './prompts.js';
import { registerResources } from './resources.js';
import { registerRoutingTools } from './routing-tools.js';
import { createSessionEngine } from './session-engine.js';
import { registerSkillTools } from './skill-tools.js';

export const SERVER_NAME = 'marketing-ops-mcp';

/** Read once: the version clients see in `serverInfo`. */
const SERVER_VERSION = ((): string => {
  try {
    return (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
})();

const INSTRUCTIONS = [
  'Marketing operations hub: routes marketing requests to skills and runs whole campaigns from playbooks.',
  'For a request in plain words call route_request first; it returns the exact next call (run_skill for one deliverable, plan_campaign for a campaign).',
  'Campaigns: plan_campaign, then start_campaign. In handoff mode each response gives a waiting step id and its full instructions: produce that deliverable and send it with submit_step_output until the run is done.',
  'check_context tells whether the marketing context is complete enough; campaigns stop (blocked) when it is not.',
  'Ops tools (build_utm, validate_utms, check_copy_length, ...) compute and check deterministically; prefer them over estimating.',
].join(' ');

export interface MopsServer {
  readonly server: McpServer;
  readonly services: McpServices;
  /** Closes the MCP connection, stops following reloads, and closes the services if this server created them. */
  close(): Promise<void>;
}

export interface CreateMopsServerOptions {
  /** Services shared with other sessions (the HTTP server passes one set to every session). */
  services?: McpServices;
}

/**
 * Builds the MCP server: every tool area, the prompts and the resources, over the
 * project's library functions. Skills and playbooks are loaded here (prompts are one per
 * skill and playbook); the run store and engine wait until a campaign tool needs them.
 */
export async function createMopsServer(deps: McpDeps, options: CreateMopsServerOptions = {}): Promise<MopsServer> {
  const services = options.services ?? createMcpServices(deps);
  const ownsServices = options.services === undefined;
  const snapshot = await services.catalog.get();
  const server = new McpServer(
    { name: SERVER_NAME, title: 'Marketing Ops', version: SERVER_VERSION },
    {
      // Declared up front so lists can change after connect (new skills, playbooks).
      capabilities: {
        tools: { listChanged: true },
        prompts: { listChanged: true },
        resources: { listChanged: true },
        completions: {},
        logging: {},
      },
      instructions: INSTRUCTIONS,
      // A reload re-registers many prompts at once; clients get one notification per list.
      debouncedNotificationMethods: [
        'notifications/tools/list_changed',
        'notifications/prompts/list_changed',
        'notifications/resources/list_changed',
      ],
    },
  );
  const session = createSessionEngine(server, services);

  registerRoutingTools(server, services);
  registerSkillTools(server, services, session);
  registerContextTools(server, services);
  registerCampaignTools(server, services, session);
  registerOpsTools(server, services);
  cacheToolList(server, deps.env);
  const unsubscribes = [registerPrompts(server, services, snapshot), registerResources(server, services)];

  let closed = false;
  return {
    server,
    services,
    async close() {
      if (closed) return;
      closed = true;
      for (const unsubscribe of unsubscribes) unsubscribe();
      session.close();
      await server.close();
      if (ownsServices) await services.close();
    },
  };
}
