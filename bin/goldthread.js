#!/usr/bin/env node
// The installed command: a thin shell around the compiled CLI (built by `npm ci` through `prepare`).
import { fileURLToPath } from 'node:url';
import { followLauncher, relaunch, shouldRelaunch } from '../dist/cli/relaunch.js';
import { raiseTieringBudget } from '../dist/cli/tiering.js';

raiseTieringBudget();

const argv = process.argv.slice(2);

if (shouldRelaunch(argv, process.execArgv, process.env)) {
  // `batch` runs in a Node started with its own V8 flags: see src/cli/relaunch.ts.
  process.exitCode = await relaunch(fileURLToPath(import.meta.url), argv);
} else {
  followLauncher();
  const { main } = await import('../dist/cli/main.js');
  const io = {
    stdout: process.stdout,
    stderr: process.stderr,
    readStdin: async () => {
      const chunks = [];
      for await (const chunk of process.stdin) chunks.push(chunk);
      return Buffer.concat(chunks);
    },
    cwd: process.cwd(),
    today: new Date().toISOString().slice(0, 10),
    env: process.env,
  };
  process.exitCode = await main(argv, io);
}
