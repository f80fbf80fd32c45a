import { describe, expect, it } from 'vitest';
import { BATCH_V8_FLAGS, RELAUNCH_ENV, shouldRelaunch } from '../../src/cli/relaunch.js';

describe('which invocations run again with the batch V8 flags', () => {
  it('relaunches batch started without the flags, and nothing else', () => {
    expect(shouldRelaunch(['batch', 'in', '--out', 'out'], [], {})).toBe(true);
    expect(shouldRelaunch(['render', 'in'], [], {})).toBe(false);
    expect(shouldRelaunch(['audit', 'batch'], [], {})).toBe(false);
    expect(shouldRelaunch([], [], {})).toBe(false);
  });

  it('does not relaunch a batch that already has the flags or was relaunched', () => {
    expect(shouldRelaunch(['batch', 'in'], [...BATCH_V8_FLAGS], {})).toBe(false);
    expect(shouldRelaunch(['batch', 'in'], ['--max-old-space-size=512'], { [RELAUNCH_ENV]: '1' })).toBe(false);
  });

  it('lets a user turn the relaunch off', () => {
    expect(shouldRelaunch(['batch', 'in'], [], { [RELAUNCH_ENV]: '0' })).toBe(false);
  });
});
