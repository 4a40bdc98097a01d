import { createAnalyser } from './text/analyse-text.js';
/**
 * How much a request asks for a whole campaign rather than one deliverable. Playbooks
 * are proposed on this signal together with their own triggers: "run the whole launch",
 * "from planning through promotion", or a list of several kinds of assets at once.
 */

const STRONG_CUES = new RegExp(
  [
    String.raw`\b(?:whole|entire|full|complete|comprehensive|integrated|multi[\s-]?channel|cross[\s-]?channel|full[\s-]?funnel|end[\s-]?to[\s-]?end)\s+(?:\w+\s+){0,3}?(?:campaign|program|programme|process|thing|effort|push|plan|sprint|launch|initiative|works|package|go[\s-]?to[\s-]?market)\b`,
    String.raw`\bstart\s+to\s+finish\b|\bsoup\s+to\s+nuts\b|\beverything\s+(?:we|i)\s+need\b|\bthe\s+works\b|\ball\s+of\s+it\b`,
    String.raw`\bfrom\s+\w+(?:\s+\w+){0,5}\s+(?:through|to|until)\s+\w+`,
    String.raw`\bplan\s+and\s+(?:run|execute|launch|ship)\b|\borchestrate\b|\bcoordinate\s+(?:the|our|a)\b`,
    String.raw`\b(?:run|launch|execute|plan|set\s+up|build)\s+(?:a|an|the|our|my)\s+(?:\w+\s+){0,4}?(?:campaign|program|programme|blitz|sprint|push|initiative)\b`,
  ].join('|'),
  'gi',
);

const WEAK_CUES = /\b(?:campaign|program|programme|blitz|sprint|push|initiative|roll[\s-]?out|go[\s-]?to[\s-]?market|gtm)\b/gi;

/** Kinds of deliverables; a request naming several at once is a campaign. */
const ASSET_GROUP_WORDS: ReadonlyArray<readonly string[]> = [
  ['landing page', 'campaign page', 'conversion page', 'pages'],
  ['ads', 'paid', 'ppc', 'google ads', 'meta ads', 'ad variations'],
  ['emails', 'outreach', 'outbound', 'sequences', 'prospecting'],
  ['social', 'linkedin', 'twitter', 'instagram', 'posts'],
  ['content', 'blog', 'articles', 'pillar', 'thought leadership'],
  ['analytics', 'tracking', 'reporting', 'measurement', 'measure', 'kpis', 'dashboards', 'a/b tests'],
  ['seo', 'ai search'],
  ['copy', 'copywriting', 'rewrites'],
  ['brand guidelines', 'guidelines', 'brand foundation', 'psychology'],
];

// Each group as the stems the analyser makes of its words; a phrase needs all its stems.
const plain = createAnalyser();
const ASSET_GROUPS = ASSET_GROUP_WORDS.map((words) => words.map((word) => plain.terms(word)).filter((stems) => stems.length > 0));

if (ASSET_GROUPS.length > 31) throw new Error(`Expected at most 31 asset groups (one bit each), got ${ASSET_GROUPS.length}`);

/** Each group phrase under its first stem, with its group: a request is checked only for the phrases it starts. */
const PHRASES_BY_FIRST_STEM = new Map<string, Array<{ group: number; stems: readonly string[] }>>();
ASSET_GROUPS.forEach((group, g) => {
  for (const stems of group) {
    const list = PHRASES_BY_FIRST_STEM.get(stems[0]!) ?? [];
    list.push({ group: g, stems });
    PHRASES_BY_FIRST_STEM.set(stems[0]!, list);
  }
});

/**
 * How many asset groups the request names. Driven by the request's own stems (a dozen
 * lookups) rather than by every group phrase (forty): this runs for every request.
 */
function countAssetGroups(stems: ReadonlySet<string>): number {
  // One bit per group named (there are fewer groups than bits in an int).
  let named = 0;
  for (const stem of stems) {
    const phrases = PHRASES_BY_FIRST_STEM.get(stem);
    if (phrases === undefined) continue;
    for (const phrase of phrases) if (containsAll(stems, phrase.stems)) named |= 1 << phrase.group;
  }
  let count = 0;
  for (; named !== 0; named &= named - 1) count++;
  return count;
}

function containsAll(stems: ReadonlySet<string>, phrase: readonly string[]): boolean {
  for (const stem of phrase) if (!stems.has(stem)) return false;
  return true;
}

export interface CampaignScope {
  score: number;
  strongCues: number;
  weakCues: number;
  assetGroups: number;
}

export function campaignScope(text: string, stems: ReadonlySet<string>): CampaignScope {
  const strongCues = text.match(STRONG_CUES)?.length ?? 0;
  const weakCues = text.match(WEAK_CUES)?.length ?? 0;
  const assetGroups = countAssetGroups(stems);
  const score = Math.min(2, strongCues) + 0.3 * Math.min(2, weakCues) + 0.5 * Math.max(0, assetGroups - 2);
  return { score, strongCues, weakCues, assetGroups };
}
