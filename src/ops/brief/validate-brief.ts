import { toIsoDate } from '../shared/dates.js';
import { BRIEF_FIELDS, BRIEF_FIELD_INFO, type Brief, type BriefField } from './brief-fields.js';
import { vagueReasons } from './brief-rules.js';

export const NO_BRIEF_NO_WORK =
  'No brief, no work: a request enters production only with all seven fields filled in (objective, audience, key message, call to action, success metric, deadline, format).';

export type BriefFieldStatus = 'ok' | 'missing' | 'vague';

export interface BriefFieldResult {
  field: BriefField;
  label: string;
  status: BriefFieldStatus;
  /** error for a missing field, warning for a vague one. */
  severity?: 'error' | 'warning';
  value?: string;
  reasons: string[];
  /** How to fix the field, with an example. */
  fix?: string;
}

export interface BriefValidation {
  /** True when no field is missing (vague fields are warnings, not blockers). */
  ready: boolean;
  fields: BriefFieldResult[];
  summary: { ok: number; vague: number; missing: number };
  today: string;
  verdict: string;
  rule: string;
}

/**
 * Checks a brief's seven fields: a missing field is an error (the brief is not ready), a
 * vague one is a warning with the reason and a suggested fix. `today` decides whether the
 * deadline is in the past.
 */
export function validateBrief(brief: Brief, today: Date): BriefValidation {
  const fields = BRIEF_FIELDS.map((field): BriefFieldResult => {
    const info = BRIEF_FIELD_INFO[field];
    const value = brief[field]?.trim() ?? '';
    if (value === '') {
      return {
        field,
        label: info.label,
        status: 'missing',
        severity: 'error',
        reasons: ['missing'],
        fix: `Add ${info.asks}, e.g. "${info.example}".`,
      };
    }
    const reasons = vagueReasons(field, value, today);
    if (reasons.length === 0) return { field, label: info.label, status: 'ok', value, reasons: [] };
    return { field, label: info.label, status: 'vague', severity: 'warning', value, reasons, fix: `Rewrite as ${info.asks}, e.g. "${info.example}".` };
  });
  const summary = { ok: 0, vague: 0, missing: 0 };
  for (const f of fields) summary[f.status] += 1;
  const ready = summary.missing === 0;
  const names = (status: BriefFieldStatus) => fields.filter((f) => f.status === status).map((f) => f.label.toLowerCase());
  let verdict: string;
  if (!ready) verdict = `Not ready: ${summary.missing} field(s) missing (${names('missing').join(', ')}). No brief, no work.`;
  else if (summary.vague > 0) verdict = `Ready with ${summary.vague} warning(s): sharpen ${names('vague').join(', ')} before production.`;
  else verdict = 'Ready: all seven fields are present and specific.';
  return { ready, fields, summary, today: toIsoDate(today), verdict, rule: NO_BRIEF_NO_WORK };
}
