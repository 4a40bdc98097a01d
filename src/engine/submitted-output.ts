import { MopsError } from '../errors/index.js';
import { readHandoffMarker } from '../executors/handoff-marker.js';
import type { Playbook } from '../playbooks/index.js';
import { checkOutputContract } from './check-output-contract.js';
import type { EngineSkills } from './engine-options.js';
import type { RunRecord, StepRecord } from './run-records.js';

/**
 * Submitted text meets the same output contract as model output. A step that fails on
 * violations refuses it (it stays waiting, so the text can be fixed and sent again);
 * a step that flags them takes it and records the flag. A handoff marker is treated the
 * same way: refused with its reason, or taken flagged.
 */
export function checkSubmittedOutput(run: RunRecord, step: StepRecord, output: string, skills: EngineSkills): string | undefined {
  if (step.kind !== 'skill' || !step.skill) return undefined;
  const declared = (run.playbookSnapshot as Playbook).steps.find((candidate) => candidate.id === step.stepId);
  const policy = declared?.type === 'skill' ? declared.on_contract_violation : 'flag';
  // A handoff marker (`HANDOFF TO <skill>: <reason>`) naming another installed skill.
  const marker = readHandoffMarker(output);
  if (marker && marker.to !== step.skill && skills.get(marker.to)) {
    const message = `The output for step "${step.stepId}" hands it off to the ${marker.to} skill: ${marker.reason.replace(/[.\s]+$/, '')}`;
    if (policy === 'fail') {
      throw new MopsError(
        'CONTRACT_VIOLATION',
        `${message}. A playbook step does not switch skills on its own; the step is still waiting: submit its deliverable, or cancel the run and change the step's skill to "${marker.to}" in the playbook.`,
        { details: { runId: run.id, stepId: step.stepId, handoff: { to: marker.to, reason: marker.reason } } },
      );
    }
    return message;
  }
  const problems = checkOutputContract(output, skills.get(step.skill)?.metadata.contract);
  if (problems.length === 0) return undefined;
  const message = `The output for step "${step.stepId}" breaks the ${step.skill} output contract: ${problems.join(' ')}`;
  if (policy === 'fail') {
    throw new MopsError('CONTRACT_VIOLATION', `${message} The step is still waiting: fix the text and submit it again.`, {
      details: { runId: run.id, stepId: step.stepId, problems },
    });
  }
  return message;
}

/** The role that must approve an approval step, from the run's playbook snapshot. */
export function approverOf(run: RunRecord, stepId: string): string {
  const step = (run.playbookSnapshot as Playbook).steps.find((candidate) => candidate.id === stepId);
  return step?.type === 'approval' ? step.approver : step?.owner?.accountable ?? 'the accountable owner';
}

/** Role names compare as slugs: "Marketing Director" matches `marketing-director`. */
export function normalizeRole(role: string): string {
  return role.trim().toLowerCase().replace(/[\s_]+/g, '-');
}
