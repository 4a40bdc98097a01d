import Database from 'better-sqlite3';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqliteRunStore } from '../../../src/engine/store/index.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../src/engine/store/sqlite-schema.js';

describe('run store migrations', () => {
  it('moves the snapshots of a version-1 store into their own table, keeping every run', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'mops-migrate-')), 'runs.db');
    const db = new Database(file);
    db.exec('CREATE TABLE schema_version (version INTEGER NOT NULL)');
    db.exec(MIGRATIONS[1]!);
    db.prepare('INSERT INTO schema_version (version) VALUES (1)').run();
    db.prepare(
      `INSERT INTO runs (id, playbook_id, playbook_name, playbook_snapshot, context_name, context_snapshot, inputs, executor, status, created_at)
       VALUES ('r1', 'product-launch', 'Launch', '{"id":"product-launch","steps":[]}', 'acme', '{"name":"acme"}', '{}', 'handoff', 'done', '2026-01-01T00:00:00.000Z')`,
    ).run();
    db.close();

    const store = new SqliteRunStore({ file });
    const run = await store.getRun('r1');
    expect(run).toMatchObject({ id: 'r1', status: 'done', contextName: 'acme' });
    expect(run?.playbookSnapshot).toEqual({ id: 'product-launch', steps: [] });
    expect(run?.contextSnapshot).toEqual({ name: 'acme' });
    expect((await store.listRuns()).map((r) => r.id)).toEqual(['r1']);
    store.close();

    const check = new Database(file);
    expect(check.prepare('SELECT MAX(version) AS v FROM schema_version').get()).toEqual({ v: SCHEMA_VERSION });
    const columns = (check.prepare('PRAGMA table_info(runs)').all() as Array<{ name: string }>).map((c) => c.name);
    expect(columns).not.toContain('playbook_snapshot');
    check.close();
  });
});
