import { describe, expect, it } from 'vitest';
import { depthBeyond } from '../../main/core/jsonDepth';

describe('depthBeyond', () => {
  it('answers null for values within the limit, scalars included', () => {
    expect(depthBeyond(5, 0)).toBeNull();
    expect(depthBeyond({ a: [1, { b: 'x' }] }, 3)).toBeNull();
  });

  it('answers the first depth past the limit, on arrays and objects alike', () => {
    expect(depthBeyond({ a: [1, { b: 'x' }] }, 2)).toBe(3);
    expect(depthBeyond([[[]]], 1)).toBe(2);
  });

  it('reads a hundred thousand levels without overflowing the stack', () => {
    const depth = 100_000;
    const deep: unknown = JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`);
    expect(depthBeyond(deep, 64)).toBe(65);
    expect(depthBeyond(deep, depth)).toBeNull();
  });
});
