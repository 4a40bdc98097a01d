import type { Database } from 'better-sqlite3';
import { MopsError } from '../../errors/index.js';

/** The schema version this code reads and writes. Bump it with a new migration below. */
export const SCHEMA_VERSION = 2;

export const MIGRATIONS: Readonly<Record<number, string>> = {
  1: `
    CREATE TABLE runs (
      id TEXT PRIMARY KEY,
      playbook_id TEXT NOT NULL,
      playbook_name TEXT NOT NULL,
      playbook_snapshot TEXT NOT NULL,
      context_name TEXT,
      context_snapshot TEXT,
      inputs TEXT NOT NULL,
      executor TEXT NOT NULL,
      status TEXT NOT NULL,
      created_at TEXT NOT NULL,
      started_at TEXT,
      finished_at TEXT,
      error TEXT,
      report TEXT,
      lease_owner TEXT,
      lease_pid INTEGER,
      lease_host TEXT,
      lease_heartbeat_at TEXT
    );
    CREATE INDEX runs_by_created ON runs (created_at DESC, id DESC);
    CREATE TABLE steps (
      run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
      step_id TEXT NOT NULL,
      position INTEGER NOT NULL,
      name TEXT NOT NULL,
      kind TEXT NOT NULL,
      skill TEXT,
      needs TEXT NOT NULL,
      status TEXT NOT NULL,
      inputs TEXT,
      output TEXT,
      instructions TEXT,
      started_at TEXT,
      finished_at TEXT,
      attempts INTEGER NOT NULL DEFAULT 0,
      error TEXT,
      usage TEXT,
      PRIMARY KEY (run_id, step_id)
    );
    CREATE TABLE attempts (
      run_id TEXT NOT NULL,
      step_id TEXT NOT NULL,
      number INTEGER NOT NULL,
      status TEXT NOT NULL,
      started_at TEXT NOT NULL,
      finished_at TEXT,
      error TEXT,
      output TEXT,
      usage TEXT,
      PRIMARY KEY (run_id, step_id, number),
      FOREIGN KEY (run_id, step_id) REFERENCES steps (run_id, step_id) ON DELETE CASCADE
    );
    CREATE TABLE tool_calls (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      run_id TEXT NOT NULL,
      step_id TEXT NOT NULL,
      attempt INTEGER NOT NULL,
      name TEXT NOT NULL,
      input TEXT NOT NULL,
      result TEXT NOT NULL,
      started_at TEXT NOT NULL,
      duration_ms REAL NOT NULL,
      FOREIGN KEY (run_id, step_id) REFERENCES steps (run_id, step_id) ON DELETE CASCADE
    );
    CREATE INDEX tool_calls_by_run ON tool_calls (run_id, step_id, id);
    CREATE TABLE events (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
      step_id TEXT,
      type TEXT NOT NULL,
      at TEXT NOT NULL,
      data TEXT NOT NULL
    );
    CREATE INDEX events_by_run ON events (run_id, seq);
  `,
  // The snapshots are a run's largest values and never change while it runs; in their own
  // table, the frequent small updates of a run (status, lease heartbeat) stay small writes.
  2: `
    CREATE TABLE run_snapshots (
      run_id TEXT PRIMARY KEY REFERENCES runs (id) ON DELETE CASCADE,
      playbook_snapshot TEXT NOT NULL,
      context_snapshot TEXT
    );
    INSERT INTO run_snapshots (run_id, playbook_snapshot, context_snapshot)
      SELECT id, playbook_snapshot, context_snapshot FROM runs;
    ALTER TABLE runs DROP COLUMN playbook_snapshot;
    ALTER TABLE runs DROP COLUMN context_snapshot;
  `,
};

/**
 * Brings the database to SCHEMA_VERSION once. Runs in an IMMEDIATE transaction so two
 * processes opening a fresh file at the same moment do not both create the tables.
 */
export function migrate(db: Database, file: string): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
  const upgrade = db.transaction(() => {
    const row = db.prepare('SELECT MAX(version) AS version FROM schema_version').get() as { version: number | null };
    const current = row.version ?? 0;
    if (current > SCHEMA_VERSION) {
      throw new MopsError(
        'STORE_ERROR',
        `${file} uses run-store schema version ${current}, but this mops understands up to ${SCHEMA_VERSION}. ` +
          'Upgrade mops, or point MOPS_HOME at another folder.',
      );
    }
    for (let version = current + 1; version <= SCHEMA_VERSION; version++) {
      db.exec(MIGRATIONS[version]!);
      db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(version);
    }
  });
  upgrade.immediate();
}
