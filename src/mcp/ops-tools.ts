import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { listRunRecordsForHealth } from '../engine/run-records-for-health.js';
import { OPS_TOOLS, type OpsDeps, type OpsTool } from '../ops/index.js';
import type { McpServices } from './mcp-services.js';
import { guarded, toolSuccess } from './tool-result.js';

/**
 * Registers every ops toolkit tool (UTMs, lead scoring, attribution, audits...) as an MCP
 * tool, straight from the registry: its name, schemas, annotations and Markdown report.
 */
export function registerOpsTools(
  server: McpServer,
  deps: McpServices,
  tools: readonly OpsTool[] = OPS_TOOLS,
): void {
  // workflow_health reads the run store when the caller passes no runs.
  const opsDeps: OpsDeps = { now: deps.clock, listRunRecords: () => listRunRecordsForHealth(deps.store()) };
  for (const tool of tools) {
    server.registerTool(
      tool.name,
      {
        title: tool.title,
        description: tool.description,
        inputSchema: tool.inputSchema,
        outputSchema: tool.outputSchema,
        annotations: { ...tool.annotations },
      },
      guarded(async (input: unknown) => {
        const output = await tool.run(input, opsDeps);
        return toolSuccess(output, tool.toMarkdown(output));
      }),
    );
  }
}
