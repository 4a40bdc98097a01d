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

  it('start a pattern with an optional space at the first word alone or at both words run together', () => {
    expect(rewritePhrases(['opt', 'in', 'form'])).toEqual(['optin', 'form']);
    expect(rewritePhrases(['optin', 'form'])).toEqual(['optin', 'form']);
    expect(rewritePhrases(['optins'])).toBeUndefined();
    expect(startsPhrase('optins')).toBe(true);
    expect(startsPhrase('optimise')).toBe(false);
    expect(startsPhrase('google')).toBe(true);
    expect(rewritePhrases(['our', 'go', 'to', 'market', 'plan'])).toEqual(['our', 'gotomarket', 'plan']);
    expect(rewritePhrases(['dedupe', 'the', 'list'])).toEqual(['datahygiene', 'the', 'list']);
  });

  it('start a pattern whose first word is followed by a space only at that whole word', () => {
    expect(rewritePhrases(['ad', 'spend'])).toEqual(['adspend']);
    expect(startsPhrase('address')).toBe(false);
    expect(rewritePhrases(['local', 'pack'])).toEqual(['local', 'seo', 'rankings']);
    expect(startsPhrase('locally')).toBe(false);
  });

  it('after a rewrite, try the later patterns whose requirement the new words meet', () => {
    // "google ads" is put in for "adwords"; the later patterns need nothing it brings.
    expect(rewritePhrases(['google', 'adwords', 'spend'])).toEqual(['google', 'ads', 'spend']);
  });
});

