import type { RunDetails } from '../create-engine.js';
import { elapsed } from './format-duration.js';
import { RUN_MARKS, STEP_MARKS } from './status-marks.js';

/**
 * `mops show <id>`: the run, then each step with status, timing, attempts, tokens and
 * output; waiting steps get their full instructions, failed attempts their errors.
 */
export function formatRunDetails(details: RunDetails, now: Date): string {
  const { run, steps, attempts, toolCalls } = details;
  const out: string[] = [
    `Run ${run.id} — ${run.playbookName} (${run.playbookId})`,
    `Status: ${RUN_MARKS[run.status]} ${run.status}${run.error ? ` — ${run.error.message}` : ''}`,
    `Context: ${run.contextName ?? '(none)'}   Executor: ${run.executor}   Created: ${run.createdAt}` +
      (run.startedAt ? `   Running time: ${elapsed(run.startedAt, run.finishedAt, now)}` : ''),
  ];
  const inputs = Object.entries(run.inputs);
  if (inputs.length) out.push(`Inputs: ${inputs.map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(',') : String(v)}`).join('  ')}`);
  if (run.report && run.status === 'blocked') out.push('', ...run.report.split('\n'));
  if (details.lease && run.status === 'running') out.push(`Executing in process ${details.lease.pid} on ${details.lease.host} (heartbeat ${details.lease.heartbeatAt}).`);

  for (const step of steps) {
    const tokens = step.usage ? `, tokens ${step.usage.inputTokens ?? '?'} in / ${step.usage.outputTokens ?? '?'} out` : '';
    const timing = step.startedAt ? `, ${elapsed(step.startedAt, step.finishedAt, now)}` : '';
    const work = step.kind === 'skill' ? step.skill : step.kind === 'gate' ? `gate ${step.skill}` : 'approval';
    out.push('', `${STEP_MARKS[step.status]} ${step.stepId} — ${step.name} [${work}] ${step.status}${timing}, ${step.attempts} attempt(s)${tokens}`);
    if (step.needs.length) out.push(`  needs: ${step.needs.join(', ')}`);
    // Only attempts that went wrong say more than the step line already does.
    for (const attempt of attempts.filter((a) => a.stepId === step.stepId && ['failed', 'interrupted', 'cancelled'].includes(a.status))) {
      const why = attempt.error ? `: ${attempt.error.message}` : '';
      out.push(`  attempt ${attempt.number} ${attempt.status}${why}`);
    }
    for (const call of toolCalls.filter((c) => c.stepId === step.stepId)) {
      out.push(`  tool ${call.name} (attempt ${call.attempt}, ${Math.round(call.durationMs)}ms)`);
    }
    if (step.error && step.status !== 'failed') out.push(`  note: ${step.error.message}`);
    if (step.status === 'failed' && step.error) out.push(`  error: ${step.error.message}`);
    if (step.status === 'waiting' && step.instructions) {
      out.push('  ── instructions ──', indent(step.instructions), '  ── end of instructions ──');
    } else if (step.output) {
      out.push('  ── output ──', indent(step.output), '  ── end of output ──');
    }
  }
  return out.join('\n') + '\n';
}

function indent(text: string): string {
  return text
    .trimEnd()
    .split('\n')
    .map((line) => (line ? `    ${line}` : ''))
    .join('\n');
}
