import type { RoutingEvaluation } from './evaluate-routing.js';

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** A plain-text report of an evaluation, for `npm run eval:routing`. */
export function formatEvaluation(e: RoutingEvaluation, options: { failures?: boolean } = {}): string {
  const lines: string[] = [];
  lines.push(`Routing evaluation: ${e.total} labelled requests`);
  lines.push(`  in-scope top-1 accuracy: ${pct(e.inScope.accuracy)} (${e.inScope.correct}/${e.inScope.total})`);
  lines.push(
    `  out-of-scope: recall ${pct(e.outOfScope.recall)} (${e.outOfScope.rejected}/${e.outOfScope.total} rejected), precision ${pct(e.outOfScope.precision)}`,
  );
  lines.push('', 'Top-1 accuracy per label:');
  for (const row of [...e.perLabel].sort((a, b) => a.label.localeCompare(b.label))) {
    lines.push(`  ${row.label.padEnd(36)} ${pct(row.accuracy).padStart(6)}  (${row.correct}/${row.total})`);
  }
  if (e.perTag.length > 0) {
    lines.push('', 'Accuracy per tag:');
    for (const row of e.perTag) lines.push(`  ${row.label.padEnd(36)} ${pct(row.accuracy).padStart(6)}  (${row.correct}/${row.total})`);
  }
  lines.push('', 'Confusion pairs (expected → predicted):');
  if (e.confusions.length === 0) lines.push('  none');
  for (const c of e.confusions) lines.push(`  ${String(c.count).padStart(3)}  ${c.expected} → ${c.predicted}   e.g. "${c.examples[0]}"`);
  lines.push('', 'Calibration (confidence bin: answers, accuracy, mean confidence):');
  for (const b of e.calibration) {
    if (b.total === 0) continue;
    lines.push(`  ${b.from.toFixed(1)}–${b.to.toFixed(1)}: ${String(b.total).padStart(4)}  ${pct(b.accuracy).padStart(6)}  ${b.meanConfidence.toFixed(2)}`);
  }
  if (options.failures) {
    lines.push('', 'Failures:');
    for (const f of e.failures) lines.push(`  [${f.id}] ${f.expected} → ${f.predicted} (${f.confidence}): ${f.text}`);
  }
  return lines.join('\n');
}
