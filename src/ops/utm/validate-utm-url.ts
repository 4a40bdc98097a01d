import { editDistance } from '../../text/edit-distance.js';
import { normalizeUtmValue, type UtmValueChange } from './normalize-utm-value.js';
import { encodeSegment, joinUrl, splitUrl } from './split-url.js';
import { EXTRA_UTM_PARAMS, REQUIRED_UTM_PARAMS, UTM_PARAMS, type UtmParam, type UtmPolicy } from './utm-policy.js';

export type UtmIssueCode =
  | 'invalid-url'
  | 'unsupported-protocol'
  | 'missing'
  | 'empty'
  | 'bad-encoding'
  | 'key-case'
  | 'duplicate'
  | UtmValueChange
  | 'non-ascii'
  | 'medium-not-allowed'
  | 'term-not-paid-search'
  | 'campaign-not-in-registry'
  | 'unknown-utm-param';

export interface UtmIssue {
  /** The parameter concerned; absent for whole-URL problems. */
  param?: string;
  severity: 'error' | 'warning';
  code: UtmIssueCode;
  message: string;
  /** True when `suggestedUrl` resolves the issue. */
  fixable: boolean;
}

export interface UtmUrlValidation {
  url: string;
  /** True when there is no error (warnings allowed). */
  ok: boolean;
  /** The UTM values as found (decoded, first occurrence). */
  params: Partial<Record<UtmParam, string>>;
  issues: UtmIssue[];
  /** The URL with every fixable issue fixed; present only when something was fixable. */
  suggestedUrl?: string;
}

const CHANGE_SEVERITY: Record<UtmValueChange, 'error' | 'warning'> = {
  uppercase: 'error',
  spaces: 'error',
  underscores: 'error',
  diacritics: 'warning',
  'invalid-characters': 'warning',
};

const CHANGE_TEXT: Record<UtmValueChange, string> = {
  uppercase: 'has uppercase letters (UTM values must be lowercase, or reports split one campaign into several)',
  spaces: 'has spaces (use hyphens)',
  underscores: 'has underscores (use hyphens)',
  diacritics: 'has accented letters, which reports show percent-encoded',
  'invalid-characters': 'has punctuation other than hyphens and dots',
};

/** Accepts a medium or campaign close to a known one as a "did you mean" hint. */
function closest(value: string, known: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const name of known) {
    const distance = editDistance(value, name);
    if (distance <= 2 && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}

/**
 * Checks one URL against the UTM standard: http(s) only; utm_source, utm_medium and
 * utm_campaign present; lowercase, hyphenated values; medium from the allowed list;
 * utm_term only with a paid-search medium; campaign in the registry (warning).
 * Never throws: every problem becomes an issue. Non-UTM parameters and the fragment are
 * preserved byte for byte in `suggestedUrl`.
 */
export function validateUtmUrl(url: string, policy: UtmPolicy): UtmUrlValidation {
  const split = splitUrl(url);
  if (!split.ok) {
    return { url, ok: false, params: {}, issues: [{ severity: 'error', code: split.problem.code, message: split.problem.message, fixable: false }] };
  }
  const issues: UtmIssue[] = [];
  const params: Partial<Record<UtmParam, string>> = {};
  const firstSegment = new Map<UtmParam, number>();
  const { segments } = split.url;

  segments.forEach((segment, index) => {
    const key = segment.key.trim().toLowerCase();
    if (!key.startsWith('utm_')) return;
    if (!segment.decoded) {
      issues.push({ param: key, severity: 'error', code: 'bad-encoding', message: `${key} has broken percent-encoding: "${segment.raw}"`, fixable: false });
    }
    if (segment.key !== key) {
      issues.push({ param: key, severity: 'error', code: 'key-case', message: `parameter name "${segment.key}" must be written "${key}"`, fixable: true });
    }
    if ((UTM_PARAMS as readonly string[]).includes(key)) {
      const param = key as UtmParam;
      if (firstSegment.has(param)) {
        issues.push({ param, severity: 'error', code: 'duplicate', message: `${param} appears more than once; keep one value`, fixable: false });
      } else {
        firstSegment.set(param, index);
        params[param] = segment.value;
      }
    } else if (!(EXTRA_UTM_PARAMS as readonly string[]).includes(key)) {
      issues.push({
        param: key,
        severity: 'warning',
        code: 'unknown-utm-param',
        message: `${key} is not a standard UTM parameter (${UTM_PARAMS.join(', ')})`,
        fixable: false,
      });
    }
  });

  for (const param of REQUIRED_UTM_PARAMS) {
    if (params[param] === undefined) issues.push({ param, severity: 'error', code: 'missing', message: `${param} is required`, fixable: false });
  }

  const normalized: Partial<Record<UtmParam, string>> = {};
  for (const param of UTM_PARAMS) {
    const raw = params[param];
    if (raw === undefined) continue;
    const result = normalizeUtmValue(raw);
    if (result.value === '') {
      issues.push({
        param,
        severity: 'error',
        code: 'empty',
        message: raw.trim() === '' ? `${param} is empty` : `${param} "${raw}" has no letters or digits`,
        fixable: false,
      });
      continue;
    }
    normalized[param] = result.value;
    for (const change of result.changes) {
      issues.push({
        param,
        severity: CHANGE_SEVERITY[change],
        code: change,
        message: `${param} "${raw}" ${CHANGE_TEXT[change]}; use "${result.value}"`,
        fixable: true,
      });
    }
    if (result.nonAscii) {
      issues.push({
        param,
        severity: 'warning',
        code: 'non-ascii',
        message: `${param} "${result.value}" has non-ASCII letters; reports show them percent-encoded, so prefer an ASCII name`,
        fixable: false,
      });
    }
  }

  const medium = normalized.utm_medium;
  if (medium !== undefined && !policy.allowedMediums.includes(medium)) {
    const hint = closest(medium, policy.allowedMediums);
    issues.push({
      param: 'utm_medium',
      severity: 'error',
      code: 'medium-not-allowed',
      message: `utm_medium "${medium}" is not allowed${hint ? ` (did you mean "${hint}"?)` : ''}; use one of ${policy.allowedMediums.join(', ')}`,
      fixable: false,
    });
  }
  const dropTerm = params.utm_term !== undefined && medium !== undefined && !policy.paidSearchMediums.includes(medium);
  if (dropTerm) {
    issues.push({
      param: 'utm_term',
      severity: 'error',
      code: 'term-not-paid-search',
      message: `utm_term is for paid-search keywords only (medium ${policy.paidSearchMediums.join(', ')}), but the medium is "${medium}"; remove it or put the variant in utm_content`,
      fixable: true,
    });
  }
  const campaign = normalized.utm_campaign;
  if (campaign !== undefined && policy.campaigns && !policy.campaigns.includes(campaign)) {
    const hint = closest(campaign, policy.campaigns);
    issues.push({
      param: 'utm_campaign',
      severity: 'warning',
      code: 'campaign-not-in-registry',
      message: `utm_campaign "${campaign}" is not in the registry${hint ? ` (did you mean "${hint}"?)` : '; add it to the shared campaign registry'}`,
      fixable: false,
    });
  }

  const result: UtmUrlValidation = { url, ok: !issues.some((i) => i.severity === 'error'), params, issues };
  if (issues.some((i) => i.fixable)) {
    const rewritten: string[] = [];
    segments.forEach((segment, index) => {
      const key = segment.key.trim().toLowerCase();
      const param = key as UtmParam;
      if (firstSegment.get(param) === index) {
        if (param === 'utm_term' && dropTerm) return;
        const value = normalized[param];
        rewritten.push(value === undefined ? lowercaseRawKey(segment.raw) : encodeSegment(param, value));
      } else if (key.startsWith('utm_') && segment.key !== key && segment.decoded) {
        rewritten.push(encodeSegment(key, segment.value));
      } else {
        rewritten.push(segment.raw);
      }
    });
    result.suggestedUrl = joinUrl(split.url.base, rewritten, split.url.fragment);
  }
  return result;
}

/** Lowercases the key part of a raw `key=value` segment, leaving the value untouched. */
function lowercaseRawKey(raw: string): string {
  const eq = raw.indexOf('=');
  return eq === -1 ? raw.toLowerCase() : raw.slice(0, eq).toLowerCase() + raw.slice(eq);
}
