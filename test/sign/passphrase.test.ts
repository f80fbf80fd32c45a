import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { PASSPHRASE_VARIABLE, signingPassphrase } from '../../src/sign/passphrase.js';

/** A stand-in terminal: records raw-mode switches; `type` delivers keystrokes. */
class FakeTerminal extends EventEmitter {
  readonly isTTY = true;
  readonly rawModes: boolean[] = [];
  paused = true;
  setRawMode(raw: boolean) {
    this.rawModes.push(raw);
  }
  resume() {
    this.paused = false;
  }
  pause() {
    this.paused = true;
  }
  type(keys: string) {
    for (const key of keys) this.emit('data', Buffer.from(key, 'utf8'));
  }
}

function screen() {
  let shown = '';
  return { write: (chunk: string) => (shown += chunk), shown: () => shown };
}

describe('the signing passphrase', () => {
  it('comes from GOLDTHREAD_P12_PASSPHRASE when set, even when empty, without prompting', async () => {
    const terminal = new FakeTerminal();
    const output = screen();
    expect(await signingPassphrase({ [PASSPHRASE_VARIABLE]: 's3cret' }, terminal, output)).toBe('s3cret');
    expect(await signingPassphrase({ [PASSPHRASE_VARIABLE]: '' }, terminal, output)).toBe('');
    expect(output.shown()).toBe('');
    expect(terminal.rawModes).toEqual([]);
  });

  it('is asked for on a terminal without echoing, with erase and a restored terminal', async () => {
    const terminal = new FakeTerminal();
    const output = screen();
    const answer = signingPassphrase({}, terminal, output);
    terminal.type('pässx\x7fwort\r');
    expect(await answer).toBe('pässwort');
    expect(output.shown()).toBe('Passphrase for the --p12 file: \n');
    expect(terminal.rawModes).toEqual([true, false]);
    expect(terminal.paused).toBe(true);
    expect(terminal.listenerCount('data')).toBe(0);
  });

  it('is cancelled by Ctrl-C', async () => {
    const terminal = new FakeTerminal();
    const answer = signingPassphrase({}, terminal, screen());
    terminal.type('abc\x03');
    await expect(answer).rejects.toBeInstanceOf(UsageError);
    expect(terminal.rawModes).toEqual([true, false]);
  });

  it('is refused, naming the variable, when there is no terminal', async () => {
    const notATerminal = Object.assign(new FakeTerminal(), { isTTY: false });
    await expect(signingPassphrase({}, notATerminal, screen())).rejects.toThrow(PASSPHRASE_VARIABLE);
  });
});
