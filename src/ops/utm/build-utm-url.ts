import { normalizeUtmValue } from './normalize-utm-value.js';
import { encodeSegment, joinUrl, splitUrl } from './split-url.js';
import { UTM_PARAMS, type UtmParam, type UtmPolicy } from './utm-policy.js';
import { validateUtmUrl, type UtmIssue } from './validate-utm-url.js';

export interface BuildUtmParams {
  url: string;
  source: string;
  medium: string;
  campaign: string;
  content?: string | undefined;
  term?: string | undefined;
}

export interface BuildUtmResult {
  /** True when the URL meets the standard (warnings allowed). */
  ok: boolean;
  /** The tagged URL; null when an error remains (bad URL, medium not allowed, term outside paid search). */
  url: string | null;
  /** The values written, after normalisation. */
  params: Partial<Record<UtmParam, string>>;
  /** Normalisations applied to the given values, e.g. `utm_campaign: "Spring Sale" → "spring-sale"`. */
  changes: string[];
  /** UTM parameters the URL already had and that were replaced. */
  replaced: string[];
  issues: UtmIssue[];
}

const FIELD_PARAM: Record<Exclude<keyof BuildUtmParams, 'url'>, UtmParam> = {
  source: 'utm_source',
  medium: 'utm_medium',
  campaign: 'utm_campaign',
  content: 'utm_content',
  term: 'utm_term',
};

/**
 * Tags a URL with UTM parameters following the standard. Values are normalised (lowercase,
 * hyphens) and each change is listed; existing non-UTM parameters and the fragment stay as
 * they were, and UTM parameters the URL already carried are replaced. The result is then
 * validated, so a disallowed medium or a keyword outside paid search yields `url: null`.
 */
export function buildUtmUrl(input: BuildUtmParams, policy: UtmPolicy): BuildUtmResult {
  const split = splitUrl(input.url);
  if (!split.ok) {
    return {
      ok: false,
      url: null,
      params: {},
      changes: [],
      replaced: [],
      issues: [{ severity: 'error', code: split.problem.code, message: split.problem.message, fixable: false }],
    };
  }
  const params: Partial<Record<UtmParam, string>> = {};
  const changes: string[] = [];
  const issues: UtmIssue[] = [];
  for (const [field, param] of Object.entries(FIELD_PARAM) as [keyof typeof FIELD_PARAM, UtmParam][]) {
    const raw = input[field];
    if (raw === undefined || (raw.trim() === '' && (field === 'content' || field === 'term'))) continue;
    const { value } = normalizeUtmValue(raw);
    if (value === '') {
      issues.push({ param, severity: 'error', code: 'empty', message: `${field} "${raw}" has no letters or digits`, fixable: false });
      continue;
    }
    if (value !== raw) changes.push(`${param}: "${raw}" → "${value}"`);
    params[param] = value;
  }

  const kept: string[] = [];
  const replaced: string[] = [];
  for (const segment of split.url.segments) {
    if ((UTM_PARAMS as readonly string[]).includes(segment.key.trim().toLowerCase())) replaced.push(segment.raw);
    else kept.push(segment.raw);
  }
  const added = UTM_PARAMS.flatMap((param) => (params[param] === undefined ? [] : [encodeSegment(param, params[param])]));
  const url = joinUrl(split.url.base, [...kept, ...added], split.url.fragment);

  const validation = validateUtmUrl(url, policy);
  // Missing/empty values are already reported above with the field name the caller used.
  issues.push(...validation.issues.filter((issue) => !(issue.code === 'missing' && issues.some((i) => i.param === issue.param))));
  const ok = !issues.some((issue) => issue.severity === 'error');
  return { ok, url: ok ? url : null, params, changes, replaced, issues };
}
