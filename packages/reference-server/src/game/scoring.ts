import type { PointsMode } from '@quizwire/protocol';

/** Points a question is worth before speed and streaks. */
export const BASE_POINTS: Record<PointsMode, number> = { standard: 1000, double: 2000, none: 0 };
/** Bonus per consecutive correct answer after the first. */
export const STREAK_STEP = 100;
/** Largest streak bonus. */
export const STREAK_CAP = 500;

export interface ScoreInput {
  /** `null` for a poll (no right answer). */
  correct: boolean | null;
  /** Time from the question opening to the server receiving the answer. */
  elapsedMs: number;
  limitMs: number;
  points: PointsMode;
  speedScoring: boolean;
  streaks: boolean;
  /** Consecutive correct answers before this one. */
  streakBefore: number;
}

export interface ScoreOutput {
  points: number;
  streakBonus: number;
  streakAfter: number;
}

/**
 * Score one answer (ARCHITECTURE §3): a correct answer earns
 * `round(points × (1 − (elapsed / limit) / 2))` with speed scoring, `points` without; a
 * streak adds +100 per consecutive correct answer after the first, up to +500. A wrong
 * answer resets the streak; a poll neither scores nor touches it.
 */
export function scoreAnswer(input: ScoreInput): ScoreOutput {
  // A poll, or a question worth nothing, neither scores nor touches the streak.
  if (input.correct === null || BASE_POINTS[input.points] === 0) {
    return { points: 0, streakBonus: 0, streakAfter: input.streakBefore };
  }
  if (!input.correct) return { points: 0, streakBonus: 0, streakAfter: 0 };
  const base = BASE_POINTS[input.points];
  const fraction = input.limitMs > 0 ? Math.min(1, Math.max(0, input.elapsedMs / input.limitMs)) : 0;
  const points = input.speedScoring ? Math.round(base * (1 - fraction / 2)) : base;
  const streakAfter = input.streakBefore + 1;
  const streakBonus = input.streaks && base > 0 ? Math.min(STREAK_CAP, STREAK_STEP * (streakAfter - 1)) : 0;
  return { points, streakBonus, streakAfter };
}

/** Missing an answer breaks the streak (polls excepted). */
export function missedAnswer(keepsStreak: boolean, streakBefore: number): ScoreOutput {
  return { points: 0, streakBonus: 0, streakAfter: keepsStreak ? streakBefore : 0 };
}

/** Is `choice` exactly the set of correct options? Order and duplicates do not matter. */
export function isCorrectChoice(choice: readonly number[], correct: readonly number[]): boolean {
  const chosen = new Set(choice);
  return chosen.size === correct.length && correct.every((i) => chosen.has(i));
}

export interface Scored {
  id: string;
  score: number;
}

/**
 * Standard competition ranking ("1224"): equal scores share a rank.
 * Returns the players sorted by score, then by the tie-break key, each with its rank.
 */
export function rank<T extends Scored>(
  players: readonly T[],
  tieBreak: (a: T, b: T) => number,
): Array<T & { rank: number }> {
  const sorted = [...players].sort((a, b) => b.score - a.score || tieBreak(a, b));
  let rankValue = 0;
  let previous = Number.NaN;
  return sorted.map((p, i) => {
    if (p.score !== previous) {
      rankValue = i + 1;
      previous = p.score;
    }
    return { ...p, rank: rankValue };
  });
}
