import { describe, expect, it } from 'vitest';
import { resolveUtmPolicy } from '../../../src/ops/utm/utm-policy.js';
import { validateUtmUrl } from '../../../src/ops/utm/validate-utm-url.js';

const policy = resolveUtmPolicy({ campaigns: ['spring-launch', 'blog-promo-march'] });
const codes = (url: string) => validateUtmUrl(url, policy).issues.map((i) => `${i.severity}:${i.code}`);

describe('validateUtmUrl', () => {
  it('accepts a clean paid-search link with a keyword', () => {
    const result = validateUtmUrl('https://example.com/?utm_source=google&utm_medium=cpc&utm_campaign=spring-launch&utm_term=crm-software', policy);
    expect(result.ok).toBe(true);
    expect(result.issues).toEqual([]);
    expect(result.suggestedUrl).toBeUndefined();
    expect(result.params).toEqual({ utm_source: 'google', utm_medium: 'cpc', utm_campaign: 'spring-launch', utm_term: 'crm-software' });
  });

  it('flags uppercase and suggests the lowercase link', () => {
    const result = validateUtmUrl('https://example.com/?utm_source=LinkedIn&utm_medium=social&utm_campaign=spring-launch', policy);
    expect(result.ok).toBe(false);
    expect(codes(result.url)).toEqual(['error:uppercase']);
    expect(result.suggestedUrl).toBe('https://example.com/?utm_source=linkedin&utm_medium=social&utm_campaign=spring-launch');
  });

  it('flags spaces (encoded as + or %20) and underscores', () => {
    const url = 'https://example.com/?utm_source=partner_site&utm_medium=referral&utm_campaign=spring+launch&utm_content=cta%20blue';
    expect(codes(url)).toEqual(['error:underscores', 'error:spaces', 'error:spaces']);
    expect(validateUtmUrl(url, policy).suggestedUrl).toBe(
      'https://example.com/?utm_source=partner-site&utm_medium=referral&utm_campaign=spring-launch&utm_content=cta-blue',
    );
  });

  it('rejects utm_term on an email link and drops it in the suggestion', () => {
    const result = validateUtmUrl('https://example.com/?utm_source=newsletter&utm_medium=email&utm_campaign=spring-launch&utm_term=crm', policy);
    expect(result.ok).toBe(false);
    expect(result.issues).toMatchObject([{ code: 'term-not-paid-search', severity: 'error', param: 'utm_term', fixable: true }]);
    expect(result.suggestedUrl).toBe('https://example.com/?utm_source=newsletter&utm_medium=email&utm_campaign=spring-launch');
  });

  it('reports a missing medium as an error with no mechanical fix', () => {
    const result = validateUtmUrl('https://example.com/?utm_source=google&utm_campaign=spring-launch', policy);
    expect(result.ok).toBe(false);
    expect(result.issues).toMatchObject([{ code: 'missing', param: 'utm_medium', fixable: false }]);
    expect(result.suggestedUrl).toBeUndefined();
  });

  it('keeps existing query parameters and the fragment byte for byte', () => {
    const url = 'https://example.com/p?ref=nav&q=a%2Bb&utm_source=Google&utm_medium=cpc&utm_campaign=spring-launch&flag#section-2?x=1';
    const result = validateUtmUrl(url, policy);
    expect(result.suggestedUrl).toBe('https://example.com/p?ref=nav&q=a%2Bb&utm_source=google&utm_medium=cpc&utm_campaign=spring-launch&flag#section-2?x=1');
  });

  it('strips accents, warns about them, and keeps non-Latin letters with a warning', () => {
    const accented = validateUtmUrl('https://example.com/?utm_source=google&utm_medium=cpc&utm_campaign=caf%C3%A9-launch', resolveUtmPolicy());
    expect(accented.issues.map((i) => i.code)).toEqual(['diacritics']);
    expect(accented.ok).toBe(true);
    expect(accented.suggestedUrl).toContain('utm_campaign=cafe-launch');

    const japanese = validateUtmUrl(`https://example.com/?utm_source=google&utm_medium=cpc&utm_campaign=${encodeURIComponent('春セール')}`, resolveUtmPolicy());
    expect(japanese.issues.map((i) => `${i.severity}:${i.code}`)).toEqual(['warning:non-ascii']);
    expect(japanese.params.utm_campaign).toBe('春セール');
  });

  it('rejects non-http(s) and unparseable URLs', () => {
    expect(validateUtmUrl('ftp://example.com/?utm_source=a', policy).issues).toMatchObject([{ code: 'unsupported-protocol' }]);
    expect(validateUtmUrl('mailto:someone@example.com', policy).issues).toMatchObject([{ code: 'unsupported-protocol' }]);
    expect(validateUtmUrl('example.com/page', policy).issues).toMatchObject([{ code: 'invalid-url' }]);
  });

  it('checks the medium against the allowed list with a hint, and the list is configurable', () => {
    const url = 'https://example.com/?utm_source=google&utm_medium=emial&utm_campaign=spring-launch';
    const result = validateUtmUrl(url, policy);
    expect(result.issues[0]?.code).toBe('medium-not-allowed');
    expect(result.issues[0]?.message).toContain('did you mean "email"');
    expect(validateUtmUrl(url, resolveUtmPolicy({ allowedMediums: ['emial'] })).ok).toBe(true);
  });

  it('normalises before checking the medium, so Paid_Social only needs the mechanical fix', () => {
    const result = validateUtmUrl('https://example.com/?utm_source=meta&utm_medium=Paid_Social&utm_campaign=spring-launch', policy);
    expect(result.issues.map((i) => i.code)).toEqual(['uppercase', 'underscores']);
    expect(result.suggestedUrl).toContain('utm_medium=paid-social');
  });

  it('warns when the campaign is not in the registry, with a close match', () => {
    const result = validateUtmUrl('https://example.com/?utm_source=google&utm_medium=cpc&utm_campaign=spring-lanch', policy);
    expect(result.ok).toBe(true);
    expect(result.issues).toMatchObject([{ code: 'campaign-not-in-registry', severity: 'warning' }]);
    expect(result.issues[0]?.message).toContain('did you mean "spring-launch"');
  });

  it('flags uppercase parameter names, duplicates, empty values and unknown utm_ keys', () => {
    const url = 'https://example.com/?UTM_SOURCE=google&utm_medium=cpc&utm_medium=email&utm_campaign=&utm_foo=1&utm_id=abc';
    expect(codes(url)).toEqual(['error:key-case', 'error:duplicate', 'warning:unknown-utm-param', 'error:empty']);
    expect(validateUtmUrl(url, policy).suggestedUrl).toBe(
      'https://example.com/?utm_source=google&utm_medium=cpc&utm_medium=email&utm_campaign=&utm_foo=1&utm_id=abc',
    );
  });
});
