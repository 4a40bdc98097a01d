#!/usr/bin/env node
import { runBundle } from './run-bundle.js';

// The bundle when the build wrote one (a cold start in about half the time, see
// run-bundle.ts); the modules themselves otherwise (a plain `tsc` build).
if (!runBundle()) await import('./start-cli.js');
