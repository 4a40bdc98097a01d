import type { RouteResult } from '../route-result.js';
import type { LabelledRequest } from './labelled-request.js';

export interface LabelAccuracy {
  label: string;
  total: number;
  correct: number;
  accuracy: number;
}

export interface RoutingEvaluation {
  total: number;
  inScope: { total: number; correct: number; accuracy: number };
  outOfScope: { total: number; rejected: number; precision: number; recall: number };
  perLabel: LabelAccuracy[];
  perTag: LabelAccuracy[];
  /** Expected → predicted pairs that went wrong, most frequent first. */
  confusions: Array<{ expected: string; predicted: string; count: number; examples: string[] }>;
  /** Confidence bins: how often answers in each bin were right (calibration). */
  calibration: Array<{ from: number; to: number; total: number; accuracy: number; meanConfidence: number }>;
  failures: Array<{ id: string; text: string; expected: string; predicted: string; confidence: number }>;
}

export const labelOf = (target: { type: string; id: string } | null): string =>
  target ? `${target.type === 'playbook' ? 'playbook:' : ''}${target.id}` : '(none)';

const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);

/** Scores routing answers against labels (pure). */
export function evaluateRouting(
  examples: readonly LabelledRequest[],
  route: (text: string) => RouteResult,
): RoutingEvaluation {
  const perLabel = new Map<string, { total: number; correct: number }>();
  const perTag = new Map<string, { total: number; correct: number }>();
  const confusions = new Map<string, { count: number; examples: string[] }>();
  const bins = Array.from({ length: 5 }, (_, i) => ({ from: i / 5, to: (i + 1) / 5, total: 0, correct: 0, confSum: 0 }));
  const failures: RoutingEvaluation['failures'] = [];
  let inTotal = 0;
  let inCorrect = 0;
  let oosTotal = 0;
  let oosRejected = 0;
  let predictedNull = 0;

  for (const example of examples) {
    const result = route(example.text);
    const expected = labelOf(example.expect);
    const predicted = labelOf(result.match);
    const correct = expected === predicted;
    const bump = (map: Map<string, { total: number; correct: number }>, key: string): void => {
      const entry = map.get(key) ?? { total: 0, correct: 0 };
      entry.total++;
      if (correct) entry.correct++;
      map.set(key, entry);
    };
    bump(perLabel, expected);
    if (example.tag) bump(perTag, example.tag);
    if (result.match === null) predictedNull++;
    if (example.expect === null) {
      oosTotal++;
      if (correct) oosRejected++;
    } else {
      inTotal++;
      if (correct) inCorrect++;
    }
    const bin = bins[Math.min(4, Math.floor(result.confidence * 5))]!;
    bin.total++;
    bin.confSum += result.confidence;
    if (correct) bin.correct++;
    if (!correct) {
      const key = `${expected} → ${predicted}`;
      const entry = confusions.get(key) ?? { count: 0, examples: [] };
      entry.count++;
      if (entry.examples.length < 3) entry.examples.push(example.text);
      confusions.set(key, entry);
      failures.push({ id: example.id, text: example.text, expected, predicted, confidence: result.confidence });
    }
  }

  const toRows = (map: Map<string, { total: number; correct: number }>): LabelAccuracy[] =>
    [...map.entries()]
      .map(([label, v]) => ({ label, total: v.total, correct: v.correct, accuracy: ratio(v.correct, v.total) }))
      .sort((a, b) => a.accuracy - b.accuracy || a.label.localeCompare(b.label));

  return {
    total: examples.length,
    inScope: { total: inTotal, correct: inCorrect, accuracy: ratio(inCorrect, inTotal) },
    outOfScope: {
      total: oosTotal,
      rejected: oosRejected,
      precision: ratio(oosRejected, predictedNull),
      recall: ratio(oosRejected, oosTotal),
    },
    perLabel: toRows(perLabel),
    perTag: toRows(perTag),
    confusions: [...confusions.entries()]
      .map(([key, v]) => {
        const [expected, predicted] = key.split(' → ') as [string, string];
        return { expected, predicted, count: v.count, examples: v.examples };
      })
      .sort((a, b) => b.count - a.count),
    calibration: bins.map((b) => ({
      from: b.from,
      to: b.to,
      total: b.total,
      accuracy: ratio(b.correct, b.total),
      meanConfidence: b.total ? b.confSum / b.total : 0,
    })),
    failures,
  };
}
