import { describe, expect, it } from 'vitest';
import { offDomainTask } from '../../src/routing/text/off-domain-task.js';

describe('offDomainTask', () => {
  it.each([
    'write a job description for a senior content marketer',
    'review this NDA with our ad agency and flag any risky clauses',
    "Our PPC freelancer's contract ends in June - draft the termination letter",
    'how do I legally let go of an underperforming marketing coordinator?',
    'our marketing agency hasn\'t paid our invoice in 90 days, draft a firm payment reminder',
    'how does VAT work when I sell on Amazon in the EU',
    'Build the annual budget forecast for the company in Excel: revenue, opex and headcount',
    'Is it legal to record sales calls without telling customers?',
    'Write me a cover letter for a marketing coordinator job',
    'write a SQL query that finds customers with no orders in the last 90 days',
    'fix the CSS so the signup button on our landing page is centred',
    'plan the office holiday party for the marketing team',
    'write a poem about autumn leaves',
    'Write a wedding speech for my brother, he is a copywriter',
    'Our PR agency invoiced us twice for October. Write a polite email asking for a credit note.',
    'fix this SQL pls: SELECT campaign_id, SUM(spend) FROM ad_spend GROUP campaign_id',
    "I'm a content marketer and I think I'm underpaid. How do I ask my manager for a pay rise?",
    'Set up an interview schedule for the four candidates for our brand designer role',
    'how do we register a trademark for our new product name in the UK?',
    'sheets formula to sum the spend column where the channel is Meta',
    'write a regex that checks the email field on our signup form',
    'how do I turn on 2FA for the marketing team\'s shared accounts?',
  ])('is another department’s work: %s', (text) => {
    expect(offDomainTask(text)).toBe(true);
  });

  it.each([
    'Google responsive search ads for a B2B payroll platform: 15 headlines, 4 descriptions',
    'Our B2B SaaS does invoice automation for construction firms and the homepage headline is vague',
    'rsa headlines + descriptions for a personal injury lawyer',
    'How did our Q3 webinar campaign perform? I have registrations, attendance and pipeline numbers',
    'trademark usage rules for our brand guidelines',
    'help me make our launch video go viral, let it go out on Tuesday',
    'a LinkedIn post announcing that we are hiring two engineers',
    'what should our newsletter be about each month?',
    'the services page for our accountancy firm: bookkeeping, year-end accounts, tax returns, payroll',
    'select the best subject line from these five',
    'landing page for our two-factor authentication app for small banks',
  ])('is marketing work that names such words: %s', (text) => {
    expect(offDomainTask(text)).toBe(false);
  });
});
