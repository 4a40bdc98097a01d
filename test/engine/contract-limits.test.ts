import { describe, expect, it } from 'vitest';
import { checkOutputContract } from '../../src/engine/index.js';
import { CHANNEL_LIMIT_IDS, CHANNEL_LIMITS, countCharacters } from '../../src/ops/channel-limits.js';
import { CONTRACT_LIMIT_IDS } from '../../src/skills/skill-capabilities.js';

/** Copy of exactly `n` user-perceived characters, made of words, not ending in a space. */
function copyOf(n: number): string {
  const words = 'Close the books in days and give the board numbers it trusts ';
  let text = '';
  while (text.length < n) text += words;
  text = text.slice(0, n);
  return text.endsWith(' ') ? `${text.slice(0, -1)}.` : text;
}

const contractFor = (limit: string) => ({ sections: ['Copy'], limits: [{ section: 'Copy', limit }] });
const check = (limit: string, items: string[]) => checkOutputContract(`## Copy\n\n${items.map((item) => `- ${item}`).join('\n')}\n`, contractFor(limit));

/** Every channel limit with its ceiling (and count ceiling): the table the contracts enforce. */
const BOUNDARIES: [id: string, maxChars: number, maxCount: number | undefined][] = [
  ['rsa-headline', 30, 15],
  ['rsa-description', 90, 4],
  ['meta-title', 60, undefined],
  ['meta-description', 155, undefined],
  ['x-post', 280, undefined],
  ['linkedin-post', 3000, undefined],
  ['email-subject', 60, undefined],
  ['email-preheader', 90, undefined],
];

describe('output contract limits at their boundaries', () => {
  it('covers every id a contract may use', () => {
    expect(BOUNDARIES.map(([id]) => id)).toEqual([...CHANNEL_LIMIT_IDS]);
    expect(CONTRACT_LIMIT_IDS).toEqual([...CHANNEL_LIMIT_IDS, 'utm-links', 'brief-fields']);
    for (const [id, maxChars, maxCount] of BOUNDARIES) {
      expect(CHANNEL_LIMITS[id as keyof typeof CHANNEL_LIMITS]).toMatchObject({ maxChars, ...(maxCount !== undefined && { maxCount }) });
    }
  });

  it.each(BOUNDARIES)('%s: %i characters pass, one more fails with the item and its count', (id, maxChars) => {
    const atLimit = copyOf(maxChars);
    const over = copyOf(maxChars + 1);
    expect(countCharacters(atLimit)).toBe(maxChars);
    expect(countCharacters(over)).toBe(maxChars + 1);
    expect(check(id, [atLimit])).toEqual([]);
    const label = CHANNEL_LIMITS[id as keyof typeof CHANNEL_LIMITS].label;
    expect(check(id, [atLimit, over])).toEqual([`Section "Copy": 1 item(s) exceed the ${label} limit of ${maxChars} characters: "${over}" (${maxChars + 1}).`]);
  });

  it('rsa-headline: 15 headlines pass, 16 fail', () => {
    const headlines = Array.from({ length: 16 }, (_, i) => `Close the books in ${i + 1} days`);
    expect(check('rsa-headline', headlines.slice(0, 15))).toEqual([]);
    expect(check('rsa-headline', headlines)).toEqual(['Section "Copy" has 16 items; a Google Ads responsive search ad headline allows at most 15.']);
  });

  it('rsa-description: 4 descriptions pass, 5 fail', () => {
    const descriptions = Array.from({ length: 5 }, (_, i) => `Month-end close in ${i + 2} days, with numbers your board trusts.`);
    expect(check('rsa-description', descriptions.slice(0, 4))).toEqual([]);
    expect(check('rsa-description', descriptions)).toEqual(['Section "Copy" has 5 items; a Google Ads responsive search ad description allows at most 4.']);
  });

  it('email-preheader counts graphemes: an emoji (even with a skin tone or a ZWJ family) counts as one', () => {
    const thumbs = '👍🏽';
    const family = '👨‍👩‍👧';
    const atLimit = `${copyOf(88)} ${thumbs}`;
    expect(atLimit.length).toBeGreaterThan(90);
    expect(countCharacters(atLimit)).toBe(90);
    expect(check('email-preheader', [atLimit])).toEqual([]);
    const over = `${copyOf(88)}${family} ${thumbs}`;
    expect(countCharacters(over)).toBe(91);
    expect(check('email-preheader', [over])).toEqual([
      `Section "Copy": 1 item(s) exceed the Email preheader (preview text) limit of 90 characters: "${over}" (91).`,
    ]);
  });

  it('ignores list markers, wrapping quotes, emphasis and a "(n chars)" note when counting', () => {
    const headline = copyOf(30);
    const output = `## Copy\n\n1. "${headline}" (30 chars)\n2) **${headline}**\n* ${headline} [30 characters]\n`;
    expect(checkOutputContract(output, contractFor('rsa-headline'))).toEqual([]);
  });
});

describe('utm-links', () => {
  const good = 'https://northwind.example/pulse?utm_source=linkedin&utm_medium=paid-social&utm_campaign=pulse-launch';

  it('passes when every link carries lowercase utm_source, utm_medium and utm_campaign', () => {
    expect(check('utm-links', [good, `See ${good}&utm_content=hero for the hero variant.`])).toEqual([]);
    expect(checkOutputContract(`## Copy\n\nNo links here.\n`, contractFor('utm-links'))).toEqual([]);
  });

  it('fails naming only the links that miss a parameter, have an empty one or use capitals', () => {
    const missing = 'https://northwind.example/pulse?utm_source=linkedin&utm_medium=social';
    const empty = 'https://northwind.example/pulse?utm_source=linkedin&utm_medium=social&utm_campaign=';
    const capitals = 'https://northwind.example/pulse?utm_source=LinkedIn&utm_medium=social&utm_campaign=pulse-launch';
    const problems = check('utm-links', [good, missing, empty, capitals]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^Section "Copy": every link needs valid UTM tags/);
    expect(problems[0]).toContain(`${missing} (utm_campaign is required)`);
    expect(problems[0]).toContain(`${empty} (utm_campaign is empty)`);
    expect(problems[0]).toContain(`${capitals} (utm_source "LinkedIn" has uppercase letters`);
    expect(problems[0]).not.toContain(`${good},`);
  });

  it('applies the whole UTM standard the QA gate uses: utm_term only for paid search', () => {
    const termOnEmail = 'https://northwind.example/pulse?utm_source=newsletter&utm_medium=email&utm_campaign=pulse-launch&utm_term=forecasting';
    expect(check('utm-links', [termOnEmail])[0]).toMatch(/utm_term is for paid-search keywords only/);
    expect(check('utm-links', [`Read more: ${good}.`])).toEqual([]);
  });
});

describe('brief-fields', () => {
  it('passes when the section names all seven fields, under any of their usual names', () => {
    const brief = 'Goal: 40 demos. Audience: finance leaders. Message: close in days. CTA: book a demo. KPI: demos booked. Due: 15 May. Format: one landing page.';
    expect(checkOutputContract(`## Copy\n\n${brief}\n`, contractFor('brief-fields'))).toEqual([]);
  });

  it('fails listing the missing fields', () => {
    expect(checkOutputContract('## Copy\n\nObjective: more demos. Audience: CFOs. Deadline: Friday.\n', contractFor('brief-fields'))).toEqual([
      'Section "Copy" must list every brief field; missing: key message, call to action, success metric, format specs.',
    ]);
  });
});
