import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { resolveProjectPaths } from '../../config/project-paths.js';
import { MopsError } from '../../errors/index.js';
import { loadRouter } from '../../routing/load-router.js';
import { toContractResult, type RouteResult } from '../../routing/route-result.js';
import type { CommandHandler } from '../cli-io.js';

export function formatRoute(request: string, result: RouteResult): string {
  const lines: string[] = [];
  if (!result.match) {
    lines.push(result.question ? `? not sure yet — ${result.reason}` : `✗ no match — ${result.reason}`);
    if (result.alternatives.length > 0) {
      lines.push(`  nearest: ${result.alternatives.map((a) => `${a.type} ${a.id}`).join(', ')}`);
    }
    if (result.question) lines.push(`  to be sure: ${result.question}`);
    else lines.push('  This does not look like a marketing task. Rephrase it as one (what to write, plan, analyse or fix), or run `mops skills` to see what is covered.');
    return lines.join('\n');
  }
  const { type, id } = result.match;
  lines.push(`→ ${type} ${id}  (confidence ${result.confidence.toFixed(2)})`);
  lines.push(`  why: ${result.reason}`);
  // Alternatives that hold (almost) no belief are noise to a reader; --json keeps them.
  const close = result.alternatives.filter((a) => a.score >= 0.01);
  if (close.length > 0) lines.push(`  alternatives: ${close.map((a) => `${a.id} ${a.score.toFixed(2)}`).join(', ')}`);
  if (result.question) lines.push(`  to be sure: ${result.question}`);
  const quoted = JSON.stringify(request);
  lines.push(type === 'skill' ? `  next: mops run-skill ${id} ${quoted}` : `  next: mops plan ${id}   (then: mops run ${id})`);
  return lines.join('\n');
}

const routeCommand: CommandHandler = async (args, options, io) => {
  const paths = resolveProjectPaths(io.env, io.cwd);
  const batch = options.batch as string | undefined;
  if (batch) {
    const file = resolve(io.cwd, batch);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      throw new MopsError('NOT_FOUND', `cannot read batch file ${batch}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, { cause: error });
    }
    const router = await loadRouter(paths, { env: io.env });
    const { routeBatch } = await import('../../routing/route-batch.js');
    const { results, errors } = routeBatch(text, (t) => router.route(t), batch);
    io.stdout.write(results.map((r) => JSON.stringify(r)).join('\n') + (results.length ? '\n' : ''));
    for (const message of errors) io.stderr.write(`mops: ${message}\n`);
    return errors.length > 0 ? 1 : 0;
  }
  const request = args.join(' ').trim();
  if (!request) {
    throw new MopsError('INVALID_INPUT', 'nothing to route: give the request in quotes, e.g. mops route "write a LinkedIn post about our launch", or use --batch FILE.jsonl');
  }
  const router = await loadRouter(paths, { env: io.env });
  let result = router.route(request);
  if (options.model) {
    const { settleWithModel } = await import('../../routing/settle-with-model.js');
    result = await settleWithModel(request, result, router, { env: io.env });
  }
  io.stdout.write(options.json ? `${JSON.stringify(toContractResult(result))}\n` : `${formatRoute(request, result)}\n`);
  return 0;
};

export default routeCommand;
