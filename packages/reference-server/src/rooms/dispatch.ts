import {
  type ClientMessageOf,
  type Command,
  ErrorCode,
  type GameSettings,
  Limits,
  type Mode,
  type Quiz,
  type ResolvedSettings,
  Role,
  type ServerMessage,
} from '@quizwire/protocol';
import type { Clock } from '../clock.js';
import type { ServerConfig } from '../config.js';
import { fail, toServerError } from '../errors.js';
import type { QuestionBank } from '../game/bank.js';
import { friendlyName, normaliseNickname } from '../game/nicknames.js';
import type { DocumentStore } from '../generation/document-store.js';
import type { GenerationRequest, QuestionSource } from '../generation/types.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import { runGeneration } from './generation-run.js';
import { type Link, type Participant, type Player, rememberReply } from './participant.js';
import type { RoomRegistry } from './registry.js';
import { MAX_SCREENS, type Room, type RoomQuestion } from './room.js';

/** What the dispatcher needs of a connection. */
export interface Session {
  /** The participant this connection speaks for, once created, joined, watched or resumed. */
  binding: { room: Room; participant: Participant } | null;
  /** Whether the connection proved host rights at the upgrade (always true without a secret). */
  readonly hostAuthorized: boolean;
  readonly link: Link;
  send(frame: string | Buffer): boolean;
}

export interface DispatchDeps {
  /** Question generation (LLM or bank) and uploaded documents; absent: `quiz.generate` is refused. */
  generator?: { source: QuestionSource; documents: DocumentStore };
  registry: RoomRegistry;
  bank: QuestionBank;
  config: ServerConfig;
  clock: Clock;
  logger: Logger;
  metrics: Metrics;
}

/** Commands that attach a connection to a room; everything else needs one attached. */
const ENTRY = new Set(['session.create', 'session.join', 'session.watch', 'session.resume']);

/** Which roles may send each in-room command. Phase rules live in the room. */
const ROLES_FOR: Record<string, readonly string[]> = {
  'session.leave': [Role.PLAYER],
  'session.end': [Role.HOST],
  'quiz.load': [Role.HOST],
  'quiz.generate': [Role.HOST],
  'quiz.start': [Role.HOST],
  'question.next': [Role.HOST, Role.PLAYER],
  'question.close': [Role.HOST],
  'answer.submit': [Role.PLAYER],
  'player.kick': [Role.HOST],
  'duel.rematch': [Role.PLAYER],
};

const UNBOUND_MEMO_MS = 120_000;
const UNBOUND_MEMO_CAP = 10_000;

/**
 * Routes each parsed command to the registry or its room, and guarantees the delivery rule:
 * every command id gets exactly one reply, and a resent id gets the original reply again.
 */
export class Dispatcher {
  /** Replies to entry commands, for a client that resends one after losing the ack. */
  readonly #entryReplies = new Map<
    string,
    { frame: string; at: number; room: Room; participant: Participant }
  >();

  constructor(private readonly deps: DispatchDeps) {}

  handle(session: Session, command: Command): void {
    const bound = session.binding;
    if (bound) {
      const remembered = bound.participant.replies.get(command.id);
      if (remembered !== undefined) {
        session.send(remembered);
        return;
      }
    } else if (ENTRY.has(command.type) && command.type !== 'session.resume') {
      const memo = this.#entryReplies.get(entryKey(command));
      const seatStillThere =
        memo &&
        !memo.room.closed &&
        (memo.participant.role !== 'player' || memo.room.players.has(memo.participant.id)) &&
        // A resent create grants host rights only to a connection that could create in the first place.
        (memo.participant.role !== 'host' || session.hostAuthorized);
      if (memo && seatStillThere) {
        session.binding = { room: memo.room, participant: memo.participant };
        memo.room.attach(memo.participant, session.link);
        session.send(memo.frame);
        session.send(JSON.stringify(memo.room.snapshot(memo.participant)));
        memo.room.runDeferred();
        return;
      }
    }

    let reply: ServerMessage;
    let after: (() => void) | null = null;
    let room: Room | null = bound?.room ?? null;
    try {
      const outcome = this.#execute(session, command);
      reply = { type: 'ack', id: command.id, result: outcome.result as Record<string, unknown> };
      after = outcome.after ?? null;
      room = session.binding?.room ?? room;
    } catch (error) {
      const e = toServerError(error);
      if (e.code === ErrorCode.INTERNAL)
        this.deps.logger.error({ err: e.cause, type: command.type }, 'command failed');
      this.deps.metrics.errors.inc({ code: e.code });
      reply = {
        type: 'error',
        id: command.id,
        code: e.code,
        message: e.message,
        ...(e.details ? { details: e.details } : {}),
      };
    }
    const frame = JSON.stringify(reply);
    const participant = session.binding?.participant;
    // Entry commands refused on an already-bound connection are not remembered (spec §3): the
    // same id may legitimately succeed later on a fresh connection.
    if (
      participant &&
      command.type !== 'session.resume' &&
      !(ENTRY.has(command.type) && reply.type === 'error')
    ) {
      rememberReply(participant, command.id, frame);
      // A resent entry command is bound to the seat the first copy made, so its id is a claim on
      // that seat: only ids long enough to be unguessable are remembered across connections.
      const claimable = command.id.length >= Limits.MIN_RESENDABLE_ENTRY_ID_LENGTH;
      if (ENTRY.has(command.type) && reply.type === 'ack' && session.binding && claimable)
        this.#rememberEntry(command, frame, session.binding.room, participant);
    }
    session.send(frame);
    after?.();
    room?.runDeferred();
  }

  #rememberEntry(command: Command, frame: string, room: Room, participant: Participant): void {
    const now = this.deps.clock.now();
    // Insertion order is time order: drop expired entries from the front (they pin whole rooms),
    // and the oldest beyond the cap.
    for (const [key, memo] of this.#entryReplies) {
      if (now - memo.at < UNBOUND_MEMO_MS && this.#entryReplies.size < UNBOUND_MEMO_CAP) break;
      this.#entryReplies.delete(key);
    }
    this.#entryReplies.set(entryKey(command), { frame, at: now, room, participant });
  }

  #execute(session: Session, command: Command): { result: object; after?: () => void } {
    if (ENTRY.has(command.type)) {
      if (session.binding && command.type !== 'session.resume')
        fail(ErrorCode.NOT_ALLOWED, 'this connection is already in a session');
      switch (command.type) {
        case 'session.create':
          return this.#create(session, command);
        case 'session.join':
          return this.#join(session, command);
        case 'session.watch':
          return this.#watch(session, command);
        case 'session.resume':
          return this.#resume(session, command);
      }
    }
    const binding = session.binding;
    if (!binding) fail(ErrorCode.NO_SESSION, 'create, join, watch or resume a session first');
    const { room, participant } = binding;
    if (room.closed) fail(ErrorCode.ROOM_NOT_FOUND, 'the room has closed');
    room.touch();
    const roles = ROLES_FOR[command.type] ?? [];
    if (!roles.includes(participant.role))
      fail(ErrorCode.NOT_ALLOWED, `a ${participant.role} may not send ${command.type}`);
    const player = participant.role === 'player' ? (participant as Player) : null;

    switch (command.type) {
      case 'answer.submit': {
        const receivedAt = room.submitAnswer(player!, command.questionId, command.choice);
        return { result: { questionId: command.questionId, receivedAt } };
      }
      case 'question.next':
        if (player && room.mode !== 'solo') fail(ErrorCode.NOT_ALLOWED, 'only the host moves the game on');
        room.next();
        return { result: {} };
      case 'question.close':
        room.closeQuestion();
        return { result: {} };
      case 'quiz.start':
        room.start();
        return { result: {} };
      case 'quiz.load': {
        const questions = this.#questionsFrom(room.mode, command.quiz, command.bank, true);
        const title = command.quiz?.title ?? 'Quick quiz';
        room.loadQuiz(title, questions);
        return { result: { title, questionCount: questions.length } };
      }
      case 'quiz.generate':
        return this.#generate(room, command);
      case 'player.kick': {
        if (room.phase === 'finished') fail(ErrorCode.WRONG_PHASE, 'the game has finished');
        // Idempotent: kicking someone already gone (or never here) changes nothing and acks.
        // The kick happens after the ack, so the host sees its reply before the lobby update.
        const target = room.players.get(command.playerId);
        if (!target || target.gone) return { result: {} };
        return {
          result: {},
          after: () => {
            room.removePlayer(target, true);
            this.deps.logger.info({ room: room.code, player: target.id }, 'player kicked');
          },
        };
      }
      case 'session.leave':
        return { result: {}, after: () => room.removePlayer(player!, false) };
      case 'session.end':
        return { result: {}, after: () => room.close('ended') };
      case 'duel.rematch':
        return { result: { requestedBy: room.requestRematch(player!) } };
      default:
        return fail(ErrorCode.UNKNOWN_TYPE, `unsupported command ${(command as Command).type}`);
    }
  }

  #generate(room: Room, command: ClientMessageOf<'quiz.generate'>): { result: object; after?: () => void } {
    const generator = this.deps.generator;
    if (!generator) fail(ErrorCode.NOT_ALLOWED, 'this server has no question source');
    if (room.mode !== 'classic') fail(ErrorCode.NOT_ALLOWED, 'generation is for classic rooms');
    if (!command.topic && !command.documentId) fail(ErrorCode.BAD_MESSAGE, 'send a topic or a documentId');
    const document = command.documentId ? generator.documents.get(command.documentId) : undefined;
    if (command.documentId && !document)
      fail(ErrorCode.BAD_MESSAGE, 'unknown or expired documentId; upload it again');
    room.setGenerating(true);
    const request: GenerationRequest = {
      count: command.count,
      ...(command.topic ? { topic: command.topic } : {}),
      ...(document ? { document } : {}),
      ...(command.difficulty ? { difficulty: command.difficulty } : {}),
      ...(command.language ? { language: command.language } : {}),
    };
    return {
      result: { requested: command.count },
      after: () => void runGeneration(room, generator.source, request, this.deps.logger),
    };
  }

  #create(
    session: Session,
    command: ClientMessageOf<'session.create'>,
  ): { result: object; after?: () => void } {
    const { config, registry } = this.deps;
    if (!session.hostAuthorized) fail(ErrorCode.UNAUTHORIZED, 'creating a room needs a valid host token');
    if (registry.size >= config.maxRooms)
      fail(ErrorCode.RATE_LIMITED, 'the server is at its room limit; try again later');
    if (command.quiz && command.bank) fail(ErrorCode.BAD_MESSAGE, 'send either quiz or bank, not both');
    const mode = command.mode;
    const settings = resolveSettings(mode, command.settings, config);
    const questions = this.#questionsFrom(mode, command.quiz, command.bank, mode !== 'classic');
    let creatorName: { nickname: string; key: string } | null = null;
    if (mode !== 'classic') {
      creatorName = command.nickname
        ? checkedName(command.nickname)
        : { nickname: friendlyName(() => false), key: '' };
      if (!creatorName.key) creatorName.key = creatorName.nickname.toLocaleLowerCase('en');
    }
    const bankRequest = command.bank;
    const refill = command.quiz
      ? null
      : (exclude: Set<string>) =>
          this.#fromBank(
            {
              count: bankRequest?.count ?? 10,
              ...(bankRequest?.difficulty ? { difficulty: bankRequest.difficulty } : {}),
              ...(bankRequest?.category ? { category: bankRequest.category } : {}),
            },
            exclude,
          );
    const room = registry.create({
      mode,
      settings,
      title: command.quiz?.title ?? (questions.length ? 'Quick quiz' : null),
      questions,
      refill,
    });
    let participant: Participant;
    if (mode === 'classic') {
      participant = room.addHost();
    } else {
      participant = room.addPlayer(creatorName!.nickname, creatorName!.key);
      if (mode === 'solo') room.defer(() => room.start());
    }
    registry.bindToken(room, participant);
    session.binding = { room, participant };
    room.attach(participant, session.link);
    this.deps.logger.info({ room: room.code, mode, questions: questions.length }, 'room created');
    const result: Record<string, unknown> = {
      code: room.code,
      role: participant.role,
      resumeToken: participant.token,
    };
    if (participant.role === 'player') {
      result.playerId = participant.id;
      result.nickname = (participant as Player).nickname;
    }
    return { result, after: () => session.send(JSON.stringify(room.snapshot(participant))) };
  }

  #join(session: Session, command: ClientMessageOf<'session.join'>): { result: object; after?: () => void } {
    const room = this.deps.registry.byCode(command.code);
    if (!room || room.closed) fail(ErrorCode.ROOM_NOT_FOUND, `no room with code ${command.code}`);
    if (room.mode === 'solo') fail(ErrorCode.ROOM_FULL, 'a solo game has one player');
    let name: { nickname: string; key: string };
    if (command.friendlyName || command.nickname === undefined || command.nickname.trim() === '') {
      const nickname = friendlyName((key) => room.isNicknameTaken(key));
      name = { nickname, key: nickname.toLocaleLowerCase('en') };
    } else {
      name = checkedName(command.nickname);
    }
    const player = room.addPlayer(name.nickname, name.key);
    this.deps.registry.bindToken(room, player);
    session.binding = { room, participant: player };
    room.attach(player, session.link);
    return {
      result: {
        code: room.code,
        role: 'player',
        playerId: player.id,
        nickname: player.nickname,
        resumeToken: player.token,
      },
      after: () => session.send(JSON.stringify(room.snapshot(player))),
    };
  }

  #watch(
    session: Session,
    command: ClientMessageOf<'session.watch'>,
  ): { result: object; after?: () => void } {
    const room = this.deps.registry.byCode(command.code);
    if (!room || room.closed) fail(ErrorCode.ROOM_NOT_FOUND, `no room with code ${command.code}`);
    if (room.connectedScreens >= MAX_SCREENS) fail(ErrorCode.ROOM_FULL, 'this room has too many screens');
    const screen = room.addScreen();
    this.deps.registry.bindToken(room, screen);
    session.binding = { room, participant: screen };
    room.attach(screen, session.link);
    return {
      result: { code: room.code, role: 'screen', resumeToken: screen.token },
      after: () => session.send(JSON.stringify(room.snapshot(screen))),
    };
  }

  #resume(
    session: Session,
    command: ClientMessageOf<'session.resume'>,
  ): { result: object; after?: () => void } {
    const found = this.deps.registry.byToken(command.resumeToken);
    if (!found || found.room.closed)
      fail(ErrorCode.UNAUTHORIZED, 'this session token is unknown, revoked or expired');
    const { room, participant } = found;
    if (session.binding && session.binding.participant !== participant)
      fail(ErrorCode.NOT_ALLOWED, 'this connection speaks for another participant');
    session.binding = { room, participant };
    room.attach(participant, session.link);
    const recovered = command.lastSeq >= 0 && room.canReplay(command.lastSeq);
    const result: Record<string, unknown> = { code: room.code, role: participant.role, recovered };
    if (participant.role === 'player') result.playerId = participant.id;
    return {
      result,
      after: () => {
        if (!recovered || !room.replayTo(participant, command.lastSeq)) {
          session.send(JSON.stringify(room.snapshot(participant)));
          room.sendPersonalState(participant);
        }
      },
    };
  }

  #fromBank(
    request: { count: number; difficulty?: 'easy' | 'medium' | 'hard'; category?: string },
    exclude?: Set<string>,
  ): RoomQuestion[] {
    const picked = this.deps.bank.pick({ ...request, ...(exclude ? { exclude } : {}) });
    return picked.map((q) => ({
      ...q,
      timeLimitMs: q.timeLimitMs ?? Limits.DEFAULT_TIME_LIMIT_MS,
      points: q.points ?? 'standard',
    }));
  }

  #questionsFrom(
    mode: Mode,
    quiz: Quiz | undefined,
    bank: { count: number; difficulty?: 'easy' | 'medium' | 'hard'; category?: string } | undefined,
    required: boolean,
  ): RoomQuestion[] {
    if (quiz) return toRoomQuestions(quiz);
    if (bank) {
      const picked = this.#fromBank(bank);
      if (picked.length === 0) fail(ErrorCode.INVALID_QUIZ, 'the bank has no questions for this request');
      return picked;
    }
    if (!required) return [];
    if (mode === 'classic') fail(ErrorCode.BAD_MESSAGE, 'send quiz or bank');
    return this.#fromBank({ count: 10 });
  }
}

function entryKey(command: Command): string {
  return `${command.type}\u0000${JSON.stringify(command)}`;
}

function checkedName(raw: string): { nickname: string; key: string } {
  const result = normaliseNickname(raw);
  if (!result.ok) fail(ErrorCode.NAME_INVALID, result.reason);
  return { nickname: result.nickname, key: result.key };
}

/** Give every question an id, a time limit and a points mode; ids must be unique. */
export function toRoomQuestions(quiz: Quiz): RoomQuestion[] {
  const ids = new Set<string>();
  return quiz.questions.map((q, i) => {
    const id = q.id ?? `q${i + 1}`;
    if (ids.has(id))
      fail(ErrorCode.INVALID_QUIZ, `duplicate question id "${id}"`, [
        { path: `quiz.questions.${i}.id`, message: 'duplicate id' },
      ]);
    ids.add(id);
    return {
      ...q,
      id,
      timeLimitMs: q.timeLimitMs ?? Limits.DEFAULT_TIME_LIMIT_MS,
      points: q.points ?? 'standard',
    };
  });
}

/** Apply per-mode defaults: duel and solo always advance by themselves. */
export function resolveSettings(
  mode: Mode,
  given: GameSettings | undefined,
  config: ServerConfig,
): ResolvedSettings {
  const s = given ?? {};
  return {
    speedScoring: s.speedScoring ?? true,
    streaks: s.streaks ?? true,
    autoAdvance: mode === 'classic' ? (s.autoAdvance ?? false) : true,
    playerHistogram: s.playerHistogram ?? false,
    leaderboardSize: s.leaderboardSize ?? 5,
    maxPlayers: Math.min(s.maxPlayers ?? config.maxPlayersPerRoom, config.maxPlayersPerRoom),
    countdownMs: s.countdownMs ?? (mode === 'solo' ? 1000 : 3000),
    revealMs: s.revealMs ?? (mode === 'solo' ? 3000 : 5000),
  };
}
