/** The streams a command talks to: the CLI is a function of (argv, io), so tests need no process. */
export interface CliIo {
  readonly stdout: { write(chunk: string): unknown; readonly isTTY?: boolean };
  readonly stderr: { write(chunk: string): unknown; readonly isTTY?: boolean };
  /** Reads all of standard input (for the `-` input). */
  readStdin(): Promise<Uint8Array>;
  /** The working directory inputs and outputs are resolved against. */
  readonly cwd: string;
  /** Today's date as YYYY-MM-DD: the default as-of date. Injected so tests are stable. */
  readonly today: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** Exit status per the CLI contract: 0 success, 1 work ran but found errors, 2 could not run. */
export type ExitCode = 0 | 1 | 2;

/** One subcommand: parses its own arguments and reports an exit code. */
export type Command = (args: readonly string[], io: CliIo) => Promise<ExitCode>;
