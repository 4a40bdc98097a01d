import { MopsError } from '../errors/index.js';
import type { Playbook } from './playbook-schema.js';

/** How a playbook's steps depend on each other, resolved from `needs`. */
export interface StepGraph {
  /** Step ids in file order. */
  order: string[];
  /** Resolved dependencies: absent `needs` becomes the previous step, `[]` stays empty. */
  needs: Record<string, string[]>;
  /** The steps that wait on each step. */
  dependents: Record<string, string[]>;
  /** Every step a step transitively waits on; only their outputs are ready when it runs. */
  ancestors: Record<string, string[]>;
  /** Topological levels: steps in one level can run in parallel once the levels before are done. */
  levels: string[][];
}

/** Resolves `needs` per step: an absent list means the step before it (none for the first). */
export function resolveNeeds(playbook: Pick<Playbook, 'steps'>): Record<string, string[]> {
  const needs: Record<string, string[]> = {};
  playbook.steps.forEach((step, index) => {
    const previous = playbook.steps[index - 1];
    needs[step.id] = step.needs ? [...new Set(step.needs)] : previous ? [previous.id] : [];
  });
  return needs;
}

/**
 * The first dependency cycle as a path that starts and ends at the same step
 * (`a → b → a`), or undefined. Needs naming unknown steps are ignored here.
 */
export function findDependencyCycle(needs: Record<string, string[]>): string[] | undefined {
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (id: string): string[] | undefined => {
    const seen = state.get(id);
    if (seen === 'done') return undefined;
    if (seen === 'visiting') return [...stack.slice(stack.indexOf(id)), id];
    state.set(id, 'visiting');
    stack.push(id);
    for (const dependency of needs[id] ?? []) {
      if (!(dependency in needs)) continue;
      const cycle = visit(dependency);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(id, 'done');
    return undefined;
  };
  for (const id of Object.keys(needs)) {
    const cycle = visit(id);
    if (cycle) return cycle;
  }
  return undefined;
}

/**
 * The dependency graph of a linted playbook. Pure. Throws INVALID_FILE for a cycle or a
 * need that names no step, which lint reports with a location before any run gets here.
 */
export function computeStepGraph(playbook: Pick<Playbook, 'id' | 'steps'>): StepGraph {
  const order = playbook.steps.map((step) => step.id);
  const needs = resolveNeeds(playbook);
  for (const [id, list] of Object.entries(needs)) {
    const unknown = list.find((dependency) => !(dependency in needs));
    if (unknown !== undefined) {
      throw new MopsError('INVALID_FILE', `Playbook "${playbook.id}": step "${id}" needs "${unknown}", which is not a step. Steps: ${order.join(', ')}.`);
    }
  }
  const cycle = findDependencyCycle(needs);
  if (cycle) {
    throw new MopsError('INVALID_FILE', `Playbook "${playbook.id}" has a dependency cycle: ${cycle.join(' → ')}. Remove one of these needs.`);
  }

  const dependents: Record<string, string[]> = Object.fromEntries(order.map((id) => [id, []]));
  for (const id of order) for (const dependency of needs[id] ?? []) dependents[dependency]?.push(id);

  const ancestors: Record<string, string[]> = {};
  const ancestorsOf = (id: string): Set<string> => {
    const known = ancestors[id];
    if (known) return new Set(known);
    const result = new Set<string>();
    for (const dependency of needs[id] ?? []) {
      result.add(dependency);
      for (const further of ancestorsOf(dependency)) result.add(further);
    }
    ancestors[id] = order.filter((candidate) => result.has(candidate));
    return result;
  };
  for (const id of order) ancestorsOf(id);

  const levelOf = new Map<string, number>();
  const computeLevel = (id: string): number => {
    const known = levelOf.get(id);
    if (known !== undefined) return known;
    const level = Math.max(-1, ...(needs[id] ?? []).map(computeLevel)) + 1;
    levelOf.set(id, level);
    return level;
  };
  const levels: string[][] = [];
  for (const id of order) {
    const level = computeLevel(id);
    (levels[level] ??= []).push(id);
  }
  return { order, needs, dependents, ancestors, levels };
}
