#!/usr/bin/env node
// Runs the TypeScript CLI through tsx's loader, so the same sources serve the
// CLI, the tests and the planner without a separate build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../generator/src/cli.ts');
process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
