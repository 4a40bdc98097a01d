import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  PromptListChangedNotificationSchema,
  ResourceListChangedNotificationSchema,
  ToolListChangedNotificationSchema,
} from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, makeTempProject, type Connected, type TempProject } from './support/mcp-fixture.js';

const FOREIGN_SKILL = `---
name: launch-checklist
description: Builds a go-live checklist for a product launch, with owners and dates for every item.
---

# Launch checklist

List every task between code freeze and announcement, give each an owner and a date.
`;

let project: TempProject;
let session: Connected;
const logs: string[] = [];
const notified: string[] = [];
let waiters: Array<() => void> = [];

/** Resolves at the next prompts/list_changed notification. */
const nextPromptChange = (): Promise<void> => new Promise((resolve) => waiters.push(resolve));

beforeAll(async () => {
  project = makeTempProject({ copySkills: true, copyPlaybooks: true });
  session = await connect(project, {
    deps: { watch: true, watchDebounceMs: 50, log: (message) => logs.push(message) },
    setup: (client) => {
      client.setNotificationHandler(PromptListChangedNotificationSchema, () => {
        notified.push('prompts');
        const pending = waiters;
        waiters = [];
        for (const resolve of pending) resolve();
      });
      client.setNotificationHandler(ResourceListChangedNotificationSchema, () => void notified.push('resources'));
      client.setNotificationHandler(ToolListChangedNotificationSchema, () => void notified.push('tools'));
    },
  });
});
afterAll(async () => {
  await session.close();
  await project.remove();
});

describe('watching skills/ and playbooks/', () => {
  it('picks up a new skill: prompt, list_skills and resources follow, with list_changed notifications', async () => {
    const changed = nextPromptChange();
    mkdirSync(join(project.paths.skillsDir, 'launch-checklist'));
    writeFileSync(join(project.paths.skillsDir, 'launch-checklist', 'SKILL.md'), FOREIGN_SKILL);
    await changed;

    const { prompts } = await session.client.listPrompts();
    expect(prompts.map((p) => p.name)).toContain('launch-checklist');
    const skills = await session.client.callTool({ name: 'list_skills', arguments: {} });
    expect((skills.structuredContent as any).skills.map((s: any) => s.id)).toContain('launch-checklist');
    const { resources } = await session.client.listResources();
    expect(resources.map((r) => r.uri)).toContain('skill://launch-checklist/SKILL.md');
    expect(notified).toContain('resources');
    // Prompts were re-registered in one burst: one notification, not one per prompt.
    expect(notified.filter((kind) => kind === 'prompts')).toHaveLength(1);
  });

  it('drops a deleted playbook', async () => {
    const changed = nextPromptChange();
    rmSync(join(project.paths.playbooksDir, 'brand-awareness.yaml'));
    await changed;
    const { prompts } = await session.client.listPrompts();
    expect(prompts.map((p) => p.name)).not.toContain('brand-awareness');
    const plan = await session.client.callTool({ name: 'plan_campaign', arguments: { playbook: 'brand-awareness' } });
    expect(plan.isError).toBe(true);
  });

  it('keeps serving the last good catalog when a file is broken, and says why on the log', async () => {
    const before = notified.length;
    writeFileSync(join(project.paths.playbooksDir, 'broken.yaml'), 'id: broken\nsteps: [\n');
    for (let i = 0; i < 200 && !logs.some((line) => line.includes('keeping the last good')); i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(logs.find((line) => line.includes('keeping the last good'))).toMatch(/broken\.yaml/);
    expect(notified.length).toBe(before);
    const { prompts } = await session.client.listPrompts();
    expect(prompts.map((p) => p.name)).toContain('launch-checklist');
  });
});
