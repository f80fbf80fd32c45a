/**
 * `goldthread batch` runs in a Node process started with V8's `--single-threaded-gc`.
 *
 * A batch is parallel by document: each worker thread renders one record at a time, and there
 * are as many workers as cores. By default V8 also gives every isolate garbage-collection helper
 * threads (parallel scavenges, concurrent marking); in a batch they compete with the workers for
 * the same cores and cost CPU in hand-offs. With the flag each worker collects its own garbage on
 * its own thread: on two cores, two jobs rendered 120 PDFs in 8.4-9.5 s instead of 9.7-10.1 s and
 * 2,000 in 89 s instead of 107 s, and one job used a ninth less CPU; over 10,000 it made no
 * difference (472 s against 467 s) and cost ~30 MB (bench/README.md). (V8's
 * `--single-threaded`, which also stops background compilation, did well on one worker and badly
 * on two: 1,000 PDFs took 64 s instead of 45 s.) V8 takes the flag only at process start (worker
 * threads accept no V8 flags, NODE_OPTIONS refuses it, and setting it later from inside the
 * process crashed V8), so the installed command starts a second Node with it and stands by: same
 * arguments, same standard streams, same exit status.
 *
 * The launcher forwards SIGINT, SIGTERM and SIGHUP to the batch and, if the batch dies of a
 * signal, dies of the same one. If the launcher itself is killed, the batch notices its IPC
 * channel closing and kills itself with SIGKILL: whatever stops the command stops the batch.
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:os';

/** The V8 flags a batch runs with. */
export const BATCH_V8_FLAGS: readonly string[] = ['--single-threaded-gc'];

/** Set in the batch process by the launcher; also lets a user turn the relaunch off ("0"). */
export const RELAUNCH_ENV = 'GOLDTHREAD_RELAUNCHED';

const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Whether this invocation should be run again in a Node with the batch's V8 flags. */
export function shouldRelaunch(
  argv: readonly string[],
  execArgv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): boolean {
  if (argv[0] !== 'batch' || env[RELAUNCH_ENV] !== undefined) return false;
  return !BATCH_V8_FLAGS.every((flag) => execArgv.includes(flag));
}

/**
 * Runs `script argv` in a new Node with the batch's V8 flags, and resolves with its exit code
 * once it has ended (after re-raising its signal on this process if it died of one).
 */
export function relaunch(script: string, argv: readonly string[]): Promise<number> {
  const child = spawn(process.execPath, [...process.execArgv, ...BATCH_V8_FLAGS, script, ...argv], {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, [RELAUNCH_ENV]: '1' },
  });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  for (const signal of FORWARDED) process.on(signal, forward);
  return new Promise((resolve) => {
    child.on('error', (error: NodeJS.ErrnoException) => {
      process.stderr.write(`goldthread: could not start the batch's Node process (${error.code ?? error.name})\n`);
      resolve(2);
    });
    child.on('exit', (code, signal) => {
      for (const name of FORWARDED) process.off(name, forward);
      if (signal !== null) {
        process.kill(process.pid, signal);
        // Only reached if this process survives the signal: exit as a shell reports it.
        resolve(128 + (constants.signals[signal] ?? 0));
        return;
      }
      resolve(code ?? 2);
    });
  });
}

/**
 * In the relaunched batch: die with the launcher. The IPC channel closes when the launcher exits
 * for any reason, SIGKILL included; it is unreferenced so it never keeps the batch alive.
 */
export function followLauncher(): void {
  if (process.env[RELAUNCH_ENV] !== '1' || process.channel === undefined) return;
  process.channel.unref();
  process.on('disconnect', () => process.kill(process.pid, 'SIGKILL'));
}
