import { join } from 'node:path';
import { SqliteRunStore } from './sqlite-run-store.js';

/** Opens the run store every CLI command and the MCP server share: `${home}/runs.db`. */
export function openRunStore(home: string): SqliteRunStore {
  return new SqliteRunStore({ file: join(home, 'runs.db') });
}
