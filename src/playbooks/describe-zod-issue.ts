import type { z } from 'zod';
import { ContextRequirementSchema } from '../context/context-schema.js';
import { closestMatch } from '../text/closest-match.js';
import {
  ApprovalStepSchema,
  GateStepSchema,
  PlaybookInputSchema,
  PlaybookSchema,
  RetryPolicySchema,
  SkillStepSchema,
  StepOwnerSchema,
} from './playbook-schema.js';

export interface IssueDescription {
  /** Where to point: the issue's path, extended to the offending key for unknown keys. */
  path: PropertyKey[];
  /** Point at the mapping key rather than its value. */
  pointAtKey: boolean;
  /** `<path>: <what was expected, what was found, how to fix>` */
  message: string;
}

/** Turns a zod issue on playbook data into a message an author can act on. */
export function describeZodIssue(issue: z.core.$ZodIssue, data: unknown): IssueDescription {
  const path = [...issue.path];
  const value = valueAt(data, path);
  const where = formatPath(path, data);
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) {
        const field = String(path[path.length - 1] ?? 'value');
        return { path, pointAtKey: false, message: `${where}: missing required field "${field}" (expected ${article(issue.expected)}).` };
      }
      return { path, pointAtKey: false, message: `${where}: expected ${article(issue.expected)}, found ${describeValue(value)}.` };
    case 'unrecognized_keys': {
      const [firstKey] = issue.keys;
      const allowed = allowedKeysAt(path, data);
      const hints = issue.keys.map((key) => {
        const suggestion = allowed && closestMatch(key, allowed);
        return suggestion ? `"${key}" (did you mean "${suggestion}"?)` : `"${key}"`;
      });
      const allowedText = allowed ? ` Allowed fields: ${allowed.join(', ')}.` : '';
      return {
        path: firstKey === undefined ? path : [...path, firstKey],
        pointAtKey: true,
        message: `${where || 'playbook'}: unknown field${issue.keys.length > 1 ? 's' : ''} ${hints.join(', ')}.${allowedText}`,
      };
    }
    case 'invalid_union':
      if ('discriminator' in issue && issue.discriminator) {
        const options = ['skill', 'gate', 'approval'];
        return {
          path,
          pointAtKey: false,
          message: `${where}: expected one of ${options.map((o) => `"${o}"`).join(', ')} (or no type, meaning "skill"), found ${describeValue(value)}.`,
        };
      }
      return { path, pointAtKey: false, message: `${where}: ${issue.message}.` };
    case 'invalid_value':
      return {
        path,
        pointAtKey: false,
        message: `${where}: expected ${issue.values.map((v) => JSON.stringify(v)).join(' | ')}, found ${describeValue(value)}.`,
      };
    case 'invalid_format':
      return { path, pointAtKey: false, message: `${where}: ${issue.message}, found ${describeValue(value)}.` };
    case 'too_small':
      return { path, pointAtKey: false, message: `${where}: ${tooSmall(issue, value)}.` };
    case 'too_big':
      return {
        path,
        pointAtKey: false,
        message: `${where}: expected at most ${String(issue.maximum)}${issue.origin === 'array' ? ' items' : ''}, found ${describeValue(value)}.`,
      };
    case 'invalid_key': {
      const reason = issue.issues[0]?.message ?? issue.message;
      return { path, pointAtKey: true, message: `${where}: the name "${String(path[path.length - 1])}" is not valid: ${reason}.` };
    }
    default:
      return { path, pointAtKey: false, message: `${where}: ${issue.message}` };
  }
}

function tooSmall(issue: z.core.$ZodIssueTooSmall, value: unknown): string {
  if (issue.origin === 'array') {
    return `expected at least ${String(issue.minimum)} item${Number(issue.minimum) === 1 ? '' : 's'}, found ${Array.isArray(value) ? value.length : 0}`;
  }
  if (issue.origin === 'string') return 'must not be empty';
  return `expected at least ${String(issue.minimum)}, found ${describeValue(value)}`;
}

/** `steps[2].with.request` (with the step's id when it has one: `steps[2] "copy"`). */
export function formatPath(path: readonly PropertyKey[], data: unknown): string {
  let text = '';
  for (const [index, segment] of path.entries()) {
    if (typeof segment === 'number') {
      text += `[${segment}]`;
      if (index === 1 && path[0] === 'steps') {
        const id = (valueAt(data, path.slice(0, 2)) as { id?: unknown } | undefined)?.id;
        if (typeof id === 'string') text += ` "${id}"`;
      }
    } else {
      text += `${text ? '.' : ''}${String(segment)}`;
    }
  }
  return text;
}

function allowedKeysAt(path: readonly PropertyKey[], data: unknown): string[] | undefined {
  const last = path[path.length - 1];
  if (path.length === 0) return Object.keys(PlaybookSchema.shape);
  if (path.length === 1 && last === 'context') return Object.keys(ContextRequirementSchema.shape);
  if (path.length === 2 && path[0] === 'inputs') return Object.keys(PlaybookInputSchema.shape);
  if (path.length === 2 && path[0] === 'steps') {
    const type = (valueAt(data, path) as { type?: unknown } | undefined)?.type;
    const schema = type === 'gate' ? GateStepSchema : type === 'approval' ? ApprovalStepSchema : SkillStepSchema;
    return Object.keys(schema.shape);
  }
  if (last === 'owner') return Object.keys(StepOwnerSchema.shape);
  if (last === 'retry') return Object.keys(RetryPolicySchema.shape);
  return undefined;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `"${value.length > 60 ? `${value.slice(0, 57)}...` : value}"`;
  return `${typeof value} ${String(value)}`;
}

function article(expected: string): string {
  const noun = expected === 'object' ? 'mapping' : expected === 'array' ? 'list' : expected;
  return /^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`;
}
