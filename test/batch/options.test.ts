import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { capturedIo } from '../support/captured-io.js';
import { ROOT } from './support.js';

describe('goldthread batch arguments', () => {
  it.each([
    [['batch', '--out', 'o'], 'at least one input'],
    [['batch', 'samples'], '--out DIR'],
    [['batch', 'samples', '--out', 'o', '--jobs', '0'], '--jobs'],
    [['batch', 'samples', '--out', 'o', '--jobs', 'many'], '--jobs'],
    [['batch', 'samples', '--out', 'o', '--shard', '4/3'], '--shard'],
    [['batch', 'samples', '--out', 'o', '--timeout', '-1'], '--timeout'],
    [['batch', 'samples', '--out', 'o', '--timeout', '0'], '--timeout'],
    [['batch', 'samples', '--out', 'o', '--format', 'odt'], '--format'],
    [['batch', 'samples', '--out', 'o', '--doc', 'letter'], '--doc'],
    [['batch', 'samples', '--out', 'o', '--frobnicate'], 'frobnicate'],
  ])('%j exits 2', async (argv, message) => {
    const io = capturedIo(ROOT);
    expect(await main(argv, io)).toBe(2);
    expect(io.err()).toContain(message);
  });
});
