/**
 * A CLI io for running commands in this process: what they write is collected, standard input
 * is a fixed text, and today is the tests' date unless given.
 */
import type { CliIo } from '../../src/cli/io.js';

export interface CapturedIo extends CliIo {
  /** Everything written to standard output so far. */
  out(): string;
  /** Everything written to standard error so far. */
  err(): string;
}

export function capturedIo(
  cwd: string,
  options: { stdin?: string; env?: Record<string, string | undefined>; today?: string } = {},
): CapturedIo {
  let out = '';
  let err = '';
  return {
    stdout: { write: (chunk: string) => (out += chunk) },
    stderr: { write: (chunk: string) => (err += chunk) },
    readStdin: async () => new TextEncoder().encode(options.stdin ?? ''),
    cwd,
    today: options.today ?? '2026-11-27',
    env: options.env ?? {},
    out: () => out,
    err: () => err,
  };
}
