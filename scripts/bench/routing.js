// Routing: in-process throughput and per-request latency, and `mops route` from a cold start.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadRouter } from '../../dist/routing/index.js';
import { PACKAGE_ROOT } from '../../dist/config/project-paths.js';
import { fmt, summarize } from './measure.js';

export async function benchRouting() {
  const texts = readFileSync(join(PACKAGE_ROOT, 'test/routing/fixtures/labelled-requests.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line).text);
  const router = await loadRouter();
  // Warm caches and let V8 finish optimising (a long-running server is past this point).
  const warmUntil = performance.now() + 2000;
  while (performance.now() < warmUntil) for (const t of texts) router.route(t);

  // Throughput: as many routes as fit in ~2 s, per second of wall time and per second of
  // this process's CPU time (what one core delivers when nothing else competes for it).
  let count = 0;
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  while (performance.now() - start < 2000) {
    for (const t of texts) router.route(t);
    count += texts.length;
  }
  const perSecond = count / ((performance.now() - start) / 1000);
  const cpu = process.cpuUsage(cpuStart);
  const perCpuSecond = count / ((cpu.user + cpu.system) / 1e6);

  // Latency per request, one request at a time.
  const samples = [];
  for (let round = 0; round < 20; round++) {
    for (const t of texts) {
      const s = performance.now();
      router.route(t);
      samples.push(performance.now() - s);
    }
  }
  const latency = summarize(samples);

  // Cold start: a new `mops route` process each time.
  const bin = join(PACKAGE_ROOT, 'dist/cli/bin.js');
  const cold = [];
  for (let i = 0; i < 8; i++) {
    const s = performance.now();
    execFileSync(process.execPath, [bin, 'route', '--json', 'write a LinkedIn post about our launch'], { stdio: 'pipe' });
    cold.push(performance.now() - s);
  }
  const coldStart = summarize(cold);

  return [
    [
      'routing throughput (1 core, in-process; wall / CPU time)',
      `${Math.round(perSecond).toLocaleString('en-US')} / ${Math.round(perCpuSecond).toLocaleString('en-US')} routes/s`,
      '≥ 20,000 routes/s',
    ],
    ['routing latency p50 / p99', `${fmt(latency.p50)} / ${fmt(latency.p99)}`, 'p99 < 1 ms'],
    ['mops route cold start (median / p90 of 8)', `${fmt(coldStart.p50)} / ${fmt(coldStart.p90)}`, '< 400 ms'],
  ];
}
