import { describe, expect, it } from 'vitest';
import { isInService } from './fleet-count';

describe('isInService', () => {
  it.each([
    ['active', true],
    ['maintenance', true],
    ['offline', true],
    ['sold', false],
  ])('%s → %s', (status, expected) => {
    expect(isInService(status)).toBe(expected);
  });
});
