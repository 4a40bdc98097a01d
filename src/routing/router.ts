import type { BuildIndexOptions } from './compile-route-index.js';
import type { RouteIndex } from './route-index.js';
import type { RouteAlternative, RouteResult } from './route-result.js';
import { DEFAULT_WEIGHTS, scoreRequest, type CandidateScore, type ScoringWeights } from './score-request.js';
import { rankCandidates, topCandidates } from './rank-candidates.js';
import { clarifyingQuestion, explainMatch, explainNoMatch, explainTooVague } from './explain-route.js';

/** How raw scores become probabilities; fitted on the labelled set (see eval). */
export interface Calibration {
  /** Score at which a request is as likely in scope as not. */
  threshold: number;
  /** Steepness of the in-scope curve. */
  steepness: number;
  /** Softmax temperature over candidate scores. */
  temperature: number;
  /** Below this confidence an in-scope answer comes with a clarifying question. */
  askBelow: number;
  /** Marketing evidence from which a request too thin to act on gets a question instead of a plain no. */
  vagueAbove: number;
}

export const DEFAULT_CALIBRATION: Calibration = {
  threshold: 0.7,
  steepness: 2,
  temperature: 1,
  askBelow: 0.45,
  vagueAbove: 0.425,
};

export interface RouterOptions {
  weights?: ScoringWeights;
  calibration?: Calibration;
  /** How many alternatives to return. */
  alternatives?: number;
  index?: BuildIndexOptions;
}

export interface Router {
  readonly index: RouteIndex;
  route(text: string): RouteResult;
  /** The full scoring evidence, for debugging and evaluation. */
  score(text: string): CandidateScore[];
}

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));
const round = (x: number): number => Math.round(x * 1000) / 1000;
/** How many leading candidates share the softmax. */
const SOFTMAX_CANDIDATES = 6;

/** A router over an index that is already built (or restored from the cache). */
export function routerFromIndex(index: RouteIndex, options: RouterOptions = {}): Router {
  const weights = options.weights ?? DEFAULT_WEIGHTS;
  const cal = options.calibration ?? DEFAULT_CALIBRATION;
  const altCount = options.alternatives ?? 3;

  // A route looks at the head of the ranking only: the softmax candidates and the alternatives.
  const headLength = Math.max(SOFTMAX_CANDIDATES, altCount + 1);

  const route = (text: string): RouteResult => {
    const { candidates, evidence, matched } = scoreRequest(index, text, weights);
    const list = topCandidates(candidates, headLength);
    const top = list[0];
    const runnerUp = list[1];
    const best = top?.score ?? 0;
    // Softmax over the leading candidates gives the share of belief each one holds.
    const exps = list.slice(0, SOFTMAX_CANDIDATES).map((s) => Math.exp((s.score - best) / cal.temperature));
    const total = exps.reduce((a, b) => a + b, 0);
    const share = (i: number): number => (total > 0 ? exps[i]! / total : 0);
    // Something matched, so the best score is above 0.
    const inScope = matched ? sigmoid(cal.steepness * (evidence - cal.threshold)) : 0;
    const toAlternative = (s: CandidateScore, i: number): RouteAlternative => {
      const c = index.candidates[s.index]!;
      return { type: c.type, id: c.id, score: round(share(i) * inScope) };
    };
    // Candidates from `from` on, as alternatives: those with evidence of their own, or a
    // share of belief that shows at three decimals (resembling examples alone is not enough).
    const alternativesFrom = (from: number, to: number): RouteAlternative[] => {
      const out: RouteAlternative[] = [];
      for (let i = from; i < Math.min(to, list.length); i++) {
        const s = list[i]!;
        const alternative = toAlternative(s, i);
        if (s.score - s.learned > 0 || alternative.score > 0) out.push(alternative);
      }
      return out;
    };

    if (!top || inScope < 0.5) {
      const result: RouteResult = {
        match: null,
        confidence: round(1 - inScope),
        alternatives: alternativesFrom(0, altCount),
        reason: explainNoMatch(index, top),
      };
      // Some marketing words but too little to act on ("ads"): ask rather than guess.
      if (top && runnerUp && runnerUp.score > 0 && evidence >= cal.vagueAbove) {
        result.reason = explainTooVague(index, top, runnerUp);
        result.question = clarifyingQuestion(index, [top, runnerUp]);
      }
      return result;
    }
    const c = index.candidates[top.index]!;
    const confidence = round(inScope * share(0));
    const result: RouteResult = {
      match: { type: c.type, id: c.id },
      confidence,
      alternatives: alternativesFrom(1, altCount + 1),
      reason: explainMatch(index, top, runnerUp),
    };
    if (confidence < cal.askBelow && runnerUp && runnerUp.score > 0) {
      result.question = clarifyingQuestion(index, [top, runnerUp]);
    }
    return result;
  };

  return { index, route, score: (text) => rankCandidates(scoreRequest(index, text, weights).candidates) };
}
