import { countCharacters, getChannelLimit } from '../ops/channel-limits.js';
import { extractUrls } from '../ops/utm/extract-urls.js';
import { resolveUtmPolicy } from '../ops/utm/utm-policy.js';
import { validateUtmUrl } from '../ops/utm/validate-utm-url.js';

const UTM_POLICY = resolveUtmPolicy();
import type { SkillContract } from '../skills/index.js';

/**
 * Checks a skill step's output against the skill's contract: every `##` heading it
 * promises is there, and list items in limited sections fit their channel limit.
 * Pure. Returns the problems, each saying what was expected and what was found.
 */
export function checkOutputContract(output: string, contract: Pick<SkillContract, 'sections' | 'limits'> | undefined): string[] {
  if (!contract) return [];
  const sections = splitSections(output);
  const problems: string[] = [];
  const missing = contract.sections.filter((heading) => !sections.has(normalizeHeading(heading)));
  if (missing.length > 0) {
    const found = [...sections.values()].map((s) => `"${s.heading}"`);
    problems.push(
      `Missing section(s) ${missing.map((h) => `"## ${h}"`).join(', ')}; found ${found.length ? found.join(', ') : 'no ## headings'}.`,
    );
  }
  for (const { section, limit } of contract.limits) {
    const body = sections.get(normalizeHeading(section));
    if (!body) continue;
    problems.push(...checkLimit(section, limit, body.text));
  }
  return problems;
}

interface Section {
  heading: string;
  text: string;
}

function splitSections(markdown: string): Map<string, Section> {
  const sections = new Map<string, Section>();
  let current: Section | undefined;
  let inFence = false;
  for (const line of markdown.split(/\r?\n/)) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    const heading = inFence ? null : /^##\s+(.+?)\s*#*\s*$/.exec(line);
    if (heading?.[1]) {
      current = { heading: heading[1], text: '' };
      sections.set(normalizeHeading(heading[1]), current);
    } else if (current) {
      current.text += `${line}\n`;
    }
  }
  return sections;
}

function normalizeHeading(heading: string): string {
  return heading
    .replace(/[*_`]/g, '')
    .replace(/[:.]+$/, '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ');
}

/** The list items of a section, without markers, emphasis, wrapping quotes or a "(28 chars)" note. */
function listItems(text: string): string[] {
  const items: string[] = [];
  for (const line of text.split('\n')) {
    const match = /^\s*(?:[-*+]|\d+[.)])\s+(.*)$/.exec(line);
    if (!match?.[1]) continue;
    let item = match[1].trim();
    item = item.replace(/\s*[([]\s*\d+\s*(?:chars?|characters)\s*[)\]]\s*$/i, '');
    item = item.replace(/^(\*\*|__|`)(.*)\1$/, '$2').replace(/^["“](.*)["”]$/, '$1').trim();
    if (item) items.push(item);
  }
  return items;
}

const BRIEF_FIELDS: { label: string; anyOf: string[] }[] = [
  { label: 'objective', anyOf: ['objective', 'goal'] },
  { label: 'audience', anyOf: ['audience'] },
  { label: 'key message', anyOf: ['key message', 'message'] },
  { label: 'call to action', anyOf: ['call to action', 'cta'] },
  { label: 'success metric', anyOf: ['success metric', 'metric', 'kpi'] },
  { label: 'deadline', anyOf: ['deadline', 'due'] },
  { label: 'format specs', anyOf: ['format'] },
];

function checkLimit(section: string, limitId: string, text: string): string[] {
  if (limitId === 'brief-fields') {
    const lower = text.toLowerCase();
    const absent = BRIEF_FIELDS.filter((field) => !field.anyOf.some((word) => lower.includes(word))).map((f) => f.label);
    return absent.length ? [`Section "${section}" must list every brief field; missing: ${absent.join(', ')}.`] : [];
  }
  if (limitId === 'utm-links') {
    // The same UTM standard the QA gate and `validate_utms` apply; errors only, as a
    // campaign missing from the registry is a warning there too.
    const bad = extractUrls(text)
      .map((url) => validateUtmUrl(url, UTM_POLICY))
      .filter((result) => !result.ok);
    if (bad.length === 0) return [];
    const details = bad.map((result) => `${result.url} (${result.issues.filter((i) => i.severity === 'error').map((i) => i.message).join('; ')})`);
    return [`Section "${section}": every link needs valid UTM tags (lowercase utm_source, utm_medium and utm_campaign, hyphens, utm_term only for paid search); these do not: ${details.join(', ')}.`];
  }
  const limit = getChannelLimit(limitId);
  if (!limit) return [];
  const items = listItems(text);
  const problems: string[] = [];
  const tooLong = items
    .map((item) => ({ item, chars: countCharacters(item) }))
    .filter(({ chars }) => chars > limit.maxChars);
  if (tooLong.length > 0) {
    const examples = tooLong.slice(0, 3).map(({ item, chars }) => `"${item}" (${chars})`);
    problems.push(
      `Section "${section}": ${tooLong.length} item(s) exceed the ${limit.label} limit of ${limit.maxChars} characters: ${examples.join(', ')}.`,
    );
  }
  if (limit.maxCount !== undefined && items.length > limit.maxCount) {
    problems.push(`Section "${section}" has ${items.length} items; a ${limit.label} allows at most ${limit.maxCount}.`);
  }
  return problems;
}
