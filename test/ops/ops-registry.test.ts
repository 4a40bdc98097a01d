import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MopsError } from '../../src/errors/index.js';
import { OPS_TOOLS, getOpsTool } from '../../src/ops/index.js';

type JsonSchema = { description?: string; properties?: Record<string, JsonSchema>; items?: JsonSchema; anyOf?: JsonSchema[] };

/** Paths of properties without a description, at any depth. */
function undescribed(schema: JsonSchema, path = ''): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(schema.properties ?? {})) {
    const here = path ? `${path}.${key}` : key;
    if (!value.description) out.push(here);
    out.push(...undescribed(value, here));
    if (value.items) out.push(...undescribed(value.items, `${here}[]`));
    for (const option of value.anyOf ?? []) if (option.items) out.push(...undescribed(option.items, `${here}[]`));
  }
  return out;
}

const NAMES = [
  'validate_brief',
  'triage_requests',
  'build_utm',
  'validate_utms',
  'score_leads',
  'attribute_conversions',
  'evaluate_tool',
  'audit_stack',
  'score_audit',
  'workflow_health',
  'check_copy_length',
];

describe('OPS_TOOLS', () => {
  it('holds every tool of the brief under its fixed name', () => {
    expect(OPS_TOOLS.map((t) => t.name)).toEqual(NAMES);
    for (const name of NAMES) expect(getOpsTool(name)?.name).toBe(name);
    expect(getOpsTool('nope')).toBeUndefined();
  });

  for (const tool of OPS_TOOLS) {
    describe(tool.name, () => {
      it('has a title, a 2-4 sentence description and read-only annotations', () => {
        expect(tool.name).toMatch(/^[a-z]+(_[a-z]+)+$/);
        expect(tool.title.length).toBeGreaterThan(5);
        const sentences = tool.description.split(/(?<=[.!?])\s+(?=[A-Z])/).length;
        expect(sentences, tool.description).toBeGreaterThanOrEqual(2);
        expect(sentences, tool.description).toBeLessThanOrEqual(4);
        expect(tool.annotations).toEqual({ readOnlyHint: true, idempotentHint: true, destructiveHint: false, openWorldHint: false });
      });

      it('converts to JSON Schema with every input field described', () => {
        const input = z.toJSONSchema(tool.inputSchema, { target: 'draft-7', io: 'input' }) as JsonSchema;
        expect(undescribed(input)).toEqual([]);
        expect(() => z.toJSONSchema(tool.outputSchema, { target: 'draft-7', io: 'output' })).not.toThrow();
      });

      it('runs its examples to outputs that match the output schema and render as Markdown', async () => {
        expect(tool.examples.length).toBeGreaterThan(0);
        for (const example of tool.examples) {
          const output = await tool.run(example.input, { now: () => new Date('2025-06-01T00:00:00Z') });
          const parsed = tool.outputSchema.safeParse(output);
          expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 3))).toBe(true);
          const markdown = tool.toMarkdown(output);
          expect(markdown).toMatch(/^## /);
          expect(markdown).not.toContain('undefined');
          expect(markdown).not.toContain('[object Object]');
        }
      });

      if (tool.fileInput) {
        it('names input fields that exist for its file input', () => {
          expect(Object.keys(tool.inputSchema.shape)).toEqual(expect.arrayContaining([tool.fileInput?.field, tool.fileInput?.sourceField]));
        });
      }
    });
  }

  it('rejects unknown top-level fields with the field name', () => {
    try {
      getOpsTool('score_audit')?.run({ scores: { seo: 3 }, scorez: {} });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(MopsError);
      expect((error as MopsError).code).toBe('INVALID_INPUT');
      expect((error as MopsError).message).toContain('input: unknown field(s) "scorez"');
    }
  });
});

describe('OPS_TOOLS over MCP', () => {
  it('registers generically on an McpServer and answers a real client with structured content', async () => {
    const server = new McpServer({ name: 'ops-test', version: '0.0.0' });
    for (const tool of OPS_TOOLS) {
      server.registerTool(
        tool.name,
        { title: tool.title, description: tool.description, inputSchema: tool.inputSchema, outputSchema: tool.outputSchema, annotations: tool.annotations },
        async (args: unknown) => {
          const output = await tool.run(args);
          return { content: [{ type: 'text' as const, text: tool.toMarkdown(output) }], structuredContent: output };
        },
      );
    }
    const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
    const client = new Client({ name: 'ops-test-client', version: '0.0.0' });
    await Promise.all([server.connect(serverTransport), client.connect(clientTransport)]);

    const listed = await client.listTools();
    expect(listed.tools.map((t) => t.name)).toEqual(NAMES);
    const scoreLeads = listed.tools.find((t) => t.name === 'score_leads');
    expect(scoreLeads?.inputSchema.properties).toHaveProperty('csv');
    expect(scoreLeads?.outputSchema?.properties).toHaveProperty('counts');

    for (const tool of OPS_TOOLS) {
      if (tool.name === 'workflow_health' || tool.name === 'validate_brief') continue; // both depend on the clock
      const result = await client.callTool({ name: tool.name, arguments: tool.examples[0]?.input ?? {} });
      expect(result.isError ?? false, `${tool.name}: ${JSON.stringify(result.content)}`).toBe(false);
      expect(result.structuredContent).toEqual(JSON.parse(JSON.stringify(await tool.run(tool.examples[0]?.input ?? {}))));
    }

    const bad = await client.callTool({ name: 'check_copy_length', arguments: { limit: 'tiktok', text: 'x' } });
    expect(bad.isError).toBe(true);
    expect(JSON.stringify(bad.content)).toContain('limit');
    await client.close();
    await server.close();
  });
});
