export { createMopsServer, SERVER_NAME, type MopsServer, type CreateMopsServerOptions } from './create-server.js';
export { stderrLog, type McpDeps } from './mcp-deps.js';
export { createMcpServices, type McpServices } from './mcp-services.js';
export { ProjectCatalog, type CatalogSnapshot, type ProjectCatalogOptions } from './project-catalog.js';
export { startStdioServer, type StdioServerOptions, type RunningStdioServer } from './stdio-server.js';
export { startHttpServer, type HttpServerOptions, type RunningHttpServer } from './http-server.js';
export { checkRequest, LOOPBACK_HOSTS, type GuardOptions, type GuardVerdict } from './http-guards.js';
export { CampaignStateSchema, toCampaignState, type CampaignState } from './campaign-state.js';
export { EXECUTOR_CHOICES, type ExecutorChoice } from './session-engine.js';
