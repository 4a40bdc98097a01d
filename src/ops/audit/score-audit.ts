import { MopsError } from '../../errors/index.js';
import { round } from '../shared/stats.js';
import { AUDIT_AREAS, AUDIT_AREA_INFO, AUDIT_SCALE, type AuditArea, type AuditScore } from './audit-areas.js';

export interface AreaResult {
  area: AuditArea;
  label: string;
  score: AuditScore;
  status: string;
  action: string;
  assess: string;
  keyQuestions: string[];
  note?: string;
}

export interface AuditScoreResult {
  /** Scored areas, weakest first (ties in the standard area order). */
  areas: AreaResult[];
  /** Areas without a score, with what to assess and ask. */
  unscored: { area: AuditArea; label: string; assess: string; keyQuestions: string[] }[];
  /** Mean of the scored areas, two decimals. */
  average: number;
  /** Status of the average rounded to the nearest score. */
  overallStatus: string;
  /** Areas scored 1-2: the ones to fix first. */
  fixFirst: AuditArea[];
}

/** Turns 1-5 scores per audit area into statuses, actions and a weakest-first plan. */
export function scoreAudit(scores: Partial<Record<AuditArea, number>>, notes: Partial<Record<AuditArea, string>> = {}): AuditScoreResult {
  const scored = AUDIT_AREAS.filter((area) => scores[area] !== undefined);
  if (scored.length === 0) throw new MopsError('INVALID_INPUT', `no area scored; give a 1-5 score for at least one of ${AUDIT_AREAS.join(', ')}`);
  const areas = scored
    .map((area, order) => {
      const score = scores[area] as AuditScore;
      const info = AUDIT_AREA_INFO[area];
      const note = notes[area];
      return {
        area,
        label: info.label,
        score,
        ...AUDIT_SCALE[score],
        assess: info.assess,
        keyQuestions: [...info.questions],
        ...(note ? { note } : {}),
        order,
      };
    })
    .sort((a, b) => a.score - b.score || a.order - b.order)
    .map(({ order: _order, ...area }) => area);
  const average = round(areas.reduce((sum, a) => sum + a.score, 0) / areas.length);
  const nearest = Math.min(5, Math.max(1, Math.round(average))) as AuditScore;
  return {
    areas,
    unscored: AUDIT_AREAS.filter((a) => scores[a] === undefined).map((area) => ({
      area,
      label: AUDIT_AREA_INFO[area].label,
      assess: AUDIT_AREA_INFO[area].assess,
      keyQuestions: [...AUDIT_AREA_INFO[area].questions],
    })),
    average,
    overallStatus: AUDIT_SCALE[nearest].status,
    fixFirst: areas.filter((a) => a.score <= 2).map((a) => a.area),
  };
}
