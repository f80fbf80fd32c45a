import { describe, expect, it } from 'vitest';
import { formatDate, joinList, plural } from '../../src/compose/helpers.js';

describe('template helpers', () => {
  it('formats ISO dates unambiguously and leaves anything else blank', () => {
    expect(formatDate('2026-09-09')).toBe('Sep 9, 2026');
    expect(formatDate('2027-01-31')).toBe('Jan 31, 2027');
    expect(formatDate(undefined)).toBe('');
    expect(formatDate('09/09/2026')).toBe('');
  });
  it('joins lists and pluralises counts', () => {
    expect(joinList(['a', 'b'], '; ')).toBe('a; b');
    expect(joinList('not a list', ', ')).toBe('');
    expect(plural(1, 'session', 'sessions')).toBe('1 session');
    expect(plural(3, 'session', 'sessions')).toBe('3 sessions');
  });
});
