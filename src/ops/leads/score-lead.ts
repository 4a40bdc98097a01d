import { fixedSign } from './format-points.js';
import { BAND_INFO, CATEGORY_LABELS, LEAD_CATEGORIES, LEAD_SIGNALS, leadBand, type LeadBand, type LeadCategory, type LeadScoringModel, type LeadSignal } from './lead-scoring-model.js';
import { readLeadSignals, type Icp, type LeadRow } from './lead-row.js';

export interface LeadContribution {
  category: LeadCategory;
  /** The signal, or absent for a range adjustment. */
  signal?: LeadSignal;
  points: number;
  reason: string;
}

export interface LeadScore {
  id: string;
  score: number;
  band: LeadBand;
  bandLabel: string;
  action: string;
  /** Everything that moved the score; the points add up to `score`. */
  contributions: LeadContribution[];
  /** Totals per category after clamping (0 when no signal fired). */
  categories: Record<LeadCategory, number>;
}

/**
 * Scores one lead: each fired signal adds its points to its category; a category that
 * fired is clamped into its range, and the clamp is listed as its own contribution so
 * the explanation always adds up to the score.
 */
export function scoreLead(lead: LeadRow, model: LeadScoringModel, icp: Icp = {}, fallbackId = 'lead'): LeadScore {
  const readings = readLeadSignals(lead, icp);
  const contributions: LeadContribution[] = [];
  const categories = Object.fromEntries(LEAD_CATEGORIES.map((c) => [c, 0])) as Record<LeadCategory, number>;
  for (const category of LEAD_CATEGORIES) {
    let sum = 0;
    let fired = 0;
    for (const [signal, reading] of readings) {
      if (!reading.fired || LEAD_SIGNALS[signal].category !== category) continue;
      const points = model.points[signal];
      if (points === 0) continue; // 0 points switches a signal off
      sum += points;
      fired += 1;
      contributions.push({ category, signal, points, reason: reading.reason });
    }
    if (fired === 0) continue;
    const { min, max } = model.ranges[category];
    const clamped = Math.min(max, Math.max(min, sum));
    if (clamped !== sum) {
      contributions.push({
        category,
        points: clamped - sum,
        reason: `${CATEGORY_LABELS[category]} ${clamped > sum ? 'raised to its minimum' : 'capped at its maximum'} of ${fixedSign(clamped)} (signals add up to ${fixedSign(sum)})`,
      });
    }
    categories[category] = clamped;
  }
  const score = LEAD_CATEGORIES.reduce((total, c) => total + categories[c], 0);
  const band = leadBand(score, model.thresholds);
  return {
    id: lead.id ?? lead.email ?? fallbackId,
    score,
    band,
    bandLabel: BAND_INFO[band].label,
    action: BAND_INFO[band].action,
    contributions,
    categories,
  };
}
