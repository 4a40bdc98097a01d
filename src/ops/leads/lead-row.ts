import { z } from 'zod';
import { LEAD_SIGNAL_IDS, LEAD_SIGNALS, type LeadSignal } from './lead-scoring-model.js';

const signalFields = Object.fromEntries(
  LEAD_SIGNAL_IDS.map((id) => [id, z.boolean().optional().describe(`True when the lead ${LEAD_SIGNALS[id].meaning}.`)]),
) as Record<LeadSignal, z.ZodOptional<z.ZodBoolean>>;

/** One lead: identity, raw attributes the ICP can be matched against, and yes/no signals. */
export const leadRowSchema = z.object({
  id: z.string().optional().describe('Lead id; falls back to email, then the row number.'),
  email: z.string().optional().describe('Email address; its domain is checked for student and competitor domains.'),
  name: z.string().optional().describe('Display name.'),
  company: z.string().optional().describe('Company name.'),
  title: z.string().optional().describe('Job title, matched against icp.titles when title_match is not given.'),
  company_size: z.number().min(0).optional().describe('Employees, matched against icp.companySize when company_size_match is not given.'),
  industry: z.string().optional().describe('Industry, matched against icp.industries when industry_match is not given.'),
  emails_opened: z.number().int().min(0).optional().describe('Marketing emails opened; 3 or more sets opened_3plus_emails.'),
  ...signalFields,
});

export type LeadRow = z.output<typeof leadRowSchema>;

export const DEFAULT_STUDENT_DOMAINS = ['edu', 'ac.uk', 'edu.au', 'ac.nz', 'ac.jp', 'ac.in', 'edu.cn', 'ac.za', 'edu.sg', 'ac.kr'];

export const icpSchema = z
  .strictObject({
    titles: z.array(z.string()).optional().describe('ICP job titles; a lead matches when every word of one of them is in its title (e.g. "vp marketing").'),
    companySize: z
      .strictObject({
        min: z.number().optional().describe('Smallest ICP company (employees).'),
        max: z.number().optional().describe('Largest ICP company (employees).'),
      })
      .optional()
      .describe('ICP company size range, inclusive.'),
    industries: z.array(z.string()).optional().describe('ICP industries (case-insensitive).'),
    competitorDomains: z.array(z.string()).optional().describe('Email domains of competitors, e.g. rival.com.'),
    studentDomains: z
      .array(z.string())
      .optional()
      .describe(`Academic email domain suffixes. Default: ${DEFAULT_STUDENT_DOMAINS.join(', ')}.`),
  })
  .describe('Ideal customer profile, used to derive signals from raw lead attributes.');

export type Icp = z.output<typeof icpSchema>;

const words = (text: string): string[] => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

function domainOf(email: string): string | undefined {
  const at = email.lastIndexOf('@');
  return at === -1 ? undefined : email.slice(at + 1).trim().toLowerCase();
}

function domainMatches(domain: string, suffix: string): boolean {
  const s = suffix.trim().toLowerCase().replace(/^[@.]+/, '');
  return domain === s || domain.endsWith(`.${s}`);
}

export interface SignalReading {
  fired: boolean;
  reason: string;
}

/**
 * Reads every signal of a lead: an explicit yes/no column wins; otherwise the signal is
 * derived from raw attributes and the ICP where possible; otherwise it did not fire.
 */
export function readLeadSignals(lead: LeadRow, icp: Icp = {}): Map<LeadSignal, SignalReading> {
  const out = new Map<LeadSignal, SignalReading>();
  for (const id of LEAD_SIGNAL_IDS) {
    const given = lead[id];
    if (given !== undefined) {
      out.set(id, { fired: given, reason: LEAD_SIGNALS[id].meaning.replace(/ \(.*\)$/, '') });
      continue;
    }
    const derived = deriveSignal(id, lead, icp);
    if (derived) out.set(id, derived);
  }
  return out;
}

function deriveSignal(id: LeadSignal, lead: LeadRow, icp: Icp): SignalReading | undefined {
  const domain = lead.email ? domainOf(lead.email) : undefined;
  switch (id) {
    case 'title_match': {
      if (!lead.title || !icp.titles) return undefined;
      const have = new Set(words(lead.title));
      const hit = icp.titles.find((t) => words(t).length > 0 && words(t).every((w) => have.has(w)));
      return { fired: hit !== undefined, reason: hit ? `title "${lead.title}" matches ICP title "${hit}"` : '' };
    }
    case 'company_size_match': {
      if (lead.company_size === undefined || !icp.companySize) return undefined;
      const { min = 0, max = Number.POSITIVE_INFINITY } = icp.companySize;
      const fired = lead.company_size >= min && lead.company_size <= max;
      return { fired, reason: `company size ${lead.company_size} is within ${min}-${Number.isFinite(max) ? max : 'any'}` };
    }
    case 'industry_match': {
      if (!lead.industry || !icp.industries) return undefined;
      const have = words(lead.industry).join(' ');
      const hit = icp.industries.find((i) => words(i).join(' ') === have);
      return { fired: hit !== undefined, reason: `industry "${lead.industry}" is an ICP industry` };
    }
    case 'opened_3plus_emails':
      if (lead.emails_opened === undefined) return undefined;
      return { fired: lead.emails_opened >= 3, reason: `opened ${lead.emails_opened} emails` };
    case 'student_email': {
      if (!domain) return undefined;
      const hit = (icp.studentDomains ?? DEFAULT_STUDENT_DOMAINS).find((s) => domainMatches(domain, s));
      return { fired: hit !== undefined, reason: `academic email domain ${domain}` };
    }
    case 'competitor': {
      if (!domain || !icp.competitorDomains) return undefined;
      const hit = icp.competitorDomains.find((s) => domainMatches(domain, s));
      return { fired: hit !== undefined, reason: `email domain ${domain} belongs to a competitor` };
    }
    default:
      return undefined;
  }
}
