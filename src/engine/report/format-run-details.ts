import type { RunDetails } from '../create-engine.js';
import type { AttemptRecord, ToolCallRecord } from '../run-records.js';
import { elapsed } from './format-duration.js';
import { RUN_MARKS, STEP_MARKS } from './status-marks.js';

/**
 * `mops show <id>`: the run, then each step with status, timing, attempts, tokens and
 * output; waiting steps get their full instructions, failed attempts their errors,
 * repaired attempts their contract violations, and every attempt its tool calls.
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
    const calls = toolCalls.filter((c) => c.stepId === step.stepId);
    const stepAttempts = attempts.filter((a) => a.stepId === step.stepId);
    for (const attempt of stepAttempts) {
      const callsHere = calls.filter((c) => c.attempt === attempt.number);
      // Only attempts that went wrong or called tools say more than the step line already does.
      if (!['failed', 'interrupted', 'cancelled'].includes(attempt.status) && callsHere.length === 0) continue;
      out.push(...formatAttempt(attempt, callsHere));
    }
    const known = new Set(stepAttempts.map((a) => a.number));
    for (const call of calls.filter((c) => !known.has(c.attempt))) out.push(formatToolCall(call));
    if (step.error && step.status !== 'failed') out.push(`  ${step.error.details?.flagged ? 'flagged for review' : 'note'}: ${step.error.message}`);
    if (step.status === 'failed' && step.error) out.push(`  error: ${step.error.message}`);
    if (step.status === 'waiting' && step.instructions) {
      out.push('  ── instructions ──', indent(step.instructions), '  ── end of instructions ──');
    } else if (step.output) {
      out.push('  ── output ──', indent(step.output), '  ── end of output ──');
    }
  }
  return out.join('\n') + '\n';
}

/** An attempt: how it ended, the violations a repair was asked for, and its tool calls in order. */
function formatAttempt(attempt: AttemptRecord, calls: readonly ToolCallRecord[]): string[] {
  const problems = attempt.error?.code === 'CONTRACT_VIOLATION' ? (attempt.error.details?.problems as string[] | undefined) : undefined;
  const lines: string[] = [];
  if (problems && attempt.error?.details?.repair) {
    lines.push(`  attempt ${attempt.number} broke the output contract; the model was asked to repair it:`, ...problems.map((p) => `    - ${p}`));
  } else if (attempt.status === 'done') {
    lines.push(`  attempt ${attempt.number} done`);
  } else {
    const why = attempt.error ? `: ${attempt.error.message}` : '';
    lines.push(`  attempt ${attempt.number} ${attempt.status}${why}`);
  }
  lines.push(...calls.map(formatToolCall));
  return lines;
}

/** One tool call: name, timing, the input it got and what it returned (shortened; `--json` has it all). */
function formatToolCall(call: ToolCallRecord): string {
  return `    tool ${call.name} (attempt ${call.attempt}, ${Math.round(call.durationMs)}ms) ${brief(call.input)} → ${brief(call.result)}`;
}

function brief(value: unknown, max = 160): string {
  const text = JSON.stringify(value) ?? 'null';
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function indent(text: string): string {
  return text
    .trimEnd()
    .split('\n')
    .map((line) => (line ? `    ${line}` : ''))
    .join('\n');
}
