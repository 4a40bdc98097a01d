import type { z } from 'zod';
import { formatPath as formatZodPath } from '../../files/format-path.js';

/** Formats a path as `rows[3].visited_pricing` (empty path → `input`). */
export function formatPath(path: readonly PropertyKey[], root = 'input'): string {
  return formatZodPath(path, root);
}

/** Shows a received value the way a user would recognise it in their file or JSON. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
    return JSON.stringify(shown);
  }
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array',
};

/**
 * A one-line explanation of a zod issue: what was expected and what was found.
 * Needs the issue to carry `input` (parse with `reportInput: true`).
 */
export function describeZodIssue(issue: z.core.$ZodIssue): string {
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'invalid_type': {
      if (input === undefined) return 'required, but missing';
      const expected = TYPE_WORDS[issue.expected] ?? issue.expected;
      return `expected ${expected}, got ${describeValue(input)}`;
    }
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${describeValue(input)}`;
    case 'too_small': {
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return 'must not be empty';
      const what = issue.origin === 'array' ? 'at least' : issue.inclusive === false ? 'more than' : 'at least';
      const unit = issue.origin === 'array' ? ' item(s)' : issue.origin === 'string' ? ' character(s)' : '';
      return `expected ${what} ${String(issue.minimum)}${unit}, got ${describeValue(input)}`;
    }
    case 'too_big': {
      const what = issue.inclusive === false ? 'less than' : 'at most';
      const unit = issue.origin === 'array' ? ' item(s)' : issue.origin === 'string' ? ' character(s)' : '';
      const got = issue.origin === 'array' && Array.isArray(input) ? `${input.length} items` : describeValue(input);
      return `expected ${what} ${String(issue.maximum)}${unit}, got ${got}`;
    }
    case 'invalid_format':
      return `expected ${issue.format === 'regex' ? 'a value matching the pattern' : `a valid ${issue.format}`}, got ${describeValue(input)}${issue.message && !issue.message.startsWith('Invalid') ? ` (${issue.message})` : ''}`;
    case 'unrecognized_keys':
      return `unknown field(s) ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}; remove them or check the spelling`;
    case 'invalid_union': {
      // Say what each alternative would have accepted, e.g. a label or a number 1-3.
      const options: string[] = [];
      for (const branch of issue.errors) {
        for (const sub of branch) {
          if (sub.path.length > 0) continue;
          if (sub.code === 'invalid_value') options.push(...sub.values.map((v) => JSON.stringify(v)));
          else if (sub.code === 'invalid_type') options.push(TYPE_WORDS[sub.expected] ?? sub.expected);
          else if (sub.code === 'too_big') options.push(`a number up to ${String(sub.maximum)}`);
          else if (sub.code === 'too_small') options.push(`a number from ${String(sub.minimum)}`);
        }
      }
      if (options.length === 0) return `does not match any accepted shape, got ${describeValue(input)}`;
      return `expected ${[...new Set(options)].join(', ')}; got ${describeValue(input)}`;
    }
    default:
      return issue.message;
  }
}

/** `path: explanation` for an issue, with the path rooted at `root`. */
export function formatZodIssue(issue: z.core.$ZodIssue, root?: string): string {
  const path = formatPath(issue.path, root);
  return `${path}: ${describeZodIssue(issue)}`;
}
