import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPS_TOOLS } from '../../src/ops/index.js';
import { connect, makeTempProject, textOf, type Connected, type TempProject } from './support/mcp-fixture.js';

let project: TempProject;
let session: Connected;

beforeAll(async () => {
  project = makeTempProject();
  session = await connect(project);
});
afterAll(async () => {
  await session.close();
  await project.remove();
});

describe('ops toolkit over MCP', () => {
  it('registers every ops tool with its own title, schemas and annotations', async () => {
    const { tools } = await session.client.listTools();
    for (const opsTool of OPS_TOOLS) {
      const tool = tools.find((candidate) => candidate.name === opsTool.name);
      expect(tool, opsTool.name).toBeDefined();
      expect(tool!.title).toBe(opsTool.title);
      expect(tool!.description).toBe(opsTool.description);
      expect(tool!.annotations).toEqual(opsTool.annotations);
      expect(Object.keys(tool!.inputSchema.properties ?? {})).toEqual(Object.keys(opsTool.inputSchema.shape));
    }
  });

  it.each(OPS_TOOLS.flatMap((tool) => tool.examples.map((example) => [tool.name, example.title, example.input] as const)))(
    '%s: %s returns the same result and report as the library',
    async (name, _title, input) => {
      const tool = OPS_TOOLS.find((candidate) => candidate.name === name)!;
      const result = await session.client.callTool({ name, arguments: input });
      expect(result.isError, textOf(result)).toBeFalsy();
      const expected = await tool.run(structuredClone(input));
      expect(result.structuredContent).toEqual(JSON.parse(JSON.stringify(expected)));
      expect(textOf(result)).toBe(tool.toMarkdown(expected));
    },
  );

  it('answers bad input with the field that is wrong', async () => {
    const wrongLimit = await session.client.callTool({ name: 'check_copy_length', arguments: { limit: 'billboard', text: 'Hi' } });
    expect(wrongLimit.isError).toBe(true);
    expect(textOf(wrongLimit)).toMatch(/limit/);
    const both = await session.client.callTool({ name: 'check_copy_length', arguments: { limit: 'x-post', text: 'a', texts: ['b'] } });
    expect(both.isError).toBe(true);
    expect(textOf(both)).toMatch(/exactly one of `text` or `texts`/);
    const csv = await session.client.callTool({ name: 'validate_utms', arguments: { csv: 'link\nhttps://a.example/', source: 'links.csv' } });
    expect(csv.isError, textOf(csv)).toBe(true);
  });
});
