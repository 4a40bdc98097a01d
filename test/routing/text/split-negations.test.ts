import { describe, expect, it } from 'vitest';
import { splitNegations } from '../../../src/routing/text/split-negations.js';

describe('splitNegations', () => {
  it('sets apart what a request rules out', () => {
    expect(splitNegations('I need a LinkedIn post, not a blog article')).toEqual({ wanted: 'I need a LinkedIn post,', excluded: ['a blog article'] });
    expect(splitNegations("We don't need proofreading. Make it sound human.").excluded).toEqual(['proofreading']);
  });

  it('sets apart what is already done: the subject of "... are already set up"', () => {
    const split = splitNegations('Targeting and budget are already set up and working. I only need the actual text for the ads.');
    expect(split.excluded).toEqual(['Targeting and budget']);
    expect(split.wanted).not.toMatch(/targeting|budget/i);
    expect(split.wanted).toMatch(/actual text for the ads/);
    expect(splitNegations('Our ICP and positioning are already documented. Now turn them into standards.').excluded).toEqual(['Our ICP and positioning']);
  });

  it('sets apart what "we have already got" names', () => {
    expect(splitNegations("we've already got the content calendar sorted. write the first guide").excluded).toEqual(['the content calendar sorted']);
  });

  it('keeps a state that describes the problem', () => {
    expect(splitNegations('the page is already live, why is nobody signing up?')).toEqual({ wanted: 'the page is already live, why is nobody signing up?', excluded: [] });
    expect(splitNegations('our homepage does not convert').excluded).toEqual([]);
  });
});
