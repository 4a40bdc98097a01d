import { describe, expect, it } from 'vitest';
import { MopsError } from '../../src/errors/index.js';
import { matchSectionHeading, parseContext } from '../../src/context/index.js';

describe('parseContext', () => {
  it('reads front matter, the company from the title, and sections with their lines', () => {
    const text = [
      '---',
      'name: acme',
      'updated: 2026-10-01',
      '---',
      '',
      '# Acme Anvils — marketing context',
      '',
      '## Product',
      '',
      'Acme sells anvils to cartoon coyotes.',
      '',
      '## Goals',
      '',
      '- Sell 300 anvils in Q1.',
    ].join('\n');
    const context = parseContext(text, { file: 'context/acme.md' });
    expect(context).toMatchObject({ name: 'acme', company: 'Acme Anvils', updated: '2026-10-01', file: 'context/acme.md' });
    expect(context.sections.product).toEqual({ heading: 'Product', text: 'Acme sells anvils to cartoon coyotes.', line: 8 });
    expect(context.sections.goals?.line).toBe(12);
    expect(context.sections.personas).toBeUndefined();
  });

  it('takes the name from the file when there is no front matter, and from options first', () => {
    expect(parseContext('## Product\n\nx\n', { file: '/tmp/contexts/globex.md' }).name).toBe('globex');
    expect(parseContext('---\nname: fm\n---\n', { file: 'a.md', name: 'given' }).name).toBe('given');
  });

  it('matches headings case-insensitively, with & or and, numbering and aliases', () => {
    const text = [
      '## 1. PRODUCT',
      'p',
      '## ICP',
      'a',
      '## Buyer personas',
      'b',
      '## Voice & Tone',
      'c',
      '## Customer Language',
      'd',
      '## Pain points',
      'e',
      '## Social proof',
      'f',
      '## OKRs',
      'g',
      '## Pricing history',
      'h',
    ].join('\n');
    const context = parseContext(text, { file: 'x.md' });
    expect(Object.keys(context.sections).sort()).toEqual(
      ['audience', 'brand-voice', 'customer-language', 'goals', 'pains', 'personas', 'product', 'proof-points'].sort(),
    );
    expect(context.sections.audience?.heading).toBe('ICP');
    expect(context.unknownSections).toEqual([{ heading: 'Pricing history', text: 'h', line: 17 }]);
    expect(matchSectionHeading('Audience and ICP')).toBe('audience');
    expect(matchSectionHeading('Audience & ICP')).toBe('audience');
    expect(matchSectionHeading('Competitive landscape')).toBe('competitors');
  });

  it('drops HTML comments and hint blockquotes but keeps real quotes', () => {
    const text = [
      '## Customer language',
      '<!-- guidance',
      'spanning lines -->',
      '> Hint: paste verbatim quotes.',
      '> More of the hint.',
      '',
      '> "We live in spreadsheets."',
      '',
      '## Goals',
    ].join('\n');
    const context = parseContext(text, { file: 'x.md' });
    expect(context.sections['customer-language']?.text).toBe('> "We live in spreadsheets."');
    expect(context.sections.goals?.line).toBe(9);
  });

  it('ignores headings inside code fences', () => {
    const text = '## Brand voice\n\n```md\n## Product\n```\n';
    const context = parseContext(text, { file: 'x.md' });
    expect(context.sections.product).toBeUndefined();
    expect(context.sections['brand-voice']?.text).toContain('## Product');
  });

  it('merges a repeated section into the first', () => {
    const context = parseContext('## Pains\n\nOne.\n\n## Objections\n\nx\n\n## Pains\n\nTwo.\n', { file: 'x.md' });
    expect(context.sections.pains).toMatchObject({ line: 1, text: 'One.\n\nTwo.' });
  });

  it('throws INVALID_FILE at the line of broken front matter', () => {
    const broken = '---\nname: acme\ncompany: [unclosed\n---\n## Product\n';
    const error = (() => {
      try {
        parseContext(broken, { file: 'context/acme.md' });
      } catch (caught) {
        return caught as MopsError;
      }
      return undefined;
    })();
    expect(error?.code).toBe('INVALID_FILE');
    expect(error?.location?.file).toBe('context/acme.md');
    expect(error?.location?.line).toBeGreaterThanOrEqual(3);
    expect(() => parseContext('---\nname: acme\n', { file: 'a.md' })).toThrow('a.md:1:1: The front matter opened with --- on line 1 is never closed');
  });
});
