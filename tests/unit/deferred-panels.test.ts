import { describe, expect, it } from 'vitest';
import { nearestFirst } from '../../src/deck/deferred-panels.ts';

describe('nearestFirst()', () => {
  it('orders panels by distance from the current slide, the next slide before the previous one', () => {
    // Panels on slides 2, 5, 6, 9 and 4; the deck shows slide 5.
    expect(nearestFirst([2, 5, 6, 9, 4], 5)).toEqual([1, 2, 4, 0, 3]);
  });

  it('keeps document order for panels on the same slide, and from the title slide goes forward', () => {
    expect(nearestFirst([3, 1, 3, 0], 0)).toEqual([3, 1, 0, 2]);
    expect(nearestFirst([], 4)).toEqual([]);
  });
});
