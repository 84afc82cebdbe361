/**
 * A fake quiz client for tests and stories: real nanostores atoms that a test sets directly,
 * and command methods that record their calls and resolve (or reject with a planned error).
 * Not part of the package's API.
 */
import type { PublicQuestion, RankedPlayer } from '@quizwire/protocol';
import { atom, type WritableAtom } from 'nanostores';
import type {
  ConnectionValue,
  DuelValue,
  FinishedValue,
  GenerationValue,
  HistogramValue,
  LeaderboardValue,
  MyAnswerValue,
  QuestionValue,
  QuizClientLike,
  ResultValue,
  SessionValue,
  StandingValue,
} from '../client.js';

export interface Call {
  method: string;
  args: unknown[];
}

export class FakeQuizError extends Error {
  constructor(
    public code: string,
    message = code,
  ) {
    super(message);
  }
}

export interface FakeClient extends QuizClientLike {
  $connection: WritableAtom<ConnectionValue>;
  $session: WritableAtom<SessionValue | null>;
  $question: WritableAtom<QuestionValue | null>;
  $myAnswer: WritableAtom<MyAnswerValue | null>;
  $histogram: WritableAtom<HistogramValue | null>;
  $result: WritableAtom<ResultValue | null>;
  $standing: WritableAtom<StandingValue | null>;
  $leaderboard: WritableAtom<LeaderboardValue | null>;
  $finished: WritableAtom<FinishedValue | null>;
  $generation: WritableAtom<GenerationValue | null>;
  $duel: WritableAtom<DuelValue>;
  $timeLeft: WritableAtom<number | null>;
  calls: Call[];
  /** The next call of `method` rejects with this error. */
  failNext(method: string, error: Error): void;
  now: number;
}

export function createFakeClient(): FakeClient {
  const calls: Call[] = [];
  const failures = new Map<string, Error>();
  const record =
    (method: string, result: unknown = {}) =>
    (...args: unknown[]) => {
      calls.push({ method, args });
      const error = failures.get(method);
      if (error) {
        failures.delete(method);
        return Promise.reject(error);
      }
      return Promise.resolve(result);
    };
  const client: FakeClient = {
    $connection: atom<ConnectionValue>({
      state: 'open',
      attempt: 0,
      recovered: null,
      closeCode: null,
      error: null,
    }),
    $session: atom<SessionValue | null>(null),
    $question: atom<QuestionValue | null>(null),
    $myAnswer: atom<MyAnswerValue | null>(null),
    $histogram: atom<HistogramValue | null>(null),
    $result: atom<ResultValue | null>(null),
    $standing: atom<StandingValue | null>(null),
    $leaderboard: atom<LeaderboardValue | null>(null),
    $finished: atom<FinishedValue | null>(null),
    $generation: atom<GenerationValue | null>(null),
    $duel: atom<DuelValue>({ opponentLeft: null, rematch: [] }),
    $timeLeft: atom<number | null>(null),
    now: 1_000_000,
    serverNow: () => client.now,
    calls,
    failNext: (method, error) => failures.set(method, error),
    host: {
      create: record('host.create', { code: 'K7QF' }),
      loadQuiz: record('host.loadQuiz'),
      generate: record('host.generate'),
      start: record('host.start'),
      next: record('host.next'),
      close: record('host.close'),
      kick: record('host.kick'),
      end: record('host.end'),
    },
    player: {
      join: record('player.join'),
      answer: record('player.answer'),
      leave: record('player.leave'),
      rematch: record('player.rematch'),
      next: record('player.next'),
    },
    screen: { watch: record('screen.watch') },
    connect: record('connect'),
    close: record('close'),
  };
  return client;
}

// ---- fixtures -------------------------------------------------------------------------------

export const players = (names: string[]) =>
  names.map((nickname, i) => ({ id: `p${i + 1}`, nickname, connected: true }));

export function session(overrides: Partial<SessionValue> = {}): SessionValue {
  return {
    code: 'K7QF',
    mode: 'classic',
    role: 'player',
    phase: 'lobby',
    me: { playerId: 'p1', nickname: 'Ada' },
    players: players(['Ada', 'Grace', 'Linus']),
    playerCount: 3,
    title: 'Capitals of Europe',
    questionCount: 5,
    settings: {
      speedScoring: true,
      streaks: true,
      autoAdvance: false,
      playerHistogram: false,
      leaderboardSize: 5,
      maxPlayers: 500,
      countdownMs: 3000,
      revealMs: 5000,
    },
    ...overrides,
  };
}

export function publicQuestion(overrides: Partial<PublicQuestion> = {}): PublicQuestion {
  return {
    id: 'q1',
    kind: 'single',
    prompt: 'What is the capital of France?',
    options: ['Berlin', 'Paris', 'Madrid', 'Rome'],
    timeLimitMs: 20_000,
    points: 'standard',
    ...overrides,
  };
}

/** A question that opened 5 s ago and closes in 15 s (fake server time `client.now`). */
export function openQuestion(
  client: FakeClient,
  q: Partial<PublicQuestion> = {},
  index = 0,
  total = 5,
): QuestionValue {
  const question = publicQuestion(q);
  const value = {
    question,
    index,
    total,
    opensAt: client.now - 5_000,
    deadline: client.now + question.timeLimitMs - 5_000,
  };
  client.$question.set(value);
  client.$timeLeft.set(value.deadline - client.now);
  return value;
}

export const ranked = (names: string[], top = 3000): RankedPlayer[] =>
  names.map((nickname, i) => ({ playerId: `p${i + 1}`, nickname, score: top - i * 700, rank: i + 1 }));

export const XSS_CORPUS = [
  '<img src=x onerror="window.__xss=1">',
  '<script>window.__xss=1</script>',
  '"><svg onload=window.__xss=1>',
  'javascript:window.__xss=1',
  '{{constructor.constructor("window.__xss=1")()}}',
  `\${window.__xss=1}`,
  '<a href="javascript:window.__xss=1">x</a>',
  '\u202Eevil\u202C',
];
