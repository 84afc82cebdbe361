import * as z from 'zod/mini';
import { Limits } from '../limits.js';
import {
  closeReason,
  commandId,
  count,
  errorCode,
  joinCode,
  mode,
  nickname,
  optionCounts,
  optionIndex,
  participantId,
  phase,
  playerSummary,
  rankedPlayer,
  resolvedSettings,
  role,
  seq,
  text,
  timestamp,
} from './common.js';
import { publicQuestion, question } from './quiz.js';

const listedPlayers = z.array(playerSummary).check(z.maxLength(Limits.MAX_LISTED_PLAYERS));
const topPlayers = z.array(rankedPlayer).check(z.maxLength(Limits.MAX_LEADERBOARD_SIZE));
const correctOptions = z.array(optionIndex).check(z.maxLength(Limits.MAX_OPTIONS));

/** `ack` — the one success reply to a command id. `result` depends on the command. */
export const ack = z.strictObject({
  type: z.literal('ack'),
  id: commandId,
  result: z.record(z.string().check(z.maxLength(64)), z.unknown()),
});

/** One bad field of a rejected payload. */
export const errorDetail = z.strictObject({ path: text(0, 200), message: text(1, 300) });

/** `error` — the one failure reply to a command id (or, without id, to an unreadable frame). */
export const error = z.strictObject({
  type: z.literal('error'),
  id: z.optional(commandId),
  code: errorCode,
  message: text(1, 1000),
  details: z.optional(z.array(errorDetail).check(z.maxLength(50))),
});

/** `pong` — answer to `ping`: the client's `t` echoed with the server's clock. */
export const pong = z.strictObject({ type: z.literal('pong'), t: timestamp, serverTime: timestamp });

const sequenced = <T extends string, S extends z.core.$ZodLooseShape>(type: T, shape: S) =>
  z.strictObject({ type: z.literal(type), seq, ...shape });

/** `lobby.update` — the player list changed. `players` is capped; `count` is the total. */
export const lobbyUpdate = sequenced('lobby.update', {
  players: listedPlayers,
  count,
});

/** `generation.progress` — questions are being generated for the room. */
export const generationProgress = sequenced('generation.progress', {
  status: z.enum(['running', 'done', 'failed']),
  ready: count,
  requested: count,
  fromModel: count,
  fromBank: count,
  reason: z.optional(text(1, 300)),
});

/**
 * `generation.question` — host only: one generated question, answers included, so the host
 * can review it before starting. Personal, so it carries no `seq`.
 */
export const generationQuestion = z.strictObject({
  type: z.literal('generation.question'),
  index: count,
  source: z.enum(['model', 'bank']),
  question: question,
});

/** `question.next` — a question opens at `opensAt` and closes at `deadline` (server times). */
export const questionNextEvent = sequenced('question.next', {
  question: publicQuestion,
  index: count,
  total: count,
  opensAt: timestamp,
  deadline: timestamp,
});

/** `histogram` — live answer counts per option. Volatile: the newest supersedes the rest. */
export const histogram = z.strictObject({
  type: z.literal('histogram'),
  questionId: text(1, 64),
  counts: optionCounts,
  answered: count,
  total: count,
});

/** `question.result` — the question closed: the correct options and final counts. */
export const questionResult = sequenced('question.result', {
  questionId: text(1, 64),
  correct: correctOptions,
  counts: optionCounts,
  answered: count,
  total: count,
  explanation: z.optional(text(1, 500)),
});

/** The recipient's own last outcome inside `player.standing`. */
export const outcome = z.strictObject({
  questionId: text(1, 64),
  answered: z.boolean(),
  /** `null` for a poll. */
  correct: z.nullable(z.boolean()),
  points: count,
  streakBonus: count,
  choice: z.nullable(z.array(optionIndex)),
});

/**
 * `player.standing` — personal: the recipient's score, rank, streak and last outcome.
 * A state message, not a delta: resending it is harmless, so it carries no `seq`.
 */
export const playerStanding = z.strictObject({
  type: z.literal('player.standing'),
  score: count,
  rank: z.int().check(z.gte(1)),
  streak: count,
  total: count,
  last: z.nullable(outcome),
});

/** `leaderboard` — the top N after a question. Each player's own rank is in `player.standing`. */
export const leaderboard = sequenced('leaderboard', {
  top: topPlayers,
  total: count,
});

/** Head-to-head outcome of a duel. */
export const duelOutcome = z.strictObject({
  winnerId: z.nullable(participantId),
  players: z.array(rankedPlayer).check(z.maxLength(2)),
});

/** `quiz.finished` — the game is over: podium (top 3), top N, and in a duel the head-to-head. */
export const quizFinished = sequenced('quiz.finished', {
  podium: z.array(rankedPlayer).check(z.maxLength(3)),
  top: topPlayers,
  total: count,
  duel: z.optional(duelOutcome),
});

/** `player.kicked` — personal, sent just before the socket closes with `KICKED`. */
export const playerKicked = z.strictObject({
  type: z.literal('player.kicked'),
  reason: z.optional(text(1, 200)),
});

/** `opponent.left` — duel: the other player dropped; they may return until `graceUntil`. */
export const opponentLeft = sequenced('opponent.left', {
  playerId: participantId,
  graceUntil: timestamp,
});

/** `opponent.returned` — duel: the other player came back within the grace period. */
export const opponentReturned = sequenced('opponent.returned', { playerId: participantId });

/** `duel.rematch` — who has asked for a rematch so far. */
export const duelRematchEvent = sequenced('duel.rematch', {
  requestedBy: z.array(participantId).check(z.maxLength(2)),
});

/** `session.closed` — the room is gone. Sockets close with `ROOM_CLOSED` after it. */
export const sessionClosed = sequenced('session.closed', { reason: closeReason });

/** Everything the recipient is allowed to see, in one message. */
export const sessionSnapshot = sequenced('session.snapshot', {
  serverTime: timestamp,
  code: joinCode,
  mode,
  phase,
  role,
  settings: resolvedSettings,
  title: z.nullable(text(1, 120)),
  questionCount: count,
  you: z.nullable(
    z.strictObject({
      playerId: participantId,
      nickname,
      score: count,
      rank: z.int().check(z.gte(1)),
      streak: count,
    }),
  ),
  players: listedPlayers,
  playerCount: count,
  question: z.nullable(
    z.strictObject({
      question: publicQuestion,
      index: count,
      total: count,
      opensAt: timestamp,
      deadline: timestamp,
      yourChoice: z.nullable(z.array(optionIndex)),
    }),
  ),
  histogram: z.nullable(z.strictObject({ counts: optionCounts, answered: count, total: count })),
  result: z.nullable(
    z.strictObject({
      questionId: text(1, 64),
      correct: correctOptions,
      counts: optionCounts,
      answered: count,
      total: count,
    }),
  ),
  last: z.nullable(outcome),
  leaderboard: z.nullable(topPlayers),
  finished: z.nullable(
    z.strictObject({
      podium: z.array(rankedPlayer).check(z.maxLength(3)),
      top: topPlayers,
      total: count,
      duel: z.optional(duelOutcome),
    }),
  ),
  generation: z.nullable(
    z.strictObject({ status: z.enum(['running', 'done', 'failed']), ready: count, requested: count }),
  ),
  rematch: z.array(participantId).check(z.maxLength(2)),
  opponentLeft: z.nullable(z.strictObject({ playerId: participantId, graceUntil: timestamp })),
});

export const serverMessage = z.discriminatedUnion('type', [
  ack,
  error,
  pong,
  sessionSnapshot,
  lobbyUpdate,
  generationProgress,
  generationQuestion,
  questionNextEvent,
  histogram,
  questionResult,
  playerStanding,
  leaderboard,
  quizFinished,
  playerKicked,
  opponentLeft,
  opponentReturned,
  duelRematchEvent,
  sessionClosed,
]);

export const serverSchemas = {
  ack,
  error,
  pong,
  'session.snapshot': sessionSnapshot,
  'lobby.update': lobbyUpdate,
  'generation.progress': generationProgress,
  'generation.question': generationQuestion,
  'question.next': questionNextEvent,
  histogram,
  'question.result': questionResult,
  'player.standing': playerStanding,
  leaderboard,
  'quiz.finished': quizFinished,
  'player.kicked': playerKicked,
  'opponent.left': opponentLeft,
  'opponent.returned': opponentReturned,
  'duel.rematch': duelRematchEvent,
  'session.closed': sessionClosed,
} as const;
