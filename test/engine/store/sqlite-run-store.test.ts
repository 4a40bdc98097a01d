import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, SqliteRunStore } from '../../../src/engine/store/index.js';
import { describeRunStoreConformance } from './run-store-conformance.js';

const root = mkdtempSync(join(tmpdir(), 'mops-store-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let counter = 0;
const freshFile = () => join(root, `case-${++counter}`, 'runs.db');

describeRunStoreConformance('SqliteRunStore', () => new SqliteRunStore({ file: freshFile() }));

describe('SqliteRunStore on a shared file', () => {
  const run = (id: string) => ({
    run: {
      id,
      playbookId: 'content-sprint',
      playbookName: 'Content sprint',
      playbookSnapshot: { id: 'content-sprint' },
      contextName: null,
      contextSnapshot: null,
      inputs: {},
      executor: 'handoff',
      createdAt: '2026-02-01T00:00:00.000Z',
    },
    steps: [{ stepId: 'plan', name: 'Plan', kind: 'skill' as const, skill: 'content-strategy', needs: [] }],
  });

  it('keeps runs across reopening and uses WAL with a recorded schema version', async () => {
    const file = freshFile();
    const first = new SqliteRunStore({ file });
    await first.createRun(run('persisted'));
    await first.write('persisted', { steps: [{ stepId: 'plan', patch: { status: 'done', output: 'the plan' } }] });
    await first.close();

    const second = new SqliteRunStore({ file });
    expect((await second.listSteps('persisted'))[0]).toMatchObject({ status: 'done', output: 'the plan' });
    await second.close();

    const raw = new BetterSqlite3(file, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(raw.prepare('SELECT MAX(version) FROM schema_version').pluck().get()).toBe(SCHEMA_VERSION);
    raw.close();
  });

  it('lets two open stores (as two processes would) see each other and contend for one lease', async () => {
    const file = freshFile();
    const a = new SqliteRunStore({ file });
    const b = new SqliteRunStore({ file });
    await a.createRun(run('shared'));
    expect((await b.getRun('shared'))?.playbookId).toBe('content-sprint');
    const take = (owner: string) => ({ owner, pid: 1, host: 'h', now: 'now', canTakeOver: () => false });
    expect(await a.acquireLease('shared', take('a'))).toEqual({ acquired: true });
    expect(await b.acquireLease('shared', take('b'))).toMatchObject({ acquired: false, holder: { owner: 'a' } });
    await a.close();
    await b.close();
  });

  it('refuses a database written by a newer schema, saying what to do', async () => {
    const file = freshFile();
    await new SqliteRunStore({ file }).close();
    const raw = new BetterSqlite3(file);
    raw.prepare('INSERT INTO schema_version (version) VALUES (?)').run(SCHEMA_VERSION + 1);
    raw.close();
    expect(() => new SqliteRunStore({ file })).toThrow(/schema version .*Upgrade mops/);
  });

  it('reports a store that cannot be opened as STORE_ERROR', () => {
    expect(() => new SqliteRunStore({ file: join(root, 'missing-dir-as-file') + '/\0/runs.db' })).toThrow(
      expect.objectContaining({ code: 'STORE_ERROR' }),
    );
  });
});
