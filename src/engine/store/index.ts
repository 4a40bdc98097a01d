export type {
  AttemptWrite,
  EventWrite,
  LeaseRequest,
  LeaseResult,
  ListRunsQuery,
  NewRun,
  NewToolCall,
  RunPatch,
  RunStore,
  RunWrite,
  StepPatch,
} from './run-store.js';
export { MemoryRunStore } from './memory-run-store.js';
export { SqliteRunStore, type SqliteRunStoreOptions } from './sqlite-run-store.js';
export { SCHEMA_VERSION } from './sqlite-schema.js';
export { openRunStore } from './open-run-store.js';
