// `npm run bench`: prints the project's speed numbers next to their targets.
// Each section is its own module under scripts/bench/; pass names to run only some:
//   npm run bench -- routing engine
import { benchRouting } from './bench/routing.js';
import { benchOps } from './bench/ops.js';
import { benchMcp } from './bench/mcp.js';
import { benchEngine } from './bench/engine.js';

const SECTIONS = {
  routing: benchRouting,
  engine: benchEngine,
  mcp: benchMcp,
  ops: benchOps,
};

const wanted = process.argv.slice(2);
const names = wanted.length ? wanted : Object.keys(SECTIONS);
const rows = [];
for (const name of names) {
  const section = SECTIONS[name];
  if (!section) {
    console.error(`unknown bench section "${name}"; known: ${Object.keys(SECTIONS).join(', ')}`);
    process.exit(2);
  }
  process.stderr.write(`running ${name}...\n`);
  rows.push(...(await section()));
}
const w0 = Math.max(...rows.map((r) => r[0].length));
const w1 = Math.max(...rows.map((r) => r[1].length));
console.log(`${'measure'.padEnd(w0)}  ${'result'.padEnd(w1)}  target`);
for (const [what, result, target] of rows) console.log(`${what.padEnd(w0)}  ${result.padEnd(w1)}  ${target}`);
process.exit(0);
