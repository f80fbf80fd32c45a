/**
 * Runs goldthread's CLI for hardening tests: in this process through `main(argv, io)` with
 * captured streams, or as the installed command (`node bin/goldthread.js`) in a child process.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';
import { capturedIo } from '../support/captured-io.js';
import { AS_OF } from './documents.js';

/** What one command printed and how it ended. */
export interface CliResult {
  readonly exit: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Set when the child process was stopped for running past its time limit. */
  readonly timedOut?: boolean;
}

const BIN = fileURLToPath(new URL('../../bin/goldthread.js', import.meta.url));

/** Runs `main` in `cwd` with today fixed at the tests' as-of date; `stdin` is what `-` reads. */
export async function runMain(args: readonly string[], cwd: string, stdin = ''): Promise<CliResult> {
  const io = capturedIo(cwd, { stdin, today: AS_OF });
  const exit = await main(args, io);
  return { exit, stdout: io.out(), stderr: io.err() };
}

/** Runs the installed command in `cwd`, killing it (SIGKILL) after `timeoutMs`. */
export function runBin(args: readonly string[], cwd: string, timeoutMs = 60_000): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, GOLDTHREAD_DEBUG: '' } });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (exit) => {
      clearTimeout(timer);
      resolve({ exit, stdout, stderr, ...(timedOut ? { timedOut } : {}) });
    });
  });
}
