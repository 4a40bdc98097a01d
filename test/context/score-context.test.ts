import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/config/project-paths.js';
import { CONTEXT_SECTIONS, checkContext, parseContext, scoreContext } from '../../src/context/index.js';

const example = await readFile(join(PACKAGE_ROOT, 'context', 'northwind-analytics.md'), 'utf8');
const template = await readFile(join(PACKAGE_ROOT, 'context', '_template.md'), 'utf8');

/** The example with one `##` section's body replaced (or the section removed when body is null). */
function withSection(text: string, heading: string, body: string | null): string {
  const pattern = new RegExp(`## ${heading}\\n[\\s\\S]*?(?=\\n## |$)`);
  if (!pattern.test(text)) throw new Error(`no section ${heading}`);
  return text.replace(pattern, body === null ? '' : `## ${heading}\n\n${body}\n`);
}

describe('scoreContext', () => {
  it('scores the shipped example ready, every section complete', () => {
    const report = scoreContext(parseContext(example, { file: 'northwind-analytics.md' }));
    expect(report.readiness).toBe('ready');
    expect(report.score).toBe(1);
    expect(report.sections.map((s) => s.status)).toEqual(CONTEXT_SECTIONS.map(() => 'complete'));
    expect(report.missing).toEqual([]);
    expect(report.thin).toEqual([]);
  });

  it('scores the template not ready with every section missing (hints do not count)', () => {
    const report = scoreContext(parseContext(template, { file: '_template.md' }));
    expect(report.readiness).toBe('not-ready');
    expect(report.score).toBe(0);
    expect(report.missing).toEqual(CONTEXT_SECTIONS.map((s) => s.id));
    expect(report.sections[0]?.problems).toEqual([
      'The section is empty (comments and hints do not count). Write: what the product is, who buys it, the problem it solves, pricing model and key capabilities.',
    ]);
  });

  it('says exactly which sections are thin and why', () => {
    let text = withSection(example, 'Personas', '### Fiona Grant, VP Finance\n\nRuns finance and owns the board pack. Wants a faster close.');
    text = withSection(text, 'Proof points', '- Customers love the product and tell their peers about it at finance events.\n- Onboarding is quick and painless for most teams, even during a busy close.\n- Rated 4.8 on G2.');
    text = withSection(text, 'Goals', 'Grow pipeline a lot this quarter, win more deals against spreadsheets, and build a stronger brand with the finance buyers we want.');
    text = withSection(text, 'Objections', null);
    const report = scoreContext(parseContext(text, { file: 'thin.md' }));

    expect(report.thin).toEqual(['personas', 'proof-points', 'goals']);
    expect(report.missing).toEqual(['objections']);
    expect(report.readiness).toBe('partial');
    expect(report.score).toBeCloseTo((7 + 3 * 0.5) / 11, 3);
    const problems = Object.fromEntries(report.sections.map((s) => [s.id, s.problems]));
    expect(problems.personas).toEqual([
      'Only 15 words; a complete section has at least 80.',
      '1 named persona; needs at least 2 (as ### sub-headings, list items or table rows).',
    ]);
    expect(problems['proof-points']).toEqual([
      '1 figure-backed proof point; needs at least 2, each its own list item with a number (e.g. "cut month-end reporting from 5 days to 1").',
    ]);
    expect(problems.goals).toEqual(['No figure anywhere; needs a target with a number (e.g. "120 SQLs in Q3").']);
    expect(problems.objections).toEqual([
      'No "## Objections" section. Add one with: what stops people from buying, and the honest answer to each.',
    ]);
  });

  it('is not ready when product or audience is missing, whatever else is there', () => {
    const report = scoreContext(parseContext(withSection(example, 'Audience & ICP', null), { file: 'x.md' }));
    expect(report.readiness).toBe('not-ready');
    expect(report.missing).toEqual(['audience']);
  });

  it('needs half of the other sections written to be partial', () => {
    const only = (ids: string[]) =>
      parseContext(
        ids.map((heading) => `## ${heading}\n\nSome words about this part of the business that are not enough.`).join('\n\n'),
        { file: 'x.md' },
      );
    expect(scoreContext(only(['Product', 'Audience', 'Personas', 'Pains', 'Competitors', 'Differentiation'])).readiness).toBe('not-ready');
    expect(scoreContext(only(['Product', 'Audience', 'Personas', 'Pains', 'Competitors', 'Differentiation', 'Objections'])).readiness).toBe(
      'partial',
    );
  });

  it('checks brand voice for a do and a don\'t, and customer language for quotes', () => {
    const text = withSection(
      withSection(example, 'Brand voice', 'We sound clear, warm and direct. Short sentences, concrete examples, plain words, real numbers, friendly but expert, like a colleague who has done the job before and explains it well, with patience for the reader and respect for the work they already do.'),
      'Customer language',
      'Customers talk about spreadsheets, month-end, the board pack and trust in numbers, and they describe the product as a calm place to find answers without waiting for the data team.',
    );
    const report = scoreContext(parseContext(text, { file: 'x.md' }));
    const byId = Object.fromEntries(report.sections.map((s) => [s.id, s]));
    expect(byId['brand-voice']?.problems).toEqual(["Does not say what to avoid (a don't list)."]);
    expect(byId['customer-language']?.problems).toEqual([
      'No quoted phrase; needs at least 2 verbatim customer phrases in quotation marks.',
    ]);
  });
});

describe('checkContext', () => {
  const thin = parseContext(withSection(example, 'Personas', '### Fiona\n\nVP Finance who owns the board pack.'), { file: 'x.md' });

  it('passes when the required sections meet the needed status', () => {
    const check = checkContext(thin, { required_sections: ['product', 'personas'] });
    expect(check.ok).toBe(true);
    expect(check.blocking).toEqual([]);
  });

  it('blocks on sections below the needed status, with the reasons', () => {
    const check = checkContext(thin, { required_sections: ['product', 'personas', 'audience'], min_status: 'complete' });
    expect(check.ok).toBe(false);
    expect(check.blocking).toEqual([
      {
        section: 'personas',
        status: 'thin',
        needed: 'complete',
        problems: ['Only 8 words; a complete section has at least 80.', '1 named persona; needs at least 2 (as ### sub-headings, list items or table rows).'],
      },
    ]);
    expect(check.report.readiness).toBe('partial');
  });

  it('blocks on a missing section even when thin would do', () => {
    const check = checkContext(parseContext('## Product\n\nAnvils.', { file: 'x.md' }), { required_sections: ['product', 'goals'] });
    expect(check.blocking.map((b) => [b.section, b.status])).toEqual([['goals', 'missing']]);
  });
});
