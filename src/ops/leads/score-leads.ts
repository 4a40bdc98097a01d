import { MopsError } from '../../errors/index.js';
import { readTable, type RejectedRow, type TabularInput } from '../shared/read-table.js';
import { LEAD_BANDS, resolveLeadModel, type LeadBand, type LeadModelInput, type LeadScoringModel } from './lead-scoring-model.js';
import { leadRowSchema, type Icp } from './lead-row.js';
import { scoreLead, type LeadScore } from './score-lead.js';

export interface ScoreLeadsInput extends TabularInput, LeadModelInput {
  icp?: Icp | undefined;
  skipInvalidRows?: boolean | undefined;
}

export interface ScoredLead extends LeadScore {
  rank: number;
  /** 1-based CSV line, when read from CSV. */
  line?: number;
}

export interface ScoreLeadsResult {
  leads: ScoredLead[];
  counts: Record<LeadBand, number>;
  total: number;
  model: LeadScoringModel;
  rejectedRows: RejectedRow[];
  notes: string[];
}

/**
 * Scores every lead from rows or CSV, sorted by score (highest first; ties keep input
 * order), with counts per band. Unknown columns and ICP data that could not be used are
 * reported in `notes`, never ignored silently.
 */
export function scoreLeads(input: ScoreLeadsInput): ScoreLeadsResult {
  const { model, problems } = resolveLeadModel(input);
  if (problems.length > 0) throw new MopsError('INVALID_INPUT', `the scoring model is inconsistent:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  const table = readTable({ rowSchema: leadRowSchema }, input, { skipInvalidRows: input.skipInvalidRows ?? false });
  const icp = input.icp ?? {};

  const scored = table.rows.map((row) => {
    const fallback = row.line === undefined ? `row ${row.index + 1}` : `line ${row.line}`;
    const score = scoreLead(row.value, model, icp, fallback);
    return { ...score, ...(row.line === undefined ? {} : { line: row.line }), order: row.index };
  });
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  const leads: ScoredLead[] = scored.map(({ order: _order, ...lead }, i) => ({ rank: i + 1, ...lead }));

  const counts = Object.fromEntries(LEAD_BANDS.map((b) => [b, 0])) as Record<LeadBand, number>;
  for (const lead of leads) counts[lead.band] += 1;

  const notes: string[] = [];
  if (table.unknownColumns.length > 0) {
    notes.push(`ignored column(s) the model does not use: ${table.unknownColumns.join(', ')} (check the spelling if one was meant as a signal)`);
  }
  const rows = table.rows.map((r) => r.value);
  const unused = (field: string, has: boolean, icpKey: string) => {
    if (has) notes.push(`some leads have \`${field}\` but no icp.${icpKey} was given, so it was not matched`);
  };
  unused('title', !icp.titles && rows.some((r) => r.title !== undefined && r.title_match === undefined), 'titles');
  unused('company_size', !icp.companySize && rows.some((r) => r.company_size !== undefined && r.company_size_match === undefined), 'companySize');
  unused('industry', !icp.industries && rows.some((r) => r.industry !== undefined && r.industry_match === undefined), 'industries');
  if (table.rejected.length > 0) notes.push(`${table.rejected.length} invalid row(s) were left out; see rejectedRows`);

  return { leads, counts, total: leads.length, model, rejectedRows: table.rejected, notes };
}
