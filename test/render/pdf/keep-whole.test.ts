import { describe, expect, it } from 'vitest';
import {
  BODY_HEIGHT,
  estimatedTextHeight,
  KEEP_WHOLE_LIMIT,
  mayKeepWhole,
} from '../../../src/render/pdf/keep-whole.js';

const line = 10 * 1.25;

describe('estimatedTextHeight', () => {
  it('counts one line for short text and one per newline', () => {
    expect(estimatedTextHeight('PHQ-9 falls to 9', 300, 10)).toBe(line);
    expect(estimatedTextHeight('a\nb\n\nc', 300, 10)).toBe(4 * line);
  });

  it('wraps words greedily to the width', () => {
    // Each word is 4 characters, about 25 points at 10 points: two fit a 60-point line, not three.
    expect(estimatedTextHeight('word word word word word word', 60, 10)).toBe(3 * line);
  });

  it('breaks a word longer than the line inside itself', () => {
    const token = 'x'.repeat(100); // about 620 points
    expect(estimatedTextHeight(token, 100, 10)).toBe(7 * line);
    expect(estimatedTextHeight(`lead ${token}`, 100, 10)).toBe(8 * line);
  });

  it('is on the generous side for ordinary prose in Roboto (about 0.46 em a character)', () => {
    const prose = 'Depressed mood most days with loss of interest in work and friends. '.repeat(10);
    const roboto = prose.length * 0.46 * 10;
    expect(estimatedTextHeight(prose, 200, 10)).toBeGreaterThanOrEqual(Math.ceil(roboto / 200) * line);
  });
});

describe('mayKeepWhole', () => {
  it('keeps whole what fits in half a page and lets taller blocks break', () => {
    expect(KEEP_WHOLE_LIMIT).toBe(BODY_HEIGHT / 2);
    expect(mayKeepWhole(KEEP_WHOLE_LIMIT)).toBe(true);
    expect(mayKeepWhole(KEEP_WHOLE_LIMIT + 1)).toBe(false);
  });
});
