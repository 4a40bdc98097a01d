import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORE_SKILL_IDS, loadSkills, parseSkill } from '../../src/skills/index.js';
import { resolveProjectPaths } from '../../src/config/project-paths.js';
import { MopsError } from '../../src/errors/index.js';

const GOOD = `---
name: webinar-promo
description: Plans the promotion of a webinar across email and social.
metadata:
  category: channel
  triggers:
    - promote our webinar
    - webinar invitations
  not:
    - when: write the webinar slides
      use: content-production
  requires_context: true
  output: a promotion calendar
  tools: [build_utm]
  contract:
    sections: [Calendar, Emails]
---
# Webinar promotion
Read the context, then plan.
`;

function expectInvalid(text: string, file: string, pattern: RegExp): MopsError {
  try {
    parseSkill(text, { file, folderName: 'webinar-promo' });
  } catch (error) {
    expect(error).toBeInstanceOf(MopsError);
    expect((error as MopsError).code).toBe('INVALID_FILE');
    expect((error as Error).message).toMatch(pattern);
    return error as MopsError;
  }
  throw new Error('expected the skill to be rejected');
}

describe('parseSkill', () => {
  it('reads front matter, routing metadata and the instructions', () => {
    const skill = parseSkill(GOOD, { file: 'skills/webinar-promo/SKILL.md', folderName: 'webinar-promo' });
    expect(skill.native).toBe(true);
    expect(skill.metadata.category).toBe('channel');
    expect(skill.metadata.triggers).toContain('promote our webinar');
    expect(skill.metadata.not).toEqual([{ when: 'write the webinar slides', use: 'content-production' }]);
    expect(skill.metadata.contract?.sections).toEqual(['Calendar', 'Emails']);
    expect(skill.body).toMatch(/^# Webinar promotion/);
  });

  it('accepts a plain Agent Skills file from another collection', () => {
    const text = '---\nname: pdf-tools\ndescription: Extracts tables from PDF files. Use when a user shares a PDF.\nlicense: Apache-2.0\nmetadata:\n  author: someone\n  version: "1.0"\n---\n# PDF tools\nSteps.\n';
    const skill = parseSkill(text, { file: 'x/pdf-tools/SKILL.md', folderName: 'pdf-tools' });
    expect(skill.native).toBe(false);
    expect(skill.metadata.category).toBe('general');
    expect(skill.metadata.triggers).toEqual([]);
    expect(skill.description).toMatch(/Extracts tables/);
  });

  it('names file, line and field for a wrong category', () => {
    const error = expectInvalid(GOOD.replace('category: channel', 'category: chanel'), 'skills/webinar-promo/SKILL.md', /^skills\/webinar-promo\/SKILL\.md:5:\d+: metadata\.category: /);
    expect(error.location).toMatchObject({ file: 'skills/webinar-promo/SKILL.md', line: 5 });
  });

  it('reads example requests and names the line of a bad one', () => {
    const withExamples = GOOD.replace('  not:\n', '  examples:\n    - "how do we get 300 people to sign up for Thursday\'s webinar?"\n    - ok\n  not:\n');
    expectInvalid(withExamples, 'f.md', /^f\.md:11:7: metadata\.examples\[1\]: an example is a whole request/);
    const skill = parseSkill(withExamples.replace('    - ok\n', ''), { file: 'f.md', folderName: 'webinar-promo' });
    expect(skill.metadata.examples).toEqual(["how do we get 300 people to sign up for Thursday's webinar?"]);
  });

  it('names the field of a bad "Not This" rule', () => {
    expectInvalid(GOOD.replace('use: content-production', 'use: Content Production'), 'f.md', /^f\.md:11:\d+: metadata\.not\[0\]\.use: /);
  });

  it('rejects a missing description with the line of the front matter', () => {
    expectInvalid(GOOD.replace(/^description: .*\n/m, ''), 'f.md', /^f\.md:2:\d+: description: /);
  });

  it('rejects a name that is not the folder name', () => {
    expectInvalid(GOOD.replace('name: webinar-promo', 'name: webinar'), 'f.md', /name: expected "webinar-promo" \(the folder name\)/);
  });

  it('rejects an over-long description, bad YAML and a missing front matter', () => {
    expectInvalid(GOOD.replace(/^description: .*$/m, `description: ${'x'.repeat(1100)}`), 'f.md', /description: .*1024/);
    expectInvalid(GOOD.replace('  triggers:', '  triggers: [unclosed'), 'f.md', /^f\.md:\d+:\d+: front matter is not valid YAML/);
    expectInvalid('# just markdown\n', 'f.md', /^f\.md:1:1: expected YAML front matter/);
  });

  it('rejects unknown keys under our metadata so typos do not vanish', () => {
    expectInvalid(GOOD.replace('  requires_context: true', '  requires_contxt: true'), 'f.md', /metadata: .*requires_contxt/i);
  });
});

describe('the shipped skills', () => {
  it('loads all 18 with routing metadata, contracts and substantial instructions', async () => {
    const registry = await loadSkills(resolveProjectPaths().skillsDir);
    expect(registry.ids().sort()).toEqual([...CORE_SKILL_IDS].sort());
    for (const skill of registry.list()) {
      expect(skill.native).toBe(true);
      expect(skill.metadata.triggers.length).toBeGreaterThanOrEqual(30);
      expect(skill.body.split('\n').length).toBeGreaterThanOrEqual(80);
      expect(skill.metadata.contract?.sections.length).toBeGreaterThan(0);
      for (const rule of skill.metadata.not) expect(registry.get(rule.use)).toBeDefined();
    }
  });

  it('loads a folder that mixes our skills with a foreign one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mops-skills-'));
    await mkdir(join(dir, 'webinar-promo'));
    await writeFile(join(dir, 'webinar-promo', 'SKILL.md'), GOOD);
    await mkdir(join(dir, 'pdf-tools'));
    await writeFile(join(dir, 'pdf-tools', 'SKILL.md'), '---\nname: pdf-tools\ndescription: Extracts tables from PDFs.\n---\nBody\n');
    const registry = await loadSkills(dir);
    expect(registry.ids()).toEqual(['pdf-tools', 'webinar-promo']);
    expect(() => registry.require('nope')).toThrow(/unknown skill "nope"; known skills: pdf-tools, webinar-promo/);
  });
});
