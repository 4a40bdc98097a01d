import { copyFile, mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/config/project-paths.js';
import { MopsError } from '../../src/errors/index.js';
import { loadPlaybook, loadPlaybookSource, loadPlaybooks, validatePlaybookFiles } from '../../src/playbooks/index.js';

const good = `id: tiny
name: Tiny
description: One step.
steps:
  - id: only
    skill: copywriting
    owner: { accountable: content-lead }
    with: { request: Write a headline }
`;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mops-playbooks-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('loadPlaybook', () => {
  it('loads by id from the playbooks folder and by path', async () => {
    await writeFile(join(dir, 'tiny.yaml'), good);
    expect((await loadPlaybook('tiny', { playbooksDir: dir })).name).toBe('Tiny');
    expect((await loadPlaybook(join(dir, 'tiny.yaml'), { playbooksDir: '/nowhere' })).id).toBe('tiny');
    expect((await loadPlaybook('tiny.yaml', { playbooksDir: '/nowhere', cwd: dir })).id).toBe('tiny');
  });

  it('says which playbooks exist when the id is unknown', async () => {
    await writeFile(join(dir, 'tiny.yaml'), good);
    await writeFile(join(dir, 'other.yml'), good.replace('id: tiny', 'id: other'));
    const error = await loadPlaybook('launch', { playbooksDir: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MopsError);
    expect((error as MopsError).code).toBe('NOT_FOUND');
    expect((error as MopsError).message).toContain('Available playbooks: other, tiny.');
    expect((error as MopsError).message).toContain(join(dir, 'launch.yaml'));
  });

  it('fails on lint errors with file:line:col, and returns warnings otherwise', async () => {
    await writeFile(join(dir, 'bad.yaml'), good.replace('id: tiny', 'id: bad').replace('skill: copywriting', 'skill: copy-writer'));
    const error = await loadPlaybook('bad', { playbooksDir: dir, skillIds: ['copywriting', 'copy-editing'] }).catch((e: unknown) => e);
    expect((error as MopsError).code).toBe('INVALID_FILE');
    expect((error as MopsError).message).toBe(
      `${join(dir, 'bad.yaml')}:6:12: Unknown skill "copy-writer" in step "only". Did you mean "copywriting"? Run \`mops skills\` for the list.`,
    );

    await writeFile(join(dir, 'tiny.yaml'), good.replace('    owner: { accountable: content-lead }\n', ''));
    const source = await loadPlaybookSource('tiny', { playbooksDir: dir, skillIds: ['copywriting'] });
    expect(source.file).toBe(join(dir, 'tiny.yaml'));
    expect(source.warnings.map((w) => w.message)).toEqual([
      'Step "only" has no owner. Add owner: { accountable: <role> } so someone answers for it.',
    ]);
  });

  it('loads a folder sorted by id, skipping files that start with _', async () => {
    await writeFile(join(dir, 'b.yaml'), good.replace('id: tiny', 'id: beta'));
    await writeFile(join(dir, 'a.yaml'), good.replace('id: tiny', 'id: alpha'));
    await writeFile(join(dir, '_draft.yaml'), 'not: [valid');
    await writeFile(join(dir, 'notes.txt'), 'ignored');
    expect((await loadPlaybooks(dir)).map((p) => p.id)).toEqual(['alpha', 'beta']);
    expect(await loadPlaybooks(join(dir, 'missing'))).toEqual([]);
  });
});

describe('validatePlaybookFiles', () => {
  it('collects problems from several files and folders without throwing', async () => {
    await mkdir(join(dir, 'set'));
    await writeFile(join(dir, 'set', 'tiny.yaml'), good);
    await writeFile(join(dir, 'set', 'renamed.yaml'), good);
    await writeFile(join(dir, 'broken.yaml'), 'id: x\nname: [oops\n');
    await copyFile(join(PACKAGE_ROOT, 'playbooks', 'content-sprint.yaml'), join(dir, 'set', 'content-sprint.yaml'));

    const diagnostics = await validatePlaybookFiles([join(dir, 'set'), join(dir, 'broken.yaml'), join(dir, 'absent.yaml')], {
      skillIds: ['copywriting'],
    });
    const summary = diagnostics.map((d) => `${d.file.slice(dir.length + 1)}:${d.line}:${d.column} ${d.severity}`);
    expect(summary).toContain('set/renamed.yaml:1:5 warning');
    const sprintText = await readFile(join(dir, 'set', 'content-sprint.yaml'), 'utf8');
    const strategyLine = sprintText.split('\n').indexOf('    skill: content-strategy') + 1;
    expect(summary).toContain(`set/content-sprint.yaml:${strategyLine}:12 error`);
    expect(diagnostics.find((d) => d.file.endsWith('renamed.yaml'))?.message).toContain('differs from the file name "renamed"');
    expect(diagnostics.find((d) => d.file.endsWith('content-sprint.yaml'))?.message).toContain('Unknown skill "content-strategy"');
    expect(diagnostics.some((d) => d.file.endsWith('broken.yaml') && d.severity === 'error' && d.message.startsWith('YAML:'))).toBe(true);
    expect(diagnostics.find((d) => d.file.endsWith('absent.yaml'))?.message).toMatch(/^Cannot read the playbook/);
    expect(diagnostics.some((d) => d.file.endsWith('tiny.yaml'))).toBe(false);
  });
});
