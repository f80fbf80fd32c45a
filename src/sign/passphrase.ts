/**
 * Where a PKCS#12 passphrase comes from: the `GOLDTHREAD_P12_PASSPHRASE` environment variable,
 * or, on a terminal, a prompt that does not echo what is typed. Never a command-line flag: those
 * show up in `ps` and in shell history.
 */
import { UsageError } from '../errors.js';

/** The environment variable `goldthread sign` reads the passphrase from. */
export const PASSPHRASE_VARIABLE = 'GOLDTHREAD_P12_PASSPHRASE';

/** A terminal input that can stop echoing (process.stdin when it is a TTY). */
export interface SecretInput {
  readonly isTTY?: boolean;
  setRawMode?(raw: boolean): unknown;
  on(event: 'data', listener: (chunk: Buffer | string) => void): unknown;
  removeListener(event: 'data', listener: (chunk: Buffer | string) => void): unknown;
  resume(): unknown;
  pause(): unknown;
}

/** The passphrase from the environment, else from a no-echo prompt on `input` (written to `output`). */
export async function signingPassphrase(
  env: Readonly<Record<string, string | undefined>>,
  input: SecretInput,
  output: { write(chunk: string): unknown },
): Promise<string> {
  const fromEnv = env[PASSPHRASE_VARIABLE];
  if (fromEnv !== undefined) return fromEnv;
  if (!input.isTTY || typeof input.setRawMode !== 'function') {
    throw new UsageError(`set ${PASSPHRASE_VARIABLE} to the --p12 file's passphrase (no terminal to ask on)`);
  }
  return promptHidden(input, output, 'Passphrase for the --p12 file: ');
}

const ENTER = new Set([0x0a, 0x0d]);
const ERASE = new Set([0x08, 0x7f]);
const CTRL_C = 0x03;
const CTRL_D = 0x04;
const CTRL_U = 0x15;

/** Reads one line from a terminal in raw mode, so nothing typed is shown; Ctrl-C cancels. */
function promptHidden(input: SecretInput, output: { write(chunk: string): unknown }, prompt: string): Promise<string> {
  output.write(prompt);
  input.setRawMode?.(true);
  input.resume();
  return new Promise((resolve, reject) => {
    let typed: Buffer = Buffer.alloc(0);
    const finish = (error?: Error) => {
      input.removeListener('data', onData);
      input.setRawMode?.(false);
      input.pause();
      output.write('\n');
      // Multi-byte characters arrive as bytes; decode once the whole line is in.
      if (error) reject(error);
      else resolve(typed.toString('utf8'));
    };
    const onData = (chunk: Buffer | string) => {
      for (const byte of typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk) {
        if (byte === CTRL_C) return finish(new UsageError('signing cancelled at the passphrase prompt'));
        if (ENTER.has(byte) || byte === CTRL_D) return finish();
        if (ERASE.has(byte)) typed = eraseLastCharacter(typed);
        else if (byte === CTRL_U) typed = Buffer.alloc(0);
        else typed = Buffer.concat([typed, Buffer.of(byte)]);
      }
    };
    input.on('data', onData);
  });
}

/** Drops the last UTF-8 character (its continuation bytes are 10xxxxxx). */
function eraseLastCharacter(bytes: Buffer): Buffer {
  let end = bytes.length - 1;
  while (end > 0 && ((bytes[end] as number) & 0xc0) === 0x80) end--;
  return bytes.subarray(0, Math.max(0, end));
}
