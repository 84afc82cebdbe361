/**
 * Room phases. A room moves `lobby → (generating) → countdown → question → reveal →
 * leaderboard → countdown → … → finished`; every transition is guarded on the server.
 */
export const Phase = {
  LOBBY: 'lobby',
  GENERATING: 'generating',
  COUNTDOWN: 'countdown',
  QUESTION: 'question',
  REVEAL: 'reveal',
  LEADERBOARD: 'leaderboard',
  FINISHED: 'finished',
} as const;
export type Phase = (typeof Phase)[keyof typeof Phase];
export const PHASES = /* @__PURE__ */ Object.values(Phase) as readonly Phase[];

/** Game modes: host-led classic, 1-vs-1 duel, self-paced solo practice. */
export const Mode = { CLASSIC: 'classic', DUEL: 'duel', SOLO: 'solo' } as const;
export type Mode = (typeof Mode)[keyof typeof Mode];
export const MODES = /* @__PURE__ */ Object.values(Mode) as readonly Mode[];

/** Who a connection is. Decided by the server from tokens, never from a payload. */
export const Role = { HOST: 'host', PLAYER: 'player', SCREEN: 'screen' } as const;
export type Role = (typeof Role)[keyof typeof Role];
export const ROLES = /* @__PURE__ */ Object.values(Role) as readonly Role[];

/** Question kinds. A poll has no correct answer and earns no points. */
export const QuestionKind = {
  SINGLE: 'single',
  MULTIPLE: 'multiple',
  TRUE_FALSE: 'truefalse',
  POLL: 'poll',
} as const;
export type QuestionKind = (typeof QuestionKind)[keyof typeof QuestionKind];
export const QUESTION_KINDS = /* @__PURE__ */ Object.values(QuestionKind) as readonly QuestionKind[];

/** Points a question is worth: 1000, 2000 or nothing. */
export const PointsMode = { STANDARD: 'standard', DOUBLE: 'double', NONE: 'none' } as const;
export type PointsMode = (typeof PointsMode)[keyof typeof PointsMode];
export const POINTS_MODES = /* @__PURE__ */ Object.values(PointsMode) as readonly PointsMode[];

/** Question difficulty, used by the bank and by generation. */
export const Difficulty = { EASY: 'easy', MEDIUM: 'medium', HARD: 'hard' } as const;
export type Difficulty = (typeof Difficulty)[keyof typeof Difficulty];
export const DIFFICULTIES = /* @__PURE__ */ Object.values(Difficulty) as readonly Difficulty[];

/** Why a room closed, as told in `session.closed`. */
export const CloseReason = {
  ENDED: 'ended',
  IDLE: 'idle',
  HOST_LEFT: 'host_left',
  SERVER_RESTART: 'server_restart',
} as const;
export type CloseReason = (typeof CloseReason)[keyof typeof CloseReason];
export const CLOSE_REASONS = /* @__PURE__ */ Object.values(CloseReason) as readonly CloseReason[];
