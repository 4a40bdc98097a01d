import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ElicitRequestSchema, type ElicitRequest, type ElicitResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connect, makeTempProject, textOf, type Connected, type TempProject } from './support/mcp-fixture.js';

const ACME = `---
name: acme
company: Acme Payroll
---

# Acme Payroll — marketing context

## Product

Acme Payroll runs payroll for small restaurants: scheduling, tips, tax filings and direct
deposit in one app. It costs 6 USD per employee per month with no setup fee, and it
connects to the common point-of-sale systems so hours and tips flow in without typing. Owners
use it from a phone between shifts.
`;

let project: TempProject;
let plain: Connected;
let acmeFile: string;

beforeAll(async () => {
  project = makeTempProject();
  acmeFile = join(project.paths.contextDir, 'acme.md');
  plain = await connect(project);
});
beforeEach(() => writeFileSync(acmeFile, ACME));
afterAll(async () => {
  await plain.close();
  await project.remove();
});

/** A client whose user answers every elicitation with `answer`. */
async function elicitingClient(answer: (request: ElicitRequest['params']) => ElicitResult, seen: ElicitRequest['params'][] = []) {
  return connect(project, {
    capabilities: { elicitation: { form: {} } },
    setup: (client) =>
      client.setRequestHandler(ElicitRequestSchema, async (request) => {
        seen.push(request.params);
        return answer(request.params);
      }),
  });
}

describe('list_contexts', () => {
  it('lists every context with its readiness', async () => {
    const result = await plain.client.callTool({ name: 'list_contexts', arguments: {} });
    const { contexts } = result.structuredContent as any;
    expect(contexts.map((c: any) => c.name)).toEqual(['acme', 'northwind-analytics']);
    expect(contexts[0]).toMatchObject({ readiness: 'not-ready', uri: 'context://acme' });
    expect(contexts[1].readiness).toBe('ready');
  });

  it('lists a context whose file is broken with the problem, and the others as usual', async () => {
    const broken = join(project.paths.contextDir, 'broken.md');
    writeFileSync(broken, '---\nname: [unclosed\n---\n\n## Product\n');
    try {
      const result = await plain.client.callTool({ name: 'list_contexts', arguments: {} });
      const { contexts } = result.structuredContent as any;
      expect(contexts.find((c: any) => c.name === 'broken').problem).toMatch(/INVALID_FILE: .*broken\.md:\d+:\d+: Front matter is not valid YAML/);
      expect(contexts.find((c: any) => c.name === 'northwind-analytics').readiness).toBe('ready');
    } finally {
      rmSync(broken);
    }
  });
});

describe('check_context', () => {
  it('reports every section with what it lacks, and whether a playbook can start', async () => {
    const result = await plain.client.callTool({ name: 'check_context', arguments: { context: 'acme', playbook: 'content-sprint' } });
    const data = result.structuredContent as any;
    expect(data.report.missing).toContain('personas');
    expect(data.report.sections.find((s: any) => s.id === 'product').status).not.toBe('missing');
    expect(data.playbook_check.ok).toBe(false);
    expect(data.playbook_check.blocking.map((b: any) => b.section)).toContain('audience');
    // This client cannot show forms, so nobody was asked and nothing was written.
    expect(data.elicitation).toEqual({ status: 'unsupported', written: [] });
    expect(readFileSync(acmeFile, 'utf8')).toBe(ACME);
    expect(textOf(result)).toMatch(/Not ready for playbook content-sprint/);

    const ready = await plain.client.callTool({ name: 'check_context', arguments: { context: 'northwind-analytics', playbook: 'content-sprint' } });
    expect((ready.structuredContent as any).playbook_check.ok).toBe(true);
  });

  it('asks the user for the missing sections and writes the answers only when they accept', async () => {
    const seen: ElicitRequest['params'][] = [];
    const session = await elicitingClient(
      () => ({
        action: 'accept',
        content: {
          personas: '### Rosa, owner of two taquerias\nRuns payroll on Sunday nights and hates tip math.',
          goals: '- 300 paying restaurants by 2026-12-31',
          pains: '',
        },
      }),
      seen,
    );
    try {
      const result = await session.client.callTool({ name: 'check_context', arguments: { context: 'acme', playbook: 'content-sprint' } });
      const data = result.structuredContent as any;
      expect(seen).toHaveLength(1);
      const schema = (seen[0] as any).requestedSchema;
      // Only the sections the playbook needs, titled and explained.
      expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['audience', 'personas', 'pains']));
      expect(schema.properties).not.toHaveProperty('goals');
      expect(schema.properties.personas).toMatchObject({ type: 'string', title: 'Personas' });
      expect(data.elicitation).toEqual({ status: 'accepted', written: ['personas'] });
      const text = readFileSync(acmeFile, 'utf8');
      expect(text.startsWith(ACME.trimEnd())).toBe(true);
      expect(text).toContain('## Personas\n\n### Rosa, owner of two taquerias');
      expect(text).not.toContain('## Pains');
      expect(data.report.missing).not.toContain('personas');
    } finally {
      await session.close();
    }
  });

  it('leaves the file alone when the user declines or the caller says not to ask', async () => {
    const seen: ElicitRequest['params'][] = [];
    const session = await elicitingClient(() => ({ action: 'decline' }), seen);
    try {
      const declined = await session.client.callTool({ name: 'check_context', arguments: { context: 'acme' } });
      expect((declined.structuredContent as any).elicitation).toEqual({ status: 'declined', written: [] });
      const skipped = await session.client.callTool({ name: 'check_context', arguments: { context: 'acme', ask_user: false } });
      expect((skipped.structuredContent as any).elicitation.status).toBe('skipped');
      expect(seen).toHaveLength(1);
      expect(readFileSync(acmeFile, 'utf8')).toBe(ACME);
      const complete = await session.client.callTool({ name: 'check_context', arguments: { context: 'northwind-analytics' } });
      expect((complete.structuredContent as any).elicitation.status).toBe('not-needed');
    } finally {
      await session.close();
    }
  });

  it('names what exists when the context or playbook is unknown', async () => {
    const context = await plain.client.callTool({ name: 'check_context', arguments: { context: 'globex' } });
    expect(context.isError).toBe(true);
    expect(textOf(context)).toMatch(/NOT_FOUND: .*Available contexts: acme, northwind-analytics/);
    const playbook = await plain.client.callTool({ name: 'check_context', arguments: { context: 'acme', playbook: 'launch' } });
    expect(textOf(playbook)).toMatch(/NOT_FOUND: unknown playbook "launch"; known playbooks: brand-awareness, content-sprint/);
    // Two contexts and no MOPS_CONTEXT: the server cannot guess.
    const unnamed = await plain.client.callTool({ name: 'check_context', arguments: {} });
    expect(textOf(unnamed)).toMatch(/INVALID_INPUT: Several marketing contexts exist \(acme, northwind-analytics\)/);
  });
});
