import { MopsError } from '../errors/index.js';
import { inputValueFitsType, type InputValue, type Playbook, type PlaybookInput } from '../playbooks/index.js';

/**
 * Checks run inputs against a playbook's declared inputs and converts CLI text
 * (`--input budget=5000`) to the declared types. Applies defaults. Collects every
 * problem and throws one INVALID_INPUT that lists them with how to pass each input.
 */
export function coerceInputs(playbook: Pick<Playbook, 'id' | 'inputs'>, given: Record<string, unknown>): Record<string, InputValue> {
  const problems: string[] = [];
  const result: Record<string, InputValue> = {};
  const declared = Object.entries(playbook.inputs);

  for (const name of Object.keys(given)) {
    if (!Object.hasOwn(playbook.inputs, name)) {
      const known = declared.map(([key]) => key);
      problems.push(
        `Unknown input "${name}". ${known.length ? `Playbook "${playbook.id}" takes: ${known.join(', ')}.` : `Playbook "${playbook.id}" takes no inputs.`}`,
      );
    }
  }

  for (const [name, spec] of declared) {
    const raw = given[name];
    if (raw === undefined || raw === null || raw === '') {
      if (spec.default !== undefined) result[name] = spec.default;
      else if (spec.required) problems.push(`Missing required input "${name}" (${spec.type}: ${spec.description.trim().replace(/\.$/, '')}). Pass it with --input ${name}=${example(spec)}.`);
      continue;
    }
    const value = coerceValue(raw, spec);
    if (value === undefined || !inputValueFitsType(value, spec.type)) {
      problems.push(`Input "${name}" must be ${describeType(spec)}, got ${JSON.stringify(raw)}. Pass it as --input ${name}=${example(spec)}.`);
      continue;
    }
    if (spec.enum && !spec.enum.some((option) => option === value)) {
      problems.push(`Input "${name}" must be one of ${spec.enum.map((o) => JSON.stringify(o)).join(', ')}, got ${JSON.stringify(raw)}.`);
      continue;
    }
    result[name] = value;
  }

  if (problems.length > 0) {
    const lead = problems.length === 1 ? problems[0]! : `Playbook "${playbook.id}" cannot start:\n${problems.map((p) => `- ${p}`).join('\n')}`;
    throw new MopsError('INVALID_INPUT', lead, { details: { playbook: playbook.id, problems } });
  }
  return result;
}

function coerceValue(raw: unknown, spec: PlaybookInput): InputValue | undefined {
  switch (spec.type) {
    case 'number': {
      if (typeof raw === 'number') return raw;
      if (typeof raw !== 'string' || raw.trim() === '') return undefined;
      const number = Number(raw.replace(/[_,](?=\d{3}\b)/g, '').trim());
      return Number.isFinite(number) ? number : undefined;
    }
    case 'boolean': {
      if (typeof raw === 'boolean') return raw;
      const text = String(raw).trim().toLowerCase();
      if (['true', 'yes', 'y', '1', 'on'].includes(text)) return true;
      if (['false', 'no', 'n', '0', 'off'].includes(text)) return false;
      return undefined;
    }
    case 'list': {
      if (Array.isArray(raw)) return raw.map((item) => String(item).trim()).filter(Boolean);
      if (typeof raw !== 'string') return undefined;
      return raw.split(',').map((item) => item.trim()).filter(Boolean);
    }
    default:
      return typeof raw === 'string' ? raw.trim() : typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : undefined;
  }
}

function describeType(spec: PlaybookInput): string {
  switch (spec.type) {
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'date':
      return 'a date as YYYY-MM-DD';
    case 'url':
      return 'an http(s) URL';
    case 'list':
      return 'a comma-separated list';
    case 'string':
      return 'text';
  }
}

function example(spec: PlaybookInput): string {
  if (spec.enum?.[0] !== undefined) return String(spec.enum[0]);
  switch (spec.type) {
    case 'number':
      return '5000';
    case 'boolean':
      return 'true';
    case 'date':
      return '2026-09-01';
    case 'url':
      return 'https://example.com';
    case 'list':
      return 'a,b,c';
    case 'string':
      return '"..."';
  }
}

/** Parses repeated `key=value` CLI arguments into an input map (later keys win). */
export function parseInputArgs(pairs: readonly string[]): Record<string, string> {
  const inputs: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) {
      throw new MopsError('INVALID_INPUT', `Expected --input key=value, got "${pair}". Example: --input product_name="Beacon 2.0".`);
    }
    inputs[pair.slice(0, at).trim()] = pair.slice(at + 1);
  }
  return inputs;
}
