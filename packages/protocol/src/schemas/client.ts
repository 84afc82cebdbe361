import * as z from 'zod/mini';
import {
  commandId,
  difficulty,
  gameSettings,
  joinCode,
  mode,
  optionIndex,
  participantId,
  rawNickname,
  text,
  timestamp,
  token,
} from './common.js';
import { bankRequest, quiz } from './quiz.js';

/** Build a command schema: every command carries `type` and a client-made `id`. */
const command = <T extends string, S extends z.core.$ZodLooseShape>(type: T, shape: S) =>
  z.strictObject({ type: z.literal(type), id: commandId, ...shape });

/**
 * `session.create` — open a room. The sender becomes its host (classic) or its first player
 * (duel, solo). Quiz source: `quiz` (inline), `bank` (built-in bank), or neither (load later
 * with `quiz.load`; duel and solo default to 10 bank questions).
 */
export const sessionCreate = command('session.create', {
  mode,
  settings: z.optional(gameSettings),
  /** The creator's nickname: required in duel and solo, where the creator plays. */
  nickname: z.optional(rawNickname),
  quiz: z.optional(quiz),
  bank: z.optional(bankRequest),
}).check(
  z.refine((c) => !(c.quiz && c.bank), { message: 'send either quiz or bank, not both', path: ['bank'] }),
);
/** `session.join` — join a room as a player; `friendlyName` asks the server to pick a name. */
export const sessionJoin = command('session.join', {
  code: joinCode,
  nickname: z.optional(rawNickname),
  friendlyName: z.optional(z.boolean()),
});
/** `session.watch` — attach a read-only projector screen to a room. */
export const sessionWatch = command('session.watch', { code: joinCode });
/** `session.resume` — reattach with a token after a reconnect; `lastSeq` is the last event seen. */
export const sessionResume = command('session.resume', {
  resumeToken: token,
  lastSeq: z.int().check(z.gte(-1), z.lte(1_000_000_000)),
});
/** `session.leave` — a player leaves for good (the token is revoked). */
export const sessionLeave = command('session.leave', {});
/** `session.end` — the host ends the game; everyone gets `session.closed`. */
export const sessionEnd = command('session.end', {});
/** `quiz.load` — the host replaces the room's quiz (lobby only). */
export const quizLoad = command('quiz.load', {
  quiz: z.optional(quiz),
  bank: z.optional(bankRequest),
}).check(
  z.refine((c) => Boolean(c.quiz) !== Boolean(c.bank), { message: 'send exactly one of quiz or bank' }),
);
/** `quiz.start` — the host starts the game (lobby only). */
export const quizStart = command('quiz.start', {});
/** `question.next` — the host (or the solo player) moves on from reveal or leaderboard. */
export const questionNext = command('question.next', {});
/** `question.close` — the host closes the open question early. */
export const questionClose = command('question.close', {});
/** `answer.submit` — a player answers the open question. `choice`: chosen option indices. */
export const answerSubmit = command('answer.submit', {
  questionId: text(1, 64),
  choice: z.array(optionIndex).check(
    z.minLength(1),
    z.maxLength(6),
    z.refine((c) => new Set(c).size === c.length, 'an option is chosen twice'),
  ),
});
/** `player.kick` — the host removes a player; the player's token is revoked for good. */
export const playerKick = command('player.kick', { playerId: participantId });
/** `duel.rematch` — a duel player asks for a rematch; it starts when both have asked. */
export const duelRematch = command('duel.rematch', {});
/**
 * `quiz.generate` — the host asks for AI-generated questions (lobby only). The room enters
 * `generating`; questions stream to the host as `generation.question` and the quiz becomes
 * playable when `generation.progress` reports `done`. `documentId` names a document uploaded
 * with `POST /api/documents`.
 */
export const quizGenerate = command('quiz.generate', {
  topic: z.optional(text(1, 200)),
  documentId: z.optional(text(1, 64)),
  count: z.int().check(z.gte(1), z.lte(50)),
  difficulty: z.optional(difficulty),
  language: z.optional(text(2, 35)),
}).check(z.refine((c) => Boolean(c.topic || c.documentId), { message: 'send a topic or a documentId' }));
/** `ping` — clock sample. Not a command: answered with `pong`, never acked. */
export const ping = z.strictObject({ type: z.literal('ping'), t: timestamp });

export const clientMessage = z.discriminatedUnion('type', [
  sessionCreate,
  sessionJoin,
  sessionWatch,
  sessionResume,
  sessionLeave,
  sessionEnd,
  quizLoad,
  quizStart,
  questionNext,
  questionClose,
  answerSubmit,
  playerKick,
  duelRematch,
  quizGenerate,
  ping,
]);

/** Schemas by client message type; parsers look the type up here first. */
export const clientSchemas = {
  'session.create': sessionCreate,
  'session.join': sessionJoin,
  'session.watch': sessionWatch,
  'session.resume': sessionResume,
  'session.leave': sessionLeave,
  'session.end': sessionEnd,
  'quiz.load': quizLoad,
  'quiz.start': quizStart,
  'question.next': questionNext,
  'question.close': questionClose,
  'answer.submit': answerSubmit,
  'player.kick': playerKick,
  'duel.rematch': duelRematch,
  'quiz.generate': quizGenerate,
  ping,
} as const;
