import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/config/project-paths.js';
import { OPS_TOOLS } from '../../src/ops/index.js';
import {
  computeStepGraph,
  loadPlaybooks,
  playbookJsonSchemaText,
  validatePlaybookFiles,
  type Playbook,
} from '../../src/playbooks/index.js';

/** The 18 skill ids fixed by the design. */
const SKILL_IDS = [
  'marketing-context', 'content-strategy', 'copywriting', 'copy-editing', 'social-content', 'content-production',
  'content-humanizer', 'marketing-ideas', 'seo-specialist', 'ai-seo', 'landing-page-generator', 'brand-guidelines',
  'paid-ads', 'ad-creative', 'cold-email', 'marketing-psychology', 'campaign-analytics', 'marketing-ops',
];

/** The campaign sequences of the core spec: the skills each playbook runs, in order. */
const SEED_SEQUENCES: Record<string, string[]> = {
  'product-launch': [
    'marketing-context', 'content-strategy', 'copywriting', 'landing-page-generator', 'ad-creative', 'paid-ads',
    'social-content', 'cold-email', 'campaign-analytics',
  ],
  'content-sprint': ['content-strategy', 'content-production', 'content-humanizer', 'ai-seo', 'social-content', 'campaign-analytics'],
  'lead-gen-blitz': ['marketing-context', 'landing-page-generator', 'ad-creative', 'paid-ads', 'cold-email', 'campaign-analytics'],
  'brand-awareness': ['marketing-context', 'brand-guidelines', 'content-strategy', 'social-content', 'content-production', 'campaign-analytics'],
  'conversion-optimization': ['marketing-psychology', 'copy-editing', 'copywriting', 'landing-page-generator', 'campaign-analytics'],
};

const playbooksDir = join(PACKAGE_ROOT, 'playbooks');
const opsToolNames = OPS_TOOLS.map((tool) => tool.name);

async function shipped(): Promise<Map<string, Playbook>> {
  const playbooks = await loadPlaybooks(playbooksDir, { skillIds: SKILL_IDS, opsToolNames });
  return new Map(playbooks.map((playbook) => [playbook.id, playbook]));
}

const stepBySkill = (playbook: Playbook, skill: string) =>
  playbook.steps.find((step) => step.type === 'skill' && step.skill === skill);

describe('shipped playbooks', () => {
  it('are the five campaign types and lint clean, without even a warning', async () => {
    expect([...(await shipped()).keys()]).toEqual(Object.keys(SEED_SEQUENCES).sort());
    const diagnostics = await validatePlaybookFiles([playbooksDir], { skillIds: SKILL_IDS, opsToolNames });
    expect(diagnostics).toEqual([]);
  });

  it('run the seed sequences: same skills, same order', async () => {
    for (const [id, playbook] of await shipped()) {
      const skills = playbook.steps.flatMap((step) => (step.type === 'skill' ? [step.skill] : []));
      expect(skills, id).toEqual(SEED_SEQUENCES[id]);
    }
  });

  it('give every step one accountable owner, a request for every skill, and 15 to 30 triggers', async () => {
    for (const [id, playbook] of await shipped()) {
      expect(playbook.triggers.length, id).toBeGreaterThanOrEqual(15);
      expect(playbook.triggers.length, id).toBeLessThanOrEqual(30);
      for (const step of playbook.steps) {
        expect(step.owner?.accountable, `${id}/${step.id}`).toMatch(/^[a-z-]+$/);
        if (step.type === 'skill') expect(step.with.request?.length, `${id}/${step.id}`).toBeGreaterThan(80);
      }
      expect(playbook.context?.min_status, id).toBe('complete');
    }
  });

  it('check UTMs in a gate before analytics in the launch and the lead gen blitz', async () => {
    const playbooks = await shipped();
    for (const id of ['product-launch', 'lead-gen-blitz']) {
      const playbook = playbooks.get(id) as Playbook;
      const gate = playbook.steps.find((step) => step.type === 'gate');
      expect(gate, id).toMatchObject({ tool: 'validate_utms' });
      const graph = computeStepGraph(playbook);
      const analytics = stepBySkill(playbook, 'campaign-analytics');
      expect(graph.ancestors[analytics?.id ?? '']).toContain(gate?.id);
      // The gate sees every channel output that carries links.
      for (const skill of ['paid-ads', 'cold-email']) expect(graph.ancestors[gate?.id ?? '']).toContain(stepBySkill(playbook, skill)?.id);
    }
  });

  it('make the marketing director approve the launch before paid ads are set up', async () => {
    const playbook = (await shipped()).get('product-launch') as Playbook;
    const approval = playbook.steps.find((step) => step.type === 'approval');
    expect(approval).toMatchObject({ approver: 'marketing-director', owner: { accountable: 'marketing-director' } });
    expect(computeStepGraph(playbook).ancestors['paid-ads']).toContain(approval?.id);
  });

  it('run outbound beside the paid effort instead of after it', async () => {
    const playbooks = await shipped();
    for (const id of ['product-launch', 'lead-gen-blitz']) {
      const playbook = playbooks.get(id) as Playbook;
      const graph = computeStepGraph(playbook);
      const coldEmail = stepBySkill(playbook, 'cold-email')?.id ?? '';
      const adSteps = ['ad-creative', 'paid-ads'].map((skill) => stepBySkill(playbook, skill)?.id);
      for (const ad of adSteps) expect(graph.ancestors[coldEmail], `${id}: cold email waits on ${ad}`).not.toContain(ad);
      const level = graph.levels.findIndex((ids) => ids.includes(coldEmail));
      expect(graph.levels[level]?.length, `${id}: cold email shares its level`).toBeGreaterThan(1);
    }
    const launch = playbooks.get('product-launch') as Playbook;
    expect(computeStepGraph(launch).ancestors['social']).not.toContain('ad-creative');
  });

  it('declare the editor schema on their first line', async () => {
    for (const id of Object.keys(SEED_SEQUENCES)) {
      const text = await readFile(join(playbooksDir, `${id}.yaml`), 'utf8');
      expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../schemas/playbook.schema.json');
    }
  });
});

describe('schemas/playbook.schema.json', () => {
  it('is exactly what the zod schema generates (regenerate with the command in playbook-json-schema.ts)', async () => {
    const committed = await readFile(join(PACKAGE_ROOT, 'schemas', 'playbook.schema.json'), 'utf8');
    expect(committed).toBe(playbookJsonSchemaText());
  });
});
