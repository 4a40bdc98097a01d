import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { OPS_TOOLS } from '../../src/ops/index.js';
import { captureIo } from '../support/capture-io.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mops-ops-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('mops ops', () => {
  it('lists every tool of the registry', async () => {
    const { io, out } = captureIo({}, dir);
    expect(await runCli(['ops'], io)).toBe(0);
    for (const tool of OPS_TOOLS) expect(out()).toContain(tool.name);
  });

  it('runs a tool from key=value arguments and prints its report', async () => {
    const { io, out } = captureIo({}, dir);
    const code = await runCli(['ops', 'build_utm', 'url=https://example.com/pricing', 'source=LinkedIn', 'medium=social', 'campaign=Spring Launch'], io);
    expect(code).toBe(0);
    expect(out()).toContain('https://example.com/pricing?utm_source=linkedin&utm_medium=social&utm_campaign=spring-launch');
  });

  it('exits 1 when the verdict fails, with JSON on request', async () => {
    const { io, out } = captureIo({}, dir);
    const input = JSON.stringify({ urls: ['https://example.com/?utm_source=Google&utm_medium=email&utm_campaign=x&utm_term=kw'] });
    expect(await runCli(['ops', 'validate_utms', '--input', input, '--json'], io)).toBe(1);
    expect(JSON.parse(out())).toBeTypeOf('object');
  });

  it('reads a CSV file and names its bad line', async () => {
    const file = join(dir, 'leads.csv');
    await writeFile(file, 'email,visited_pricing\nann@acme.com,true\nbob@acme.com,maybe\n');
    const { io, err } = captureIo({}, dir);
    expect(await runCli(['ops', 'score_leads', '--file', 'leads.csv'], io)).not.toBe(0);
    expect(err()).toMatch(/leads\.csv:3/);
  });

  it('names the known tools for an unknown one and rejects bad arguments', async () => {
    const unknown = captureIo({}, dir);
    expect(await runCli(['ops', 'score_lead'], unknown.io)).toBe(1);
    expect(unknown.err()).toMatch(/unknown ops tool "score_lead"; known tools: .*score_leads/);
    const bad = captureIo({}, dir);
    expect(await runCli(['ops', 'build_utm', 'url'], bad.io)).toBe(2);
    expect(bad.err()).toMatch(/expected key=value/);
  });
});
