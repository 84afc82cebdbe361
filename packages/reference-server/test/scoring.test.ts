import { describe, expect, it } from 'vitest';
import { isCorrectChoice, rank, type ScoreInput, scoreAnswer } from '../src/game/scoring.js';

const base: ScoreInput = {
  correct: true,
  elapsedMs: 0,
  limitMs: 20_000,
  points: 'standard',
  speedScoring: true,
  streaks: true,
  streakBefore: 0,
};

describe('scoreAnswer', () => {
  it.each([
    ['an instant correct answer earns full points', {}, 1000, 0, 1],
    ['a correct answer after a quarter of the time earns 875', { elapsedMs: 5_000 }, 875, 0, 1],
    ['a correct answer at the deadline earns half', { elapsedMs: 20_000 }, 500, 0, 1],
    ['an answer in the grace period counts as the deadline', { elapsedMs: 20_250 }, 500, 0, 1],
    ['elapsed before the opening clamps to zero', { elapsedMs: -40 }, 1000, 0, 1],
    ['rounding follows Math.round (999.975 → 1000)', { elapsedMs: 1 }, 1000, 0, 1],
    ['rounding follows Math.round (666.5 → 667)', { elapsedMs: 13_340 }, 667, 0, 1],
    ['double points double the base', { points: 'double', elapsedMs: 5_000 }, 1750, 0, 1],
    ['double points at the deadline earn 1000', { points: 'double', elapsedMs: 20_000 }, 1000, 0, 1],
    [
      'a none question earns nothing and leaves the streak alone',
      { points: 'none', elapsedMs: 3_000, streakBefore: 2 },
      0,
      0,
      2,
    ],
    ['the spec example: third in a row after 5 s', { elapsedMs: 5_000, streakBefore: 2 }, 875, 200, 3],
    ['the second correct answer in a row adds 100', { streakBefore: 1 }, 1000, 100, 2],
    ['the streak bonus caps at 500 on the sixth', { streakBefore: 5 }, 1000, 500, 6],
    ['the streak bonus stays at 500 beyond the sixth', { streakBefore: 11 }, 1000, 500, 12],
    ['speed scoring off gives full points late', { speedScoring: false, elapsedMs: 19_000 }, 1000, 0, 1],
    ['speed scoring off with double points', { speedScoring: false, points: 'double' }, 2000, 0, 1],
    [
      'streaks off adds no bonus but still counts the streak',
      { streaks: false, streakBefore: 4 },
      1000,
      0,
      5,
    ],
    ['a wrong answer earns nothing and resets the streak', { correct: false, streakBefore: 4 }, 0, 0, 0],
    ['a poll earns nothing and keeps the streak', { correct: null, streakBefore: 3 }, 0, 0, 3],
  ] as const)('%s', (_name, input, points, streakBonus, streakAfter) => {
    expect(scoreAnswer({ ...base, ...input })).toEqual({ points, streakBonus, streakAfter });
  });

  it('matches round(points × (1 − (elapsed / limit) / 2)) at every second of a 20 s question', () => {
    for (let s = 0; s <= 20; s++) {
      const out = scoreAnswer({ ...base, elapsedMs: s * 1000 });
      expect(out.points).toBe(Math.round(1000 * (1 - s / 20 / 2)));
    }
  });
});

describe('isCorrectChoice', () => {
  it.each([
    [[1], [1], true],
    [[0], [1], false],
    [[0, 2], [0, 2], true],
    [[2, 0], [0, 2], true],
    [[0], [0, 2], false],
    [[0, 1, 2], [0, 2], false],
    [[0, 0], [0], true],
    [[], [], true],
    [[1], [], false],
  ])('choice %j against correct %j is %s', (choice, correct, expected) => {
    expect(isCorrectChoice(choice, correct)).toBe(expected);
  });
});

describe('rank', () => {
  const byOrder = (a: { order: number }, b: { order: number }) => a.order - b.order;

  it('gives equal scores the same rank and skips the next ("1224")', () => {
    const ranked = rank(
      [
        { id: 'a', score: 500, order: 0 },
        { id: 'b', score: 900, order: 1 },
        { id: 'c', score: 500, order: 2 },
        { id: 'd', score: 100, order: 3 },
      ],
      byOrder,
    );
    expect(ranked.map((r) => [r.id, r.rank])).toEqual([
      ['b', 1],
      ['a', 2],
      ['c', 2],
      ['d', 4],
    ]);
  });

  it('orders ties by the tie-break key', () => {
    const ranked = rank(
      [
        { id: 'late', score: 0, order: 5 },
        { id: 'early', score: 0, order: 1 },
      ],
      byOrder,
    );
    expect(ranked.map((r) => r.id)).toEqual(['early', 'late']);
    expect(ranked.every((r) => r.rank === 1)).toBe(true);
  });

  it('ranks an empty list as empty', () => {
    expect(rank([], byOrder)).toEqual([]);
  });
});
