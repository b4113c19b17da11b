import { describe, it, expect } from 'vitest';
import { fmt3, showChar } from '../../../src/engine/tasks/labels';

describe('fmt3', () => {
  it('writes 3 significant digits without trailing zeros', () => {
    expect(fmt3(0.123456)).toBe('0.123');
    expect(fmt3(1234)).toBe('1230');
    expect(fmt3(-2.5)).toBe('-2.5');
    expect(fmt3(1)).toBe('1');
    expect(fmt3(0.000123456)).toBe('0.000123');
    expect(fmt3(1.23456e-9)).toBe('1.23e-9');
    expect(fmt3(-0.0001)).toBe('-0.0001');
    expect(fmt3(-0)).toBe('0');
    expect(fmt3(NaN)).toBe('NaN');
  });
});

describe('showChar', () => {
  it('makes whitespace and control characters visible and leaves others alone', () => {
    expect(['\n', ' ', '\t', 'a', '"', '\u0007', '😀'].map(showChar)).toEqual(['↵', '␣', '⇥', 'a', '"', 'U+0007', '😀']);
  });
});
