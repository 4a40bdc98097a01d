import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/config/project-paths.js';
import { MopsError } from '../../src/errors/index.js';
import { listContexts, loadContext, resolveDefaultContextName, scoreContext, validateContextFiles } from '../../src/context/index.js';

const shipped = (name: string) => join(PACKAGE_ROOT, 'context', name);

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mops-context-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function caught(promise: Promise<unknown>): Promise<MopsError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(MopsError);
  return error as MopsError;
}

describe('contexts side by side', () => {
  beforeEach(async () => {
    await copyFile(shipped('northwind-analytics.md'), join(dir, 'northwind-analytics.md'));
    await copyFile(shipped('_template.md'), join(dir, '_template.md'));
    await writeFile(join(dir, 'globex.md'), '# Globex — marketing context\n\n## Product\n\nGlobex sells hammocks to offices.\n');
    await writeFile(join(dir, 'README.md'), '# Client contexts\n');
  });

  it('lists client contexts, not the template or a README', async () => {
    expect(await listContexts(dir)).toEqual(['globex', 'northwind-analytics']);
    expect(await listContexts(join(dir, 'nope'))).toEqual([]);
  });

  it('loads each by name and by path, and scores them independently', async () => {
    const northwind = await loadContext('northwind-analytics', { contextDir: dir });
    const globex = await loadContext('globex.md', { contextDir: '/elsewhere', cwd: dir });
    expect(northwind.company).toBe('Northwind Analytics');
    expect(globex).toMatchObject({ name: 'globex', company: 'Globex', file: join(dir, 'globex.md') });
    expect(scoreContext(northwind).readiness).toBe('ready');
    expect(scoreContext(globex).readiness).toBe('not-ready');
  });

  it('names the path it tried and lists the contexts there are when a name is unknown', async () => {
    const error = await caught(loadContext('initech', { contextDir: dir }));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toBe(`No marketing context at ${join(dir, 'initech.md')}. Available contexts: globex, northwind-analytics.`);
    expect(error.details).toMatchObject({ available: ['globex', 'northwind-analytics'] });
  });

  it('asks which one to use when several exist and none is named', async () => {
    const error = await caught(loadContext(undefined, { contextDir: dir, env: {} }));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toContain('Several marketing contexts exist (globex, northwind-analytics); say which one with --context <name> or set MOPS_CONTEXT.');
  });

  it('uses MOPS_CONTEXT as the default', async () => {
    const context = await loadContext(undefined, { contextDir: dir, env: { MOPS_CONTEXT: 'globex' } });
    expect(context.name).toBe('globex');
  });
});

describe('default context', () => {
  it('is the only context when there is exactly one', async () => {
    await copyFile(shipped('northwind-analytics.md'), join(dir, 'northwind-analytics.md'));
    await copyFile(shipped('_template.md'), join(dir, '_template.md'));
    expect(await resolveDefaultContextName({ contextDir: dir, env: {} })).toBe('northwind-analytics');
    expect((await loadContext(undefined, { contextDir: dir, env: {} })).company).toBe('Northwind Analytics');
  });

  it('is NOT_FOUND, pointing at the template, when there are none', async () => {
    const error = await caught(resolveDefaultContextName({ contextDir: dir, env: {} }));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toContain('_template.md');
  });

  it('resolves to the shipped example in the package', async () => {
    expect(await resolveDefaultContextName({ contextDir: join(PACKAGE_ROOT, 'context'), env: {} })).toBe('northwind-analytics');
  });
});

describe('validateContextFiles', () => {
  it('warns about unfinished sections, unknown sections and name mismatches; errors on broken front matter', async () => {
    await writeFile(
      join(dir, 'acme.md'),
      '---\nname: acme-corp\n---\n# Acme — marketing context\n\n## Product\n\nAnvils.\n\n## Pricing\n\n$10.\n',
    );
    await writeFile(join(dir, 'broken.md'), '---\nname: [x\n---\n');
    await copyFile(shipped('northwind-analytics.md'), join(dir, 'northwind-analytics.md'));
    await copyFile(shipped('_template.md'), join(dir, '_template.md'));

    const diagnostics = await validateContextFiles([dir]);
    const forFile = (name: string) => diagnostics.filter((d) => d.file === join(dir, name));
    expect(forFile('northwind-analytics.md')).toEqual([]);
    expect(forFile('_template.md')).toEqual([]);
    const acme = forFile('acme.md');
    expect(acme.every((d) => d.severity === 'warning')).toBe(true);
    expect(acme.find((d) => d.line === 6)?.message).toMatch(/^Section "Product" is thin: Only 1 word;/);
    expect(acme.some((d) => d.message === 'Section "Goals" is missing: No "## Goals" section. Add one with: measurable goals for the period: targets with numbers and dates.')).toBe(true);
    expect(acme.find((d) => d.line === 10)?.message).toBe('Section "Pricing" is not a known context section, so it is kept but not scored.');
    expect(acme.some((d) => d.message.includes('Front matter name "acme-corp" differs from the file name "acme"'))).toBe(true);
    const [broken] = forFile('broken.md');
    expect(broken).toMatchObject({ severity: 'error', line: 2 });
    expect(broken?.message).toMatch(/^Front matter is not valid YAML/);
  });
});
