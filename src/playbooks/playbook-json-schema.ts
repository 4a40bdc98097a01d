import { z } from 'zod';
import { PlaybookSchema } from './playbook-schema.js';

/**
 * The JSON Schema editors use to validate playbooks (`schemas/playbook.schema.json`),
 * generated from the zod schema so the two cannot disagree. A test fails when the
 * committed file drifts; regenerate it after changing the schema with:
 *
 *   npm run build && node --input-type=module -e "import('./dist/playbooks/playbook-json-schema.js').then((m) => process.stdout.write(m.playbookJsonSchemaText()))" > schemas/playbook.schema.json
 */
export function playbookJsonSchema(): Record<string, unknown> {
  // `input`: authors write the file, so defaults make fields optional.
  const schema = z.toJSONSchema(PlaybookSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  const { $schema, ...rest } = schema;
  return {
    $schema,
    title: 'marketing-ops-mcp playbook',
    description: 'A campaign playbook: typed inputs, the marketing context it needs, and steps that run skills, QA gates and approvals.',
    ...rest,
  };
}

/** The schema file's exact text (2-space JSON with a final newline). */
export function playbookJsonSchemaText(): string {
  return `${JSON.stringify(playbookJsonSchema(), null, 2)}\n`;
}
