#!/usr/bin/env node
// The installed command: a thin shell around the compiled CLI (built by `npm ci` through `prepare`).
import { main } from '../dist/cli/main.js';

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

process.exitCode = await main(process.argv.slice(2), io);
