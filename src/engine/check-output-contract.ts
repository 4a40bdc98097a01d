import { countCharacters, getChannelLimit } from '../ops/channel-limits.js';
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
    const urls = text.match(/https?:\/\/[^\s)<>\]"'`]+/g) ?? [];
    const bad = urls.filter((url) => !hasRequiredUtms(url));
    return bad.length
      ? [`Section "${section}": every link needs lowercase utm_source, utm_medium and utm_campaign; these do not: ${bad.join(', ')}.`]
      : [];
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

function hasRequiredUtms(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return ['utm_source', 'utm_medium', 'utm_campaign'].every((key) => {
    const value = parsed.searchParams.get(key);
    return value !== null && value !== '' && value === value.toLowerCase();
  });
}
