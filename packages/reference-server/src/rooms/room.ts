import { randomBytes } from 'node:crypto';
import {
  CloseCode,
  type CloseReason,
  ErrorCode,
  Limits,
  type Mode,
  type Outcome,
  Phase,
  type PlayerSummary,
  type PublicQuestion,
  type Question,
  type RankedPlayer,
  type ResolvedSettings,
  type Role,
  type SequencedEvent,
  type ServerMessage,
  type Snapshot,
} from '@quizwire/protocol';
import type { Clock, TimerHandle } from '../clock.js';
import type { ServerConfig } from '../config.js';
import { fail } from '../errors.js';
import { isCorrectChoice, missedAnswer, rank, scoreAnswer } from '../game/scoring.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import type { Participant, Player } from './participant.js';
import { ReplayBuffer } from './replay.js';

/** A question as the room plays it: id assigned, limit and points resolved. */
export type RoomQuestion = Question & {
  id: string;
  timeLimitMs: number;
  points: 'standard' | 'double' | 'none';
};

interface OpenQuestion {
  index: number;
  question: RoomQuestion;
  opensAt: number;
  deadline: number;
  counts: number[];
  answered: number;
}

interface ClosedQuestion {
  questionId: string;
  correct: number[];
  counts: number[];
  answered: number;
  total: number;
  explanation?: string;
}

/** What a room needs from its surroundings. Composition happens in the server's `main`. */
export interface RoomDeps {
  clock: Clock;
  config: ServerConfig;
  logger: Logger;
  metrics: Metrics;
  /** Called when the room is gone, so the registry drops it and its tokens. */
  onClosed(room: Room): void;
  /** Called when a token must stop working (kick, leave). */
  revoke(token: string): void;
}

export interface RoomInit {
  code: string;
  mode: Mode;
  settings: ResolvedSettings;
  title: string | null;
  questions: RoomQuestion[];
  /** Refills the quiz for a duel rematch (bank rooms); null replays the same questions. */
  refill: ((exclude: Set<string>) => RoomQuestion[]) | null;
}

/** Most screens kept per room (connected ones count toward `session.watch`'s cap). */
export const MAX_SCREENS = 50;

const newId = (prefix: string) => `${prefix}_${randomBytes(6).toString('base64url')}`;
export const newToken = () => randomBytes(24).toString('base64url');

/**
 * One game room: its participants, phase machine, timers, sequenced event stream and replay
 * buffer. Every command is checked for role and phase before it changes anything.
 */
export class Room {
  readonly code: string;
  readonly mode: Mode;
  readonly settings: ResolvedSettings;
  readonly createdAt: number;
  title: string | null;
  questions: RoomQuestion[];
  phase: Phase = Phase.LOBBY;
  seq = 0;
  lastActivity: number;
  finishedAt: number | null = null;
  closed = false;

  host: Participant | null = null;
  readonly players = new Map<string, Player>();
  readonly screens = new Map<string, Participant>();
  readonly #replay: ReplayBuffer;
  readonly #deps: RoomDeps;
  readonly #refill: RoomInit['refill'];
  #joinCounter = 0;
  /** Duel: the player who forfeited (left, or did not return within the grace period). */
  #forfeitedBy: string | null = null;
  readonly #forfeitTimers = new Map<string, TimerHandle>();
  /** Active players by lower-case nickname: O(1) uniqueness checks on join. */
  readonly #names = new Map<string, Player>();
  /** Connected active players who have not answered the open question (early-close counter). */
  #waiting = 0;
  #activeCount = 0;
  #connectedCount = 0;
  #open: OpenQuestion | null = null;
  #index = -1;
  #lastResult: ClosedQuestion | null = null;
  #leaderboard: RankedPlayer[] | null = null;
  #finished: {
    podium: RankedPlayer[];
    top: RankedPlayer[];
    total: number;
    duel?: { winnerId: string | null; players: RankedPlayer[] };
  } | null = null;
  #rematch = new Set<string>();
  #played = new Set<string>();
  #phaseTimer: TimerHandle | null = null;
  #hostGraceTimer: TimerHandle | null = null;
  #histogramTimer: TimerHandle | null = null;
  #lobbyTimer: TimerHandle | null = null;
  #histogramDirty = false;
  /** Bumped on every join, leave and kick: tells a membership change from a connection flip. */
  #membership = 0;
  /** `#membership` as of the last lobby.update. */
  #announcedMembership = 0;
  #deferred: Array<() => void> = [];

  constructor(init: RoomInit, deps: RoomDeps) {
    this.code = init.code;
    this.mode = init.mode;
    this.settings = init.settings;
    this.title = init.title;
    this.questions = init.questions;
    this.#refill = init.refill;
    this.#deps = deps;
    this.#replay = new ReplayBuffer(deps.config.replayBufferSize);
    this.createdAt = deps.clock.now();
    this.lastActivity = this.createdAt;
  }

  // ───────────────────────────── participants ─────────────────────────────

  /** Active players: joined and neither left nor kicked. */
  get activePlayers(): Player[] {
    return [...this.players.values()].filter((p) => !p.gone);
  }

  /** Active players; kept as a counter because hot paths (every answer) read it. */
  get playerCount(): number {
    return this.#activeCount;
  }

  /** Active players with a live connection. */
  get connectedCount(): number {
    return this.#connectedCount;
  }

  get capacity(): number {
    if (this.mode === 'duel') return 2;
    if (this.mode === 'solo') return 1;
    return this.settings.maxPlayers;
  }

  isNicknameTaken(key: string): boolean {
    return this.#names.has(key);
  }

  /** Record activity, so the idle reaper leaves the room alone. */
  touch(): void {
    this.#touch();
  }

  addHost(): Participant {
    const host: Participant = {
      id: newId('h'),
      role: 'host',
      token: newToken(),
      link: null,
      replies: new Map(),
      announcedLeft: false,
    };
    this.host = host;
    return host;
  }

  addScreen(): Participant {
    const screen: Participant = {
      id: newId('s'),
      role: 'screen',
      token: newToken(),
      link: null,
      replies: new Map(),
      announcedLeft: false,
    };
    this.screens.set(screen.id, screen);
    return screen;
  }

  addPlayer(nickname: string, key: string): Player {
    if (this.phase === Phase.FINISHED) fail(ErrorCode.WRONG_PHASE, 'the game has finished');
    if (this.playerCount >= this.capacity)
      fail(ErrorCode.ROOM_FULL, `the room is full (${this.capacity} players)`);
    if (this.mode === 'duel' && this.phase !== Phase.LOBBY)
      fail(ErrorCode.ROOM_FULL, 'the duel has already started');
    if (this.isNicknameTaken(key)) fail(ErrorCode.NAME_TAKEN, `"${nickname}" is already taken in this room`);
    const player: Player = {
      id: newId('p'),
      role: 'player',
      token: newToken(),
      link: null,
      replies: new Map(),
      announcedLeft: false,
      nickname,
      key,
      score: 0,
      streak: 0,
      joinOrder: this.#joinCounter++,
      answer: null,
      last: null,
      rank: 1,
      gone: false,
    };
    this.players.set(player.id, player);
    this.#names.set(key, player);
    this.#activeCount++;
    this.#membership++;
    this.#touch();
    // No lobby broadcast here: `attach` follows at once and announces the player as connected.
    if (this.mode === 'duel' && this.playerCount === 2) this.defer(() => this.#startGame());
    return player;
  }

  /** Attach a live link to a participant, superseding any older one. */
  attach(p: Participant, link: Participant['link']): void {
    const old = p.link;
    if (p.role === 'player' && !old && link && !(p as Player).gone) {
      this.#connectedCount++;
      if (this.#open && !(p as Player).answer) this.#waiting++;
    }
    if (old && old !== link) {
      old.unbind();
      old.close(CloseCode.REPLACED, 'resumed on another connection');
    }
    p.link = link;
    this.#touch();
    if (p.role === 'host') {
      this.#deps.clock.clearTimeout(this.#hostGraceTimer);
      this.#hostGraceTimer = null;
    }
    if (p.role === 'player') this.#clearForfeit(p.id);
    if (p.role === 'player') {
      // Announced after the entering command's reply (and a resume's replay): the sender must
      // see its ack first, and a resuming client its missed events in order, each once.
      this.defer(() => {
        if (this.closed || p.link !== link) return;
        this.#lobbyChanged();
        if (p.announcedLeft) {
          p.announcedLeft = false;
          this.#broadcast({ type: 'opponent.returned', seq: 0, playerId: p.id });
        }
      });
    }
  }

  /** The participant's socket went away (not a leave: they may resume). */
  detach(p: Participant): void {
    if (p.role === 'player' && p.link && !(p as Player).gone) {
      this.#connectedCount--;
      if (this.#open && !(p as Player).answer) this.#waiting--;
    }
    p.link = null;
    if (this.closed) return;
    if (p.role === 'host' && this.mode === 'classic') {
      this.#deps.clock.clearTimeout(this.#hostGraceTimer);
      this.#hostGraceTimer = this.#deps.clock.setTimeout(
        () => this.close('host_left'),
        this.#deps.config.hostGraceMs,
      );
    }
    if (p.role === 'player') {
      this.#lobbyChanged();
      const inGame = this.phase !== Phase.LOBBY && this.phase !== Phase.FINISHED;
      if (this.mode === 'duel' && inGame && !(p as Player).gone) this.#announceDrop(p as Player);
      this.#maybeCloseEarly();
    }
    if (p.role === 'screen') this.#pruneScreens();
  }

  /** Duel: tell the other player, and start this player's own forfeit clock. */
  #announceDrop(p: Player): void {
    p.announcedLeft = true;
    p.graceUntil = this.#deps.clock.now() + this.#deps.config.duelGraceMs;
    this.#broadcast({ type: 'opponent.left', seq: 0, playerId: p.id, graceUntil: p.graceUntil });
    this.#clearForfeit(p.id);
    this.#forfeitTimers.set(
      p.id,
      this.#deps.clock.setTimeout(() => {
        this.#forfeitTimers.delete(p.id);
        if (p.link === null && p.announcedLeft) this.#forfeit(p);
      }, this.#deps.config.duelGraceMs),
    );
  }

  #clearForfeit(playerId: string): void {
    const timer = this.#forfeitTimers.get(playerId);
    if (timer !== undefined) {
      this.#deps.clock.clearTimeout(timer);
      this.#forfeitTimers.delete(playerId);
    }
  }

  #clearForfeits(): void {
    for (const timer of this.#forfeitTimers.values()) this.#deps.clock.clearTimeout(timer);
    this.#forfeitTimers.clear();
  }

  /** Disconnected screens beyond the cap are forgotten (their tokens stop working). */
  #pruneScreens(): void {
    if (this.screens.size <= MAX_SCREENS) return;
    for (const screen of this.screens.values()) {
      if (this.screens.size <= MAX_SCREENS) break;
      if (screen.link) continue;
      this.screens.delete(screen.id);
      this.#deps.revoke(screen.token);
    }
  }

  /** Screens with a live connection (the cap applies to these). */
  get connectedScreens(): number {
    let n = 0;
    for (const s of this.screens.values()) if (s.link) n++;
    return n;
  }

  /** A player leaves for good or is kicked: the token stops working. */
  removePlayer(player: Player, kicked: boolean): void {
    if (player.gone) return;
    const inDuelGame = this.mode === 'duel' && this.phase !== Phase.LOBBY && this.phase !== Phase.FINISHED;
    if (inDuelGame) this.#forfeitedBy = player.id;
    player.gone = true;
    this.#activeCount--;
    this.#membership++;
    if (player.link) {
      this.#connectedCount--;
      if (this.#open && !player.answer) this.#waiting--;
    }
    this.#clearForfeit(player.id);
    this.players.delete(player.id);
    if (this.#names.get(player.key) === player) this.#names.delete(player.key);
    this.#deps.revoke(player.token);
    const link = player.link;
    player.link = null;
    if (link) {
      link.unbind();
      if (kicked) {
        link.send(JSON.stringify({ type: 'player.kicked', reason: 'removed by the host' }));
        link.close(CloseCode.KICKED, 'kicked');
      } else {
        link.close(CloseCode.NORMAL, 'left');
      }
    }
    if (this.#open && player.answer) {
      // A removed player's answer no longer counts toward the histogram.
      for (const i of player.answer.choice)
        this.#open.counts[i] = Math.max(0, (this.#open.counts[i] ?? 0) - 1);
      this.#open.answered = Math.max(0, this.#open.answered - 1);
      player.answer = null;
      this.#histogramChanged();
    }
    this.#lobbyChanged();
    if (inDuelGame) {
      this.#finish();
      return;
    }
    if (this.mode === 'solo' && this.playerCount === 0) {
      this.close('ended');
      return;
    }
    this.#maybeCloseEarly();
  }

  // ───────────────────────────── delivery ─────────────────────────────

  /** Run `fn` after the current command's reply has been sent. */
  defer(fn: () => void): void {
    this.#deferred.push(fn);
  }

  runDeferred(): void {
    // Drain until empty: deferred work may defer more (solo: create → start → first question).
    while (this.#deferred.length > 0) {
      const work = this.#deferred;
      this.#deferred = [];
      for (const fn of work) {
        try {
          fn();
        } catch (error) {
          // One failing task must not drop the rest; the command was already answered.
          this.#deps.logger.error(
            { room: this.code, err: (error as Error)?.message },
            'deferred room work failed',
          );
        }
      }
    }
  }

  /** Visit host, active players and screens without building an array (10k-player rooms). */
  #forEachParticipant(fn: (p: Participant) => void): void {
    if (this.host) fn(this.host);
    for (const p of this.players.values()) if (!p.gone) fn(p);
    for (const s of this.screens.values()) fn(s);
  }

  /**
   * Serialise once, stamp the next seq, keep it for replay, write the same bytes to everyone.
   * `staffView` is the same event as host and screens see it, when that differs (the player
   * list of a big room): serialised once too, with the same seq, so every participant still
   * sees one gap-free sequence.
   */
  #broadcast(event: SequencedEvent, staffView?: SequencedEvent): void {
    const started = performance.now();
    event.seq = ++this.seq;
    const frame = Buffer.from(JSON.stringify(event));
    let staffFrame: Buffer | undefined;
    if (staffView) {
      staffView.seq = event.seq;
      staffFrame = Buffer.from(JSON.stringify(staffView));
    }
    this.#replay.push({ seq: event.seq, frame, staffFrame });
    const staff = staffFrame ?? frame;
    let sent = 0;
    if (this.host?.link?.send(staff)) sent++;
    for (const p of this.players.values()) if (!p.gone && p.link?.send(frame)) sent++;
    for (const s of this.screens.values()) if (s.link?.send(staff)) sent++;
    this.#deps.metrics.messagesOut.inc(sent);
    this.#deps.metrics.broadcastSeconds.observe((performance.now() - started) / 1000);
  }

  #sendTo(p: Participant, message: ServerMessage): void {
    if (p.link?.send(JSON.stringify(message))) this.#deps.metrics.messagesOut.inc();
  }

  /** Broadcast a sequenced event on behalf of a collaborator (e.g. a generation run). */
  emit(event: SequencedEvent): void {
    if (!this.closed) this.#broadcast(event);
  }

  /** Send a personal message to the host, if one is connected. */
  sendToHost(message: ServerMessage): void {
    if (this.host) this.#sendTo(this.host, message);
  }

  /** Enter or leave the `generating` phase (only from and back to the lobby). */
  setGenerating(active: boolean): void {
    if (active) {
      this.#requirePhase([Phase.LOBBY]);
      this.phase = Phase.GENERATING;
    } else if (this.phase === Phase.GENERATING) {
      this.phase = Phase.LOBBY;
    }
    this.#touch();
  }

  /** Progress of the current or last generation, for snapshots. */
  generation: { status: 'running' | 'done' | 'failed'; ready: number; requested: number } | null = null;
  /** Aborts the running generation when the room closes. */
  generationAbort: AbortController | null = null;

  /** Can a client that saw `lastSeq` be brought up to date by replay alone? */
  canReplay(lastSeq: number): boolean {
    return this.#replay.since(lastSeq, this.seq) !== null;
  }

  /** Replay what a resuming participant missed, or `false` when a snapshot is needed. */
  replayTo(p: Participant, lastSeq: number): boolean {
    const missed = this.#replay.since(lastSeq, this.seq);
    if (!missed) return false;
    const staff = p.role !== 'player';
    for (const entry of missed) p.link?.send(staff && entry.staffFrame ? entry.staffFrame : entry.frame);
    this.sendPersonalState(p);
    return true;
  }

  /** Personal, idempotent state a participant needs after a replay. */
  sendPersonalState(p: Participant): void {
    if (p.role === 'player') {
      const player = p as Player;
      if (player.last || this.phase !== Phase.LOBBY) this.#sendTo(p, this.#standing(player));
    } else if (this.#open && this.#seesHistogram(p)) {
      this.#sendTo(p, this.#histogramMessage(this.#open));
    }
  }

  #touch(): void {
    this.lastActivity = this.#deps.clock.now();
  }

  // ───────────────────────────── throttled views ─────────────────────────────

  #throttled(): boolean {
    return this.playerCount > this.#deps.config.throttleAbovePlayers;
  }

  #lobbyChanged(): void {
    if (this.closed) return;
    // A running big game announces joins, leaves and kicks, not connection flips: a reconnect
    // storm would otherwise cost one room-wide broadcast per window, and the host's list shows
    // 200 names of thousands anyway. Snapshots carry the live flags.
    if (this.#throttled() && this.phase !== Phase.LOBBY && this.#membership === this.#announcedMembership)
      return;
    if (!this.#throttled()) {
      this.#broadcastLobby();
      return;
    }
    if (this.#lobbyTimer) return;
    this.#lobbyTimer = this.#deps.clock.setTimeout(() => {
      this.#lobbyTimer = null;
      this.#broadcastLobby();
    }, this.#deps.config.throttleMs);
  }

  #listedPlayers(): PlayerSummary[] {
    const list: PlayerSummary[] = [];
    for (const p of this.players.values()) {
      if (p.gone) continue;
      list.push({ id: p.id, nickname: p.nickname, connected: p.link !== null });
      if (list.length >= Limits.MAX_LISTED_PLAYERS) break;
    }
    return list;
  }

  /** Whether `p` is sent the player list: in big rooms only the host and screens are. */
  #seesPlayerList(p: Participant): boolean {
    return p.role !== 'player' || !this.#throttled();
  }

  #broadcastLobby(): void {
    if (this.closed) return;
    const count = this.playerCount;
    this.#announcedMembership = this.#membership;
    const listed: SequencedEvent = { type: 'lobby.update', seq: 0, players: this.#listedPlayers(), count };
    // Big rooms: players get the count only (~60 bytes instead of ~11 KB to each of thousands).
    if (this.#throttled()) this.#broadcast({ type: 'lobby.update', seq: 0, players: [], count }, listed);
    else this.#broadcast(listed);
  }

  #seesHistogram(p: Participant): boolean {
    return p.role !== 'player' || this.settings.playerHistogram;
  }

  #histogramMessage(open: OpenQuestion): ServerMessage {
    return {
      type: 'histogram',
      questionId: open.question.id,
      counts: [...open.counts],
      answered: open.answered,
      total: this.playerCount,
    };
  }

  #histogramChanged(): void {
    this.#histogramDirty = true;
    if (!this.#throttled()) {
      this.#flushHistogram();
      return;
    }
    if (this.#histogramTimer) return;
    this.#histogramTimer = this.#deps.clock.setTimeout(() => {
      this.#histogramTimer = null;
      this.#flushHistogram();
    }, this.#deps.config.histogramMs);
  }

  #flushHistogram(): void {
    if (!this.#histogramDirty || !this.#open) return;
    this.#histogramDirty = false;
    const frame = Buffer.from(JSON.stringify(this.#histogramMessage(this.#open)));
    let sent = 0;
    const write = (p: Participant) => {
      if (p.link?.send(frame)) sent++;
    };
    // Only the host and screens see it unless players do too: no walk over 10k players.
    if (this.settings.playerHistogram) this.#forEachParticipant(write);
    else {
      if (this.host) write(this.host);
      for (const screen of this.screens.values()) write(screen);
    }
    this.#deps.metrics.messagesOut.inc(sent);
  }

  // ───────────────────────────── commands ─────────────────────────────

  /** Replace the quiz (lobby only). */
  loadQuiz(title: string, questions: RoomQuestion[]): void {
    this.#requirePhase([Phase.LOBBY]);
    this.title = title;
    this.questions = questions;
    this.#touch();
  }

  start(): void {
    this.#requirePhase([Phase.LOBBY]);
    if (this.questions.length === 0) fail(ErrorCode.WRONG_PHASE, 'load a quiz before starting');
    if (this.playerCount === 0) fail(ErrorCode.WRONG_PHASE, 'wait for at least one player before starting');
    this.defer(() => this.#startGame());
  }

  /** Host (or solo player): move on from reveal or leaderboard. */
  next(): void {
    this.#requirePhase([Phase.REVEAL, Phase.LEADERBOARD]);
    this.defer(() => this.#advance());
  }

  closeQuestion(): void {
    this.#requirePhase([Phase.COUNTDOWN, Phase.QUESTION]);
    this.defer(() => this.#closeQuestion());
  }

  /** Judge an answer on server receive time. Returns the receive time. */
  submitAnswer(player: Player, questionId: string, choice: number[]): number {
    const now = this.#deps.clock.now();
    const open = this.#open;
    if (!open || open.question.id !== questionId) {
      if (this.#lastResult?.questionId === questionId) fail(ErrorCode.TOO_LATE, 'this question has closed');
      if (this.phase === Phase.COUNTDOWN && open?.question.id === questionId)
        fail(ErrorCode.WRONG_PHASE, 'the question is not open yet');
      fail(
        this.phase === Phase.QUESTION ? ErrorCode.INVALID_ANSWER : ErrorCode.WRONG_PHASE,
        `question ${questionId} is not open`,
      );
    }
    if (now < open.opensAt) fail(ErrorCode.WRONG_PHASE, 'the question is not open yet');
    if (now > open.deadline + this.#deps.config.answerGraceMs) fail(ErrorCode.TOO_LATE, 'the time is up');
    if (player.answer) fail(ErrorCode.ALREADY_ANSWERED, 'you already answered this question');
    const q = open.question;
    const unique = new Set(choice);
    if (unique.size !== choice.length) fail(ErrorCode.INVALID_ANSWER, 'an option is chosen twice');
    if (choice.some((i) => i >= q.options.length))
      fail(ErrorCode.INVALID_ANSWER, `this question has ${q.options.length} options`);
    if (q.kind !== 'multiple' && choice.length !== 1)
      fail(ErrorCode.INVALID_ANSWER, 'choose exactly one option');
    player.answer = { choice: [...choice], at: now };
    for (const i of choice) open.counts[i] = (open.counts[i] ?? 0) + 1;
    open.answered++;
    if (player.link) this.#waiting--;
    this.#touch();
    this.#histogramChanged();
    this.defer(() => this.#maybeCloseEarly());
    return now;
  }

  requestRematch(player: Player): string[] {
    if (this.mode !== 'duel') fail(ErrorCode.NOT_ALLOWED, 'rematch is for duels');
    this.#requirePhase([Phase.FINISHED]);
    this.#rematch.add(player.id);
    const requestedBy = [...this.#rematch];
    this.defer(() => {
      this.#broadcast({ type: 'duel.rematch', seq: 0, requestedBy });
      if (this.activePlayers.every((p) => this.#rematch.has(p.id)) && this.playerCount === 2) this.#restart();
    });
    return requestedBy;
  }

  #requirePhase(phases: Phase[]): void {
    if (!phases.includes(this.phase))
      fail(ErrorCode.WRONG_PHASE, `not allowed while the room is in "${this.phase}"`);
  }

  // ───────────────────────────── game flow ─────────────────────────────

  #setPhaseTimer(ms: number, fn: () => void): void {
    this.#deps.clock.clearTimeout(this.#phaseTimer);
    this.#phaseTimer = this.#deps.clock.setTimeout(() => {
      this.#phaseTimer = null;
      fn();
    }, ms);
  }

  #clearPhaseTimer(): void {
    this.#deps.clock.clearTimeout(this.#phaseTimer);
    this.#phaseTimer = null;
  }

  #startGame(): void {
    if (this.closed || this.phase !== Phase.LOBBY) return;
    this.#index = -1;
    this.#openQuestion(0);
    // Duel: someone who dropped while waiting in the lobby gets the same grace as a drop mid-game.
    if (this.mode === 'duel')
      for (const p of this.players.values()) if (!p.gone && !p.link) this.#announceDrop(p);
  }

  #openQuestion(index: number): void {
    const question = this.questions[index];
    if (!question) {
      this.#finish();
      return;
    }
    this.#index = index;
    this.#played.add(question.id);
    this.#played.add(question.prompt);
    for (const p of this.players.values()) p.answer = null;
    this.#waiting = this.#connectedCount;
    const now = this.#deps.clock.now();
    const opensAt = now + this.settings.countdownMs;
    const deadline = opensAt + question.timeLimitMs;
    this.#open = { index, question, opensAt, deadline, counts: question.options.map(() => 0), answered: 0 };
    this.#lastResult = null;
    this.#histogramDirty = false;
    this.phase = this.settings.countdownMs > 0 ? Phase.COUNTDOWN : Phase.QUESTION;
    this.#broadcast({
      type: 'question.next',
      seq: 0,
      question: publicView(question),
      index,
      total: this.questions.length,
      opensAt,
      deadline,
    });
    if (this.phase === Phase.COUNTDOWN) {
      this.#setPhaseTimer(this.settings.countdownMs, () => {
        this.phase = Phase.QUESTION;
        this.#setPhaseTimer(question.timeLimitMs + this.#deps.config.answerGraceMs, () =>
          this.#closeQuestion(),
        );
      });
    } else {
      this.#setPhaseTimer(question.timeLimitMs + this.#deps.config.answerGraceMs, () =>
        this.#closeQuestion(),
      );
    }
  }

  #maybeCloseEarly(): void {
    if (this.phase !== Phase.QUESTION || !this.#open || this.#open.answered === 0) return;
    // A counter, not a scan: O(1) per answer in a 10,000-player room.
    if (this.#waiting > 0) return;
    this.#closeQuestion();
  }

  #closeQuestion(): void {
    const open = this.#open;
    if (!open || (this.phase !== Phase.QUESTION && this.phase !== Phase.COUNTDOWN)) return;
    this.#clearPhaseTimer();
    this.#deps.clock.clearTimeout(this.#histogramTimer);
    this.#histogramTimer = null;
    const q = open.question;
    const isPoll = q.kind === 'poll';
    for (const p of this.activePlayers) {
      const answer = p.answer;
      let out: { points: number; streakBonus: number; streakAfter: number };
      let correct: boolean | null = isPoll ? null : false;
      if (answer) {
        correct = isPoll ? null : isCorrectChoice(answer.choice, q.correct);
        out = scoreAnswer({
          correct,
          elapsedMs: answer.at - open.opensAt,
          limitMs: q.timeLimitMs,
          points: q.points,
          speedScoring: this.settings.speedScoring,
          streaks: this.settings.streaks,
          streakBefore: p.streak,
        });
      } else {
        out = missedAnswer(isPoll || q.points === 'none', p.streak);
      }
      p.score += out.points + out.streakBonus;
      p.streak = out.streakAfter;
      const last: Outcome = {
        questionId: q.id,
        answered: answer !== null,
        correct,
        points: out.points,
        streakBonus: out.streakBonus,
        choice: answer ? answer.choice : null,
      };
      p.last = last;
    }
    this.#rerank();
    const result: ClosedQuestion = {
      questionId: q.id,
      correct: [...q.correct],
      counts: [...open.counts],
      answered: open.answered,
      total: this.playerCount,
      ...(q.explanation ? { explanation: q.explanation } : {}),
    };
    this.#lastResult = result;
    this.#open = null;
    this.phase = Phase.REVEAL;
    this.#broadcast({ type: 'question.result', seq: 0, ...result });
    for (const p of this.activePlayers) this.#sendTo(p, this.#standing(p));
    if (this.settings.autoAdvance) this.#setPhaseTimer(this.settings.revealMs, () => this.#advance());
  }

  #advance(): void {
    if (this.closed) return;
    this.#clearPhaseTimer();
    const isLast = this.#index >= this.questions.length - 1;
    if (this.phase === Phase.REVEAL) {
      if (isLast) {
        this.#finish();
        return;
      }
      if (this.mode === 'solo') {
        this.#openQuestion(this.#index + 1);
        return;
      }
      this.phase = Phase.LEADERBOARD;
      this.#leaderboard = this.#top(this.settings.leaderboardSize);
      this.#broadcast({ type: 'leaderboard', seq: 0, top: this.#leaderboard, total: this.playerCount });
      if (this.settings.autoAdvance) this.#setPhaseTimer(this.settings.revealMs, () => this.#advance());
      return;
    }
    if (this.phase === Phase.LEADERBOARD) this.#openQuestion(this.#index + 1);
  }

  /** Duel: a player who did not return in time loses at once. */
  #forfeit(loser: Player): void {
    if (this.closed || this.phase === Phase.LOBBY || this.phase === Phase.FINISHED) return;
    this.#forfeitedBy = loser.id;
    this.#finish();
  }

  #finish(): void {
    this.#clearForfeits();
    this.#clearPhaseTimer();
    this.#open = null;
    this.phase = Phase.FINISHED;
    this.finishedAt = this.#deps.clock.now();
    const top = this.#top(Math.max(this.settings.leaderboardSize, 3));
    const finished: NonNullable<typeof this.finishedState> = {
      podium: top.slice(0, 3),
      top: top.slice(0, this.settings.leaderboardSize),
      total: this.playerCount,
    };
    if (this.mode === 'duel') {
      const both = this.#top(2);
      const [a, b] = both;
      const byScore = a && b && a.score !== b.score ? a.playerId : a && !b ? a.playerId : null;
      const forfeitWinner = this.#forfeitedBy
        ? (this.activePlayers.find((p) => p.id !== this.#forfeitedBy)?.id ?? null)
        : null;
      finished.duel = { winnerId: this.#forfeitedBy ? forfeitWinner : byScore, players: both };
    }
    this.#finished = finished;
    this.#broadcast({ type: 'quiz.finished', seq: 0, ...finished });
    for (const p of this.activePlayers) this.#sendTo(p, this.#standing(p));
  }

  #restart(): void {
    this.#rematch.clear();
    if (this.#refill) {
      const fresh = this.#refill(this.#played);
      if (fresh.length > 0) this.questions = fresh;
    }
    for (const p of this.players.values()) {
      p.score = 0;
      p.streak = 0;
      p.answer = null;
      p.last = null;
      p.rank = 1;
    }
    this.#finished = null;
    this.#leaderboard = null;
    this.#lastResult = null;
    this.finishedAt = null;
    this.phase = Phase.LOBBY;
    this.#forfeitedBy = null;
    this.#startGame();
    // Scores were reset: tell each player so their standing matches the new game.
    for (const p of this.activePlayers) this.#sendTo(p, this.#standing(p));
  }

  get finishedState() {
    return this.#finished;
  }

  #rerank(): void {
    for (const r of rank(
      this.activePlayers.map((p) => ({ id: p.id, score: p.score, order: p.joinOrder })),
      (a, b) => a.order - b.order,
    )) {
      const p = this.players.get(r.id);
      if (p) p.rank = r.rank;
    }
  }

  #top(n: number): RankedPlayer[] {
    return this.activePlayers
      .sort((a, b) => a.rank - b.rank || a.joinOrder - b.joinOrder)
      .slice(0, n)
      .map((p) => ({ playerId: p.id, nickname: p.nickname, score: p.score, rank: p.rank }));
  }

  #standing(p: Player): ServerMessage {
    return {
      type: 'player.standing',
      score: p.score,
      rank: p.rank,
      streak: p.streak,
      total: this.playerCount,
      last: p.last,
    };
  }

  /** Everything `p` may see, for join and for a resume that cannot replay. */
  snapshot(p: Participant): Snapshot {
    const player = p.role === 'player' ? (p as Player) : null;
    const open = this.#open;
    return {
      type: 'session.snapshot',
      seq: this.seq,
      serverTime: this.#deps.clock.now(),
      code: this.code,
      mode: this.mode,
      phase: this.phase,
      role: p.role as Role,
      settings: this.settings,
      title: this.title,
      questionCount: this.questions.length,
      you: player
        ? {
            playerId: player.id,
            nickname: player.nickname,
            score: player.score,
            rank: player.rank,
            streak: player.streak,
          }
        : null,
      players: this.#seesPlayerList(p) ? this.#listedPlayers() : [],
      playerCount: this.playerCount,
      question: open
        ? {
            question: publicView(open.question),
            index: open.index,
            total: this.questions.length,
            opensAt: open.opensAt,
            deadline: open.deadline,
            yourChoice: player?.answer ? [...player.answer.choice] : null,
          }
        : null,
      histogram:
        open && this.#seesHistogram(p)
          ? { counts: [...open.counts], answered: open.answered, total: this.playerCount }
          : null,
      result: this.#lastResult
        ? {
            questionId: this.#lastResult.questionId,
            correct: this.#lastResult.correct,
            counts: this.#lastResult.counts,
            answered: this.#lastResult.answered,
            total: this.#lastResult.total,
          }
        : null,
      last: player?.last ?? null,
      leaderboard: this.phase === Phase.LEADERBOARD ? this.#leaderboard : null,
      finished: this.#finished,
      generation: this.generation ? { ...this.generation } : null,
      rematch: [...this.#rematch],
      opponentLeft: (() => {
        if (this.mode !== 'duel') return null;
        const gone = this.activePlayers.find((o) => o.id !== p.id && o.announcedLeft);
        return gone ? { playerId: gone.id, graceUntil: gone.graceUntil ?? this.#deps.clock.now() } : null;
      })(),
    };
  }

  /** End the room: tell everyone, close their sockets, release timers. */
  close(reason: CloseReason): void {
    if (this.closed) return;
    this.#broadcast({ type: 'session.closed', seq: 0, reason });
    this.closed = true;
    this.generationAbort?.abort();
    this.#clearForfeits();
    this.#clearPhaseTimer();
    for (const t of [this.#hostGraceTimer, this.#histogramTimer, this.#lobbyTimer])
      this.#deps.clock.clearTimeout(t);
    const code = reason === 'server_restart' ? CloseCode.SERVER_RESTART : CloseCode.ROOM_CLOSED;
    this.#forEachParticipant((p) => {
      const link = p.link;
      p.link = null;
      if (link) {
        link.unbind();
        link.close(code, `room ${reason}`);
      }
    });
    this.#replay.clear();
    this.#deps.logger.info({ room: this.code, reason }, 'room closed');
    this.#deps.onClosed(this);
  }
}

/** The player-facing view of a question: never the correct answer or the explanation. */
export function publicView(q: RoomQuestion): PublicQuestion {
  return {
    id: q.id,
    kind: q.kind,
    prompt: q.prompt,
    options: [...q.options],
    timeLimitMs: q.timeLimitMs,
    points: q.points,
  };
}
