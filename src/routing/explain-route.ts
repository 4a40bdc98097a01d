import type { RouteIndex } from './route-index.js';
import type { CandidateScore } from './score-request.js';

const quote = (text: string): string => `"${text.trim()}"`;

/** First sentence of a description, for questions and listings. */
export function summary(description: string): string {
  const first = description.split(/(?<=[.!?])\s/)[0] ?? description;
  return first.replace(/\.$/, '').trim();
}

/** The gist of a description in a few words: its first clause, cut at a word near 70 characters. */
export function gist(description: string): string {
  const clause = summary(description).split(/[:(;]/)[0]!.trim();
  if (clause.length <= 70) return clause;
  const cut = clause.slice(0, 70);
  return `${cut.slice(0, cut.lastIndexOf(' '))}...`;
}

/** A sentence a person can read: what matched, and which near miss was ruled out and why. */
export function explainMatch(index: RouteIndex, top: CandidateScore, runnerUp: CandidateScore | undefined): string {
  const candidate = index.candidates[top.index]!;
  const parts: string[] = [];
  const full = top.hits.filter((h) => h.full).slice(0, 2);
  if (full.length > 0) parts.push(`matched ${full.map((h) => quote(h.phrase.text)).join(' and ')}`);
  else if (top.hits[0]) parts.push(`closest to ${quote(top.hits[0].phrase.text)}`);
  else if (top.learned > 0) parts.push(`worded like the requests it handles`);
  else parts.push(`closest to the ${candidate.type} description`);
  // Phrases and words alone put another candidate ahead; the examples decided.
  const fromPhrasesAndWords = (s: CandidateScore): number => s.score - s.learned;
  if (runnerUp && top.hits[0] && top.learned > runnerUp.learned && fromPhrasesAndWords(top) <= fromPhrasesAndWords(runnerUp)) {
    parts.push(`worded more like its example requests than ${index.candidates[runnerUp.index]!.id}'s`);
  }

  const rule = top.boostedBy[0];
  if (rule) {
    const owner = index.candidates[rule.phrase.ruleOwner!]!;
    parts.push(`not ${owner.id}: ${quote(rule.phrase.ruleText ?? rule.phrase.text)} belongs to ${candidate.id}`);
  } else if (runnerUp && runnerUp.score > 0) {
    const other = index.candidates[runnerUp.index]!;
    const otherHit = runnerUp.hits.find((h) => h.full);
    parts.push(otherHit ? `${other.id} was weaker (only ${quote(otherHit.phrase.text)})` : `next best: ${other.id}`);
  }
  return `${candidate.type} ${candidate.id}: ${parts.join('; ')}`;
}

export function explainNoMatch(index: RouteIndex, top: CandidateScore | undefined): string {
  if (!top || top.score === 0) return 'no marketing task recognised in the request';
  const nearest = index.candidates[top.index]!;
  return `not recognised as a marketing task (nearest: ${nearest.type} ${nearest.id}, too weak to act on)`;
}

export function clarifyingQuestion(index: RouteIndex, options: CandidateScore[]): string {
  const described = options.map((o) => {
    const c = index.candidates[o.index]!;
    return `${c.id} (${gist(c.description).toLowerCase()})`;
  });
  return `Which do you need: ${described.join(', or ')}?`;
}

/** For a request with marketing words but too little to act on. */
export function explainTooVague(index: RouteIndex, top: CandidateScore, runnerUp: CandidateScore): string {
  const [a, b] = [top, runnerUp].map((s) => index.candidates[s.index]!);
  return `too little to act on: it could be ${a!.type} ${a!.id} or ${b!.type} ${b!.id}`;
}
