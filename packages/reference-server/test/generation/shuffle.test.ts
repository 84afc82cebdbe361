import { randomInt } from 'node:crypto';
import type { Question } from '@quizwire/protocol';
import { questionSchema } from '@quizwire/protocol/schemas';
import { describe, expect, it } from 'vitest';
import { shuffleBankQuestion, toQuestion } from '../../src/generation/shuffle.js';
import type { RandomInt } from '../../src/generation/types.js';
import type { ValidElement } from '../../src/generation/validate.js';

const el: ValidElement = {
  prompt: 'Which pigment makes leaves green?',
  correct: 'Chlorophyll',
  distractors: ['Carotene', 'Melanin', 'Hemoglobin'],
  key: 'which pigment makes leaves green',
};

function chiSquare(counts: number[], expected: number): number {
  return counts.reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
}

/** Chi-square critical values at p = 0.0001: a correct shuffle fails about once in 10 000 runs. */
const CRITICAL = { df3: 21.108, df23: 57.075 };

function correctPositions(runs: number, random?: RandomInt): number[] {
  const counts = [0, 0, 0, 0];
  for (let i = 0; i < runs; i++) {
    const built = toQuestion(el, random ? { random } : {});
    if (!built.ok) throw new Error(built.reason);
    counts[built.question.correct[0]!]!++;
  }
  return counts;
}

describe('option shuffling', () => {
  it('puts the correct option in each position equally often (chi-square, 12 000 runs)', () => {
    const runs = 12_000;
    const counts = correctPositions(runs);
    const chi = chiSquare(counts, runs / 4);
    console.log(`[shuffle] correct-position counts ${counts.join('/')} chi² = ${chi.toFixed(2)} (df 3)`);
    expect(chi).toBeLessThan(CRITICAL.df3);
  });

  it('makes all 24 orders of four options equally likely (chi-square, 24 000 runs)', () => {
    const runs = 24_000;
    const seen = new Map<string, number>();
    for (let i = 0; i < runs; i++) {
      const built = toQuestion(el, {});
      if (!built.ok) throw new Error(built.reason);
      const key = built.question.options.join('|');
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    expect(seen.size).toBe(24);
    const chi = chiSquare([...seen.values()], runs / 24);
    console.log(`[shuffle] permutation chi² = ${chi.toFixed(2)} (df 23)`);
    expect(chi).toBeLessThan(CRITICAL.df23);
  });

  it('would catch a biased random source (the test has power)', () => {
    // randomInt(6) % n over-weights small values: a classic modulo bias.
    const biased: RandomInt = (n) => randomInt(6) % n;
    const runs = 12_000;
    expect(chiSquare(correctPositions(runs, biased), runs / 4)).toBeGreaterThan(CRITICAL.df3);
  });

  it('keeps the correct answer text behind the correct index and a valid protocol question', () => {
    for (let i = 0; i < 200; i++) {
      const built = toQuestion(
        { ...el, source: { page: 3, quote: 'Chlorophyll is green' } },
        { difficulty: 'easy' },
      );
      if (!built.ok) throw new Error(built.reason);
      const q = built.question;
      expect(q.options[q.correct[0]!]).toBe('Chlorophyll');
      expect(q).toMatchObject({
        kind: 'single',
        difficulty: 'easy',
        source: { page: 3, quote: 'Chlorophyll is green' },
      });
      expect(questionSchema.safeParse(q).success).toBe(true);
    }
  });

  it('reorders bank questions and remaps their correct indices', () => {
    const multiple: Question = {
      kind: 'multiple',
      prompt: 'Which are primes?',
      options: ['2', '3', '4', '6', '9'],
      correct: [0, 1],
    };
    const orders = new Set<string>();
    for (let i = 0; i < 300; i++) {
      const q = shuffleBankQuestion(multiple);
      orders.add(q.options.join());
      expect(q.id).toMatch(/^bank-/);
      expect(q.correct.map((c) => q.options[c]).sort()).toEqual(['2', '3']);
      expect(questionSchema.safeParse(q).success).toBe(true);
    }
    expect(orders.size).toBeGreaterThan(50);
    const tf: Question = {
      id: 't1',
      kind: 'truefalse',
      prompt: 'Water is wet?',
      options: ['True', 'False'],
      correct: [0],
    };
    expect(shuffleBankQuestion(tf)).toEqual(tf);
  });
});
