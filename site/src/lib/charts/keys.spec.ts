import { describe, expect, it } from 'vitest';
import { nextIndex } from './keys';

describe('nextIndex', () => {
  it.each([
    ['ArrowRight', 2, 3],
    ['ArrowDown', 2, 3],
    ['ArrowLeft', 2, 1],
    ['ArrowUp', 2, 1],
    ['ArrowRight', 4, 4],
    ['ArrowLeft', 0, 0],
    ['Home', 3, 0],
    ['End', 1, 4],
    ['a', 1, undefined],
  ] as const)('%s from %i → %s', (key, from, to) => {
    expect(nextIndex(key, from, 5)).toBe(to);
  });

  it('has nowhere to go without marks', () => {
    expect(nextIndex('ArrowRight', 0, 0)).toBeUndefined();
  });
});
