import { describe, expect, it } from 'vitest';
import { buildUtmUrl } from '../../../src/ops/utm/build-utm-url.js';
import { resolveUtmPolicy } from '../../../src/ops/utm/utm-policy.js';

const policy = resolveUtmPolicy({ campaigns: ['spring-launch'] });

describe('buildUtmUrl', () => {
  it('normalises values, keeps existing parameters and the fragment, and lists each change', () => {
    const result = buildUtmUrl(
      { url: 'https://example.com/pricing?ref=nav&plan=Pro#plans', source: 'Newsletter', medium: 'email', campaign: 'Spring Launch', content: 'cta_button' },
      policy,
    );
    expect(result.ok).toBe(true);
    expect(result.url).toBe(
      'https://example.com/pricing?ref=nav&plan=Pro&utm_source=newsletter&utm_medium=email&utm_campaign=spring-launch&utm_content=cta-button#plans',
    );
    expect(result.changes).toEqual([
      'utm_source: "Newsletter" → "newsletter"',
      'utm_campaign: "Spring Launch" → "spring-launch"',
      'utm_content: "cta_button" → "cta-button"',
    ]);
    expect(result.issues).toEqual([]);
  });

  it('replaces UTM parameters the URL already had and says so', () => {
    const result = buildUtmUrl({ url: 'https://example.com/?utm_source=old&a=1&utm_term=x', source: 'google', medium: 'cpc', campaign: 'spring-launch' }, policy);
    expect(result.url).toBe('https://example.com/?a=1&utm_source=google&utm_medium=cpc&utm_campaign=spring-launch');
    expect(result.replaced).toEqual(['utm_source=old', 'utm_term=x']);
  });

  it('allows a keyword for paid search only', () => {
    expect(buildUtmUrl({ url: 'https://example.com', source: 'google', medium: 'cpc', campaign: 'spring-launch', term: 'CRM Software' }, policy).url).toBe(
      'https://example.com?utm_source=google&utm_medium=cpc&utm_campaign=spring-launch&utm_term=crm-software',
    );
    const email = buildUtmUrl({ url: 'https://example.com', source: 'newsletter', medium: 'email', campaign: 'spring-launch', term: 'crm' }, policy);
    expect(email.ok).toBe(false);
    expect(email.url).toBeNull();
    expect(email.issues.map((i) => i.code)).toContain('term-not-paid-search');
  });

  it('refuses a medium outside the list, an empty value and a non-http URL', () => {
    expect(buildUtmUrl({ url: 'https://example.com', source: 'google', medium: 'banner', campaign: 'spring-launch' }, policy).issues[0]?.code).toBe(
      'medium-not-allowed',
    );
    const empty = buildUtmUrl({ url: 'https://example.com', source: '  ', medium: 'cpc', campaign: 'spring-launch' }, policy);
    expect(empty.issues).toMatchObject([{ code: 'empty', param: 'utm_source' }]);
    expect(buildUtmUrl({ url: 'javascript:alert(1)', source: 'a', medium: 'cpc', campaign: 'b' }, policy).issues[0]?.code).toBe('unsupported-protocol');
  });

  it('percent-encodes non-Latin campaign names and warns', () => {
    const result = buildUtmUrl({ url: 'https://example.com/', source: 'line', medium: 'social', campaign: '春 セール' }, resolveUtmPolicy());
    expect(result.url).toBe(`https://example.com/?utm_source=line&utm_medium=social&utm_campaign=${encodeURIComponent('春-セール')}`);
    expect(result.issues.map((i) => i.code)).toEqual(['non-ascii']);
  });
});
