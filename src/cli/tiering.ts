/**
 * The command line's V8 tiering: functions must run four times longer than V8's default before
 * its optimizing compiler (TurboFan) takes them up.
 *
 * With the default, a one-record `goldthread render` spent a sixth of its time optimizing code it
 * then ran a few more times: rendering one sample PDF took 1.22-1.27 s, against 1.07-1.10 s with
 * the budget raised (runs interleaved on an idle two-core machine; `--no-opt` gave the same 1.1 s
 * but halves warm throughput). A long batch still optimizes what it runs hot: two jobs over
 * 1,000 records took 62-64 s against 66-72 s. Output does not depend on it: compiled code computes
 * the same bytes.
 *
 * V8 reads the budget whenever it resets a function's counter, so setting it before anything heavy
 * is loaded acts like the start-up flag (Node's documentation warns that flags set after start may
 * be ignored; this one is not). Only the CLI sets it: a script using the library keeps its own.
 */
import { setFlagsFromString } from 'node:v8';

/** The flag, at four times V8's default of 67,584 bytecode bytes. */
export const TIERING_V8_FLAG = `--interrupt-budget=${4 * 67_584}`;

export function raiseTieringBudget(): void {
  setFlagsFromString(TIERING_V8_FLAG);
}
