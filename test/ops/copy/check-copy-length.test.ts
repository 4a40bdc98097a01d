import { describe, expect, it } from 'vitest';
import { CHANNEL_LIMITS, countCharacters } from '../../../src/ops/channel-limits.js';
import { checkCopyLength } from '../../../src/ops/copy/check-copy-length.js';
import { checkCopyLengthOpsTool } from '../../../src/ops/copy/check-copy-length-ops-tool.js';

describe('channel limits', () => {
  it('holds the documented ceilings, each with a source note', () => {
    const table = Object.fromEntries(Object.values(CHANNEL_LIMITS).map((l) => [l.id, [l.maxChars, 'maxCount' in l ? l.maxCount : undefined]]));
    expect(table).toEqual({
      'rsa-headline': [30, 15],
      'rsa-description': [90, 4],
      'meta-title': [60, undefined],
      'meta-description': [155, undefined],
      'x-post': [280, undefined],
      'linkedin-post': [3000, undefined],
      'email-subject': [60, undefined],
      'email-preheader': [90, undefined],
    });
    for (const limit of Object.values(CHANNEL_LIMITS)) expect(limit.source.length).toBeGreaterThan(20);
  });

  it('counts user-perceived characters after trimming', () => {
    expect(countCharacters('  héllo  ')).toBe(5);
    expect(countCharacters('e\u0301')).toBe(1); // e + combining accent
    expect(countCharacters('👍🏽 ok')).toBe(4); // emoji with skin tone is one character
    expect(countCharacters('👨‍👩‍👧')).toBe(1); // family ZWJ sequence
  });
});

describe('checkCopyLength', () => {
  it('passes a headline of exactly 30 characters and fails one of 31', () => {
    const thirty = 'a'.repeat(30);
    const result = checkCopyLength('rsa-headline', [thirty, `${thirty}b`]);
    expect(result.items.map((i) => [i.characters, i.remaining, i.passed])).toEqual([
      [30, 0, true],
      [31, -1, false],
    ]);
    expect(result.items[1]?.problem).toBe('1 character(s) over the 30-character limit');
    expect(result.passed).toBe(false);
  });

  it('fails more texts than the channel allows and empty texts', () => {
    const result = checkCopyLength('rsa-description', ['a', 'b', 'c', 'd', 'e']);
    expect(result.countOk).toBe(false);
    expect(result.passed).toBe(false);
    expect(checkCopyLength('email-subject', ['   ']).items[0]).toMatchObject({ passed: false, problem: 'empty text' });
  });

  it('counts an emoji subject line by what the reader sees', () => {
    const subject = `${'🎉'.repeat(59)}!`;
    expect(checkCopyLength('email-subject', [subject]).items[0]).toMatchObject({ characters: 60, passed: true });
  });

  it('names the valid ids for an unknown limit', () => {
    expect(() => checkCopyLength('tiktok-caption', ['x'])).toThrow(/unknown limit "tiktok-caption"; expected one of rsa-headline/);
    expect(() => checkCopyLengthOpsTool.run({ limit: 'tiktok-caption' as 'x-post', text: 'x' })).toThrow(/limit: expected one of/);
  });

  it('renders a Markdown report', async () => {
    const output = await checkCopyLengthOpsTool.run({ limit: 'meta-title', text: 'Marketing ops | Plan, launch and measure' });
    expect(output.passed).toBe(true);
    expect(checkCopyLengthOpsTool.toMarkdown(output)).toContain('| 1 | Marketing ops \\| Plan, launch and measure | 40 | 20 | pass |');
  });
});
