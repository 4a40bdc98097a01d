import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../config/project-paths.js';
import { evaluateRouting } from './evaluate-routing.js';
import { formatEvaluation } from './format-evaluation.js';
import { loadLabelledRequests } from './load-labelled-requests.js';
import { routerBlindTo } from './router-blind-to.js';

/**
 * `npm run eval:routing [-- --file set.jsonl] [--failures] [--json]`: routes a labelled set
 * with the router `mops route` uses, its example classifier retrained without the set's
 * requests, and prints accuracy, out-of-scope precision and recall, confusion pairs and
 * calibration.
 */
async function main(argv: string[]): Promise<number> {
  const fileFlag = argv.indexOf('--file');
  const file = fileFlag >= 0 ? argv[fileFlag + 1]! : join(PACKAGE_ROOT, 'test', 'routing', 'fixtures', 'labelled-requests.jsonl');
  const examples = await loadLabelledRequests(file);
  const router = await routerBlindTo(examples.map((e) => e.text));
  const evaluation = evaluateRouting(examples, (text) => router.route(text));
  if (argv.includes('--json')) process.stdout.write(`${JSON.stringify(evaluation, null, 2)}\n`);
  else {
    process.stdout.write(`${formatEvaluation(evaluation, { failures: argv.includes('--failures') })}\n`);
    process.stdout.write(`\n(The example classifier was retrained without this set's ${examples.length} requests, so none of them was seen in training.)\n`);
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`eval:routing: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
