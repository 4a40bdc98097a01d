/** The eight areas of a full marketing audit, what to look at, and the questions to ask. */
export const AUDIT_AREAS = ['strategy', 'content', 'seo', 'paid', 'email', 'social', 'martech', 'data'] as const;
export type AuditArea = (typeof AUDIT_AREAS)[number];

export const AUDIT_AREA_INFO: Record<AuditArea, { label: string; assess: string; questions: readonly string[] }> = {
  strategy: {
    label: 'Strategy',
    assess: 'positioning, ideal customer profile, messaging',
    questions: [
      'Is our positioning clearly different from the alternatives buyers compare us with?',
      'Can we state the ideal customer profile in one sentence, with firmographics?',
      'Does every channel carry the same core message?',
    ],
  },
  content: {
    label: 'Content',
    assess: 'quality, volume, performance',
    questions: ['Which pieces bring traffic, and which bring conversions?', 'Do we publish on a steady cadence tied to a plan?'],
  },
  seo: {
    label: 'SEO',
    assess: 'rankings, technical health, content gaps',
    questions: [
      'Are we on page one for the terms our buyers search?',
      'Do crawl, speed or indexing problems hold pages back?',
      'Which topics do competitors rank for that we do not cover?',
    ],
  },
  paid: {
    label: 'Paid',
    assess: 'return on ad spend, cost per acquisition, channel mix',
    questions: ['Is each paid channel profitable at its current CPA and ROAS?', 'Does budget move toward the channels that convert?'],
  },
  email: {
    label: 'Email',
    assess: 'list health, engagement, automation',
    questions: ['Do our sequences turn subscribers into customers?', 'Is the list growing while bounces and unsubscribes stay low?'],
  },
  social: {
    label: 'Social',
    assess: 'reach, engagement, brand consistency',
    questions: ['Is the audience growing and engaging, beyond us posting?', 'Does the brand look and sound the same on every network?'],
  },
  martech: {
    label: 'MarTech',
    assess: 'stack utilisation, integration health',
    questions: ['Is every tool connected to the CRM and actually used?', 'Would we notice within a day if an integration broke?'],
  },
  data: {
    label: 'Data',
    assess: 'data quality, attribution, reporting',
    questions: ['Do we trust the numbers enough to move budget on them?', 'Does every lead carry its source, medium and campaign?'],
  },
};

export type AuditScore = 1 | 2 | 3 | 4 | 5;

/** What each score means and what to do about it. */
export const AUDIT_SCALE: Record<AuditScore, { status: string; action: string }> = {
  1: { status: 'Not present', action: 'Build it from scratch' },
  2: { status: 'Basic but underperforming', action: 'Needs significant improvement' },
  3: { status: 'Functional', action: 'Optimise and iterate' },
  4: { status: 'Strong', action: 'Maintain and scale' },
  5: { status: 'Best-in-class', action: 'Protect it and document how it works' },
};
