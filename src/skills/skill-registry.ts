import { MopsError } from '../errors/index.js';
import type { Skill } from './skill-schema.js';

/** The loaded skills, by id, in a stable order. */
export class SkillRegistry {
  readonly #byId: Map<string, Skill>;

  constructor(skills: readonly Skill[]) {
    this.#byId = new Map(skills.map((skill) => [skill.id, skill]));
  }

  list(): Skill[] {
    return [...this.#byId.values()];
  }

  ids(): string[] {
    return [...this.#byId.keys()];
  }

  get(id: string): Skill | undefined {
    return this.#byId.get(id);
  }

  /** Like `get`, but throws NOT_FOUND listing the known ids. */
  require(id: string): Skill {
    const skill = this.#byId.get(id);
    if (!skill) {
      throw new MopsError('NOT_FOUND', `unknown skill "${id}"; known skills: ${this.ids().join(', ')}`, {
        details: { skill: id },
      });
    }
    return skill;
  }
}
