import * as z from 'zod/mini';
import { ERROR_CODES, type ErrorCode } from '../codes.js';
import { CLOSE_REASONS, DIFFICULTIES, MODES, PHASES, POINTS_MODES, QUESTION_KINDS, ROLES } from '../game.js';
import { Limits } from '../limits.js';

/** A bounded string: every string on the wire has an upper bound. */
export const text = (min: number, max: number) => z.string().check(z.minLength(min), z.maxLength(max));

export const commandId = text(1, Limits.MAX_ID_LENGTH);
export const joinCode = text(1, Limits.MAX_CODE_LENGTH);
export const token = text(1, Limits.MAX_TOKEN_LENGTH);
export const participantId = text(1, 64);
export const nickname = text(1, Limits.MAX_NICKNAME_LENGTH);
export const rawNickname = text(0, Limits.MAX_RAW_NICKNAME_LENGTH);
export const count = z.int().check(z.gte(0), z.lte(1_000_000_000));
export const seq = count;
/** Server time in milliseconds since the Unix epoch. */
export const timestamp = z.number().check(z.gte(0), z.lte(1e15));
export const optionIndex = z.int().check(z.gte(0), z.lte(Limits.MAX_OPTIONS - 1));
export const optionCounts = z.array(count).check(z.maxLength(Limits.MAX_OPTIONS));

/** A zod enum over one of the `as const` tables' value lists. */
const oneOf = <T extends string>(values: readonly T[]) => z.enum(values as readonly [T, ...T[]]);

export const phase = oneOf(PHASES);
export const mode = oneOf(MODES);
export const role = oneOf(ROLES);
export const questionKind = oneOf(QUESTION_KINDS);
export const pointsMode = oneOf(POINTS_MODES);
export const difficulty = oneOf(DIFFICULTIES);
export const closeReason = oneOf(CLOSE_REASONS);
export const errorCode = oneOf<ErrorCode>(ERROR_CODES);

/** Per-game settings a host may choose at `session.create`. Omitted fields take defaults. */
export const gameSettings = z.strictObject({
  /** Faster correct answers earn more (default true). */
  speedScoring: z.optional(z.boolean()),
  /** Consecutive correct answers add a bonus (default true). */
  streaks: z.optional(z.boolean()),
  /** The server advances from reveal to the next question by itself (classic; default false). */
  autoAdvance: z.optional(z.boolean()),
  /** Players see the live histogram too, not only the host (default false). */
  playerHistogram: z.optional(z.boolean()),
  /** Entries in the broadcast leaderboard (default 5). */
  leaderboardSize: z.optional(z.int().check(z.gte(1), z.lte(Limits.MAX_LEADERBOARD_SIZE))),
  /** Most players the room admits (classic; default from server config). */
  maxPlayers: z.optional(z.int().check(z.gte(1), z.lte(100_000))),
  /** Countdown before each question opens, ms (default 3000). */
  countdownMs: z.optional(z.int().check(z.gte(0), z.lte(10_000))),
  /** How long reveal and leaderboard last when auto-advancing, ms (default 5000). */
  revealMs: z.optional(z.int().check(z.gte(500), z.lte(60_000))),
});

/** Settings as the server resolved them: every field present. */
export const resolvedSettings = z.strictObject({
  speedScoring: z.boolean(),
  streaks: z.boolean(),
  autoAdvance: z.boolean(),
  playerHistogram: z.boolean(),
  leaderboardSize: z.int().check(z.gte(1), z.lte(Limits.MAX_LEADERBOARD_SIZE)),
  maxPlayers: z.int().check(z.gte(1), z.lte(100_000)),
  countdownMs: z.int().check(z.gte(0), z.lte(10_000)),
  revealMs: z.int().check(z.gte(500), z.lte(60_000)),
});

export const playerSummary = z.strictObject({
  id: participantId,
  nickname,
  connected: z.boolean(),
});

export const rankedPlayer = z.strictObject({
  playerId: participantId,
  nickname,
  score: count,
  rank: z.int().check(z.gte(1)),
});
