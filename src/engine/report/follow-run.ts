import type { Engine } from '../create-engine.js';
import type { RunView } from '../run-records.js';
import { exitCodeForRun, formatRunOutcome } from './format-run-outcome.js';
import { RunProgress, type ProgressStream } from './run-progress.js';

export interface FollowIo {
  stdout: ProgressStream;
  env: NodeJS.ProcessEnv;
}

/**
 * Starts (or continues) a run and follows it until it stops moving: progress while it
 * runs (live on a terminal, one line per event otherwise), then the outcome with the
 * commands that continue it. Ctrl-C cancels the run. Returns the exit code.
 */
export async function followRun(engine: Engine, begin: () => Promise<RunView>, io: FollowIo, options: { json: boolean; clock?: () => Date }): Promise<number> {
  const clock = options.clock ?? (() => new Date());
  // A terminal that reports no width (some pseudo-terminals) cannot be redrawn in place.
  const live = !options.json && io.stdout.isTTY === true && (io.stdout.columns ?? 0) > 0 && !io.env.CI;
  const progress = options.json ? undefined : new RunProgress({ stream: io.stdout, live, clock });
  const unsubscribe = engine.events.subscribe((event) => progress?.handle(event));
  let runId: string | undefined;
  const onInterrupt = () => {
    if (runId) void engine.cancelRun(runId, { reason: 'interrupted (Ctrl-C)' }).catch(() => {});
  };
  process.once('SIGINT', onInterrupt);
  try {
    const started = await begin();
    runId = started.run.id;
    progress?.setSteps(started.steps);
    const view = await engine.waitForRun(runId);
    progress?.stop();
    io.stdout.write(options.json ? `${JSON.stringify(view, null, 2)}\n` : `\n${formatRunOutcome(view, clock())}`);
    return exitCodeForRun(view);
  } finally {
    progress?.stop();
    unsubscribe();
    process.removeListener('SIGINT', onInterrupt);
  }
}
