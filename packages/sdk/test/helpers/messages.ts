import type { ServerMessageOf } from '@quizwire/protocol';

/** Server messages for unit tests, shaped exactly as the protocol says. */
export const settings = {
  speedScoring: true,
  streaks: true,
  autoAdvance: false,
  playerHistogram: false,
  leaderboardSize: 5,
  maxPlayers: 100,
  countdownMs: 0,
  revealMs: 5000,
};

export const question = {
  id: 'q1',
  kind: 'single' as const,
  prompt: 'Two plus two?',
  options: ['3', '4', '5'],
  timeLimitMs: 20_000,
  points: 'standard' as const,
};

export function snapshot(
  seq: number,
  fields: Partial<ServerMessageOf<'session.snapshot'>> = {},
): ServerMessageOf<'session.snapshot'> {
  return {
    type: 'session.snapshot',
    seq,
    serverTime: 1_000_000,
    code: 'ABCD',
    mode: 'classic',
    phase: 'lobby',
    role: 'player',
    settings,
    title: 'Sums',
    questionCount: 3,
    you: { playerId: 'p1', nickname: 'Ada', score: 0, rank: 1, streak: 0 },
    players: [{ id: 'p1', nickname: 'Ada', connected: true }],
    playerCount: 1,
    question: null,
    histogram: null,
    result: null,
    last: null,
    leaderboard: null,
    finished: null,
    generation: null,
    rematch: [],
    opponentLeft: null,
    ...fields,
  };
}

export function lobby(seq: number, count: number): ServerMessageOf<'lobby.update'> {
  const players = Array.from({ length: count }, (_, i) => ({
    id: `p${i + 1}`,
    nickname: `P${i + 1}`,
    connected: true,
  }));
  return { type: 'lobby.update', seq, players, count };
}

export function next(seq: number, opensAt = 1_000_000, id = 'q1'): ServerMessageOf<'question.next'> {
  return {
    type: 'question.next',
    seq,
    question: { ...question, id },
    index: 0,
    total: 3,
    opensAt,
    deadline: opensAt + 20_000,
  };
}

export function result(seq: number, id = 'q1'): ServerMessageOf<'question.result'> {
  return {
    type: 'question.result',
    seq,
    questionId: id,
    correct: [1],
    counts: [0, 1, 0],
    answered: 1,
    total: 1,
  };
}
