import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { MopsError } from '../errors/index.js';
import { formatPath } from '../files/format-path.js';
import { createYamlSourceMap } from '../playbooks/yaml-source-map.js';
import { SkillFrontMatterSchema, SkillMetadataSchema, type Skill } from './skill-schema.js';

export interface ParseSkillOptions {
  /** Path shown in error messages. */
  file: string;
  /** The folder name; the skill's `name` must equal it when given. */
  folderName?: string;
}

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/**
 * Parses a SKILL.md (pure). Throws MopsError INVALID_FILE with `file:line:col: field: problem`.
 * Accepts plain Agent Skills files (name + description) as well as files with our metadata.
 */
export function parseSkill(text: string, options: ParseSkillOptions): Skill {
  const { file } = options;
  const match = FRONT_MATTER.exec(text);
  if (!match) {
    throw new MopsError(
      'INVALID_FILE',
      'expected YAML front matter between two "---" lines at the top of the file (with at least name and description)',
      { location: { file, line: 1, column: 1 } },
    );
  }
  const yamlText = match[1] ?? '';
  // The YAML starts on line 2 of the file (after the opening ---).
  const lineOffset = 1;
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false });
  const yamlError = doc.errors[0];
  if (yamlError) {
    const pos = lineCounter.linePos(yamlError.pos[0]);
    throw new MopsError('INVALID_FILE', `front matter is not valid YAML: ${yamlError.message.split('\n')[0]}`, {
      location: { file, line: pos.line + lineOffset, column: pos.col },
    });
  }
  const data: unknown = doc.toJS();
  const sourceMap = createYamlSourceMap(file, doc, lineCounter);

  const fail = (issue: z.core.$ZodIssue, basePath: PropertyKey[] = []): never => {
    const path = [...basePath, ...issue.path];
    const pos = sourceMap.locate(path);
    throw new MopsError('INVALID_FILE', `${formatPath(path)}: ${issue.message}`, {
      location: { file, line: pos.line + lineOffset, column: pos.column },
      details: { field: formatPath(path) },
    });
  };

  const front = SkillFrontMatterSchema.safeParse(data);
  if (!front.success) fail(front.error.issues[0]!);
  const fm = front.data!;

  if (options.folderName !== undefined && fm.name !== options.folderName) {
    const pos = sourceMap.locate(['name']);
    throw new MopsError(
      'INVALID_FILE',
      `name: expected "${options.folderName}" (the folder name), found "${fm.name}"; rename the folder or the skill`,
      { location: { file, line: pos.line + lineOffset, column: pos.column }, details: { field: 'name' } },
    );
  }

  const rawMetadata = fm.metadata;
  const native = rawMetadata !== undefined && 'category' in rawMetadata;
  const body = text.slice(match[0].length).trim();

  const common = { id: fm.name, name: fm.name, description: fm.description.trim(), body, file };
  if (!native) {
    // A skill from another collection: routable from its description alone.
    return { ...common, native: false, metadata: { category: 'general', triggers: [], not: [], examples: [], requires_context: false, tools: [] } };
  }
  const meta = SkillMetadataSchema.safeParse(rawMetadata);
  if (!meta.success) fail(meta.error.issues[0]!, ['metadata']);
  return { ...common, native: true, metadata: meta.data! };
}
