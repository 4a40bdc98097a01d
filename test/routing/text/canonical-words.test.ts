import { describe, expect, it } from 'vitest';
import { rewritePhrases, startsPhrase } from '../../../src/routing/text/canonical-words.js';

describe('phrase anchors', () => {
  it('start a whole-word pattern only at that word', () => {
    expect(rewritePhrases(['ab', 'testing', 'ideas'])).toEqual(['abtest', 'ideas']);
    expect(rewritePhrases(['run', 'an', 'ab'])).toEqual(['run', 'an', 'abtest']);
    expect(startsPhrase('abroad')).toBe(false);
    expect(startsPhrase('able')).toBe(false);
  });

  it('start the shopping-ads pattern at each of its first words, and nowhere else', () => {
    expect(rewritePhrases(['google', 'shopping', 'ads'])).toEqual(['shoppingads']);
    expect(rewritePhrases(['shopping', 'campaigns', 'for', 'shoes'])).toEqual(['shoppingads', 'for', 'shoes']);
    expect(rewritePhrases(['fix', 'our', 'product', 'feed'])).toEqual(['fix', 'our', 'shoppingads']);
    expect(startsPhrase('hello')).toBe(false);
  });
});
