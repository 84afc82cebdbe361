/**
 * Fake clients in named game states, shared by the stories (and usable in tests): every
 * meaningful state of every element without a server.
 */
import {
  createFakeClient,
  type FakeClient,
  openQuestion,
  players,
  ranked,
  session,
  XSS_CORPUS,
} from './fake-client.js';

const LONG = 'Bartholomew_Featherstone';
const RTL = 'مريم الأحمد';

export function lobbyEmpty(role: 'host' | 'player' = 'host'): FakeClient {
  const c = createFakeClient();
  c.$session.set(
    session({
      role,
      me: role === 'host' ? null : { playerId: 'p1', nickname: 'Ada' },
      players: [],
      playerCount: 0,
    }),
  );
  return c;
}

export function lobbyFull(role: 'host' | 'player' | 'screen' = 'host'): FakeClient {
  const c = createFakeClient();
  const names = [
    'Ada',
    'Grace',
    'Linus',
    RTL,
    LONG,
    'Katherine',
    'Alan',
    'Margaret',
    'Edsger',
    'Barbara',
    'Donald',
    'Frances',
  ];
  c.$session.set(
    session({
      role,
      me: role === 'player' ? { playerId: 'p1', nickname: 'Ada' } : null,
      players: players(names),
      playerCount: 87,
    }),
  );
  return c;
}

export function hostileNames(): FakeClient {
  const c = createFakeClient();
  c.$session.set(
    session({ role: 'host', me: null, players: players(XSS_CORPUS), playerCount: XSS_CORPUS.length }),
  );
  return c;
}

export function answering(kind: 'single' | 'multiple' | 'truefalse' | 'poll' = 'single'): FakeClient {
  const c = createFakeClient();
  c.$session.set(session({ phase: 'question' }));
  const q =
    kind === 'multiple'
      ? { kind, prompt: 'Which of these are prime numbers?', options: ['2', '9', '11', '15', '17', '21'] }
      : kind === 'truefalse'
        ? {
            kind,
            prompt: 'The Great Wall of China is visible from the Moon with the naked eye.',
            options: ['True', 'False'],
          }
        : kind === 'poll'
          ? {
              kind,
              prompt: 'Which topic should the next round be about?',
              options: ['Space', 'Music', 'Food'],
              points: 'none' as const,
            }
          : {};
  openQuestion(c, q);
  return c;
}

export function answered(): FakeClient {
  const c = answering();
  c.$myAnswer.set({ questionId: 'q1', choice: [1], status: 'accepted', error: null });
  return c;
}

export function locked(): FakeClient {
  const c = answering();
  c.$timeLeft.set(0);
  return c;
}

export function rejected(): FakeClient {
  const c = answering();
  const error = Object.assign(new Error('too late'), { code: 'TOO_LATE' });
  c.$myAnswer.set({ questionId: 'q1', choice: [2], status: 'rejected', error });
  return c;
}

export function rtlQuestion(): FakeClient {
  const c = createFakeClient();
  c.$session.set(session({ phase: 'question' }));
  openQuestion(c, { prompt: 'ما هي عاصمة فرنسا؟', options: ['برلين', 'باريس', 'مدريد', 'روما'] });
  return c;
}

export function reveal(correct: boolean | null = true, role: 'player' | 'host' = 'player'): FakeClient {
  const c = createFakeClient();
  c.$session.set(
    session({ phase: 'reveal', role, me: role === 'host' ? null : { playerId: 'p1', nickname: 'Ada' } }),
  );
  openQuestion(c);
  c.$myAnswer.set({ questionId: 'q1', choice: [correct ? 1 : 0], status: 'accepted', error: null });
  c.$result.set({
    questionId: 'q1',
    correct: [1],
    counts: [3, 14, 2, 1],
    answered: 20,
    total: 22,
    explanation: 'Paris has been the capital of France for most of its history.',
  });
  c.$histogram.set({ questionId: 'q1', counts: [3, 14, 2, 1], answered: 20, total: 22 });
  c.$standing.set({
    score: correct ? 3450 : 2600,
    rank: correct ? 2 : 7,
    streak: correct ? 3 : 0,
    total: 22,
    last: {
      questionId: 'q1',
      answered: correct !== null,
      correct,
      points: correct ? 850 : 0,
      streakBonus: correct ? 200 : 0,
      choice: correct === null ? null : [correct ? 1 : 0],
    },
  });
  return c;
}

export function liveHistogram(): FakeClient {
  const c = answering();
  c.$session.set(session({ role: 'host', me: null, phase: 'question' }));
  c.$histogram.set({ questionId: 'q1', counts: [2, 9, 1, 0], answered: 12, total: 22 });
  return c;
}

export function leaderboard(meInTop = true): FakeClient {
  const c = createFakeClient();
  c.$session.set(
    session({
      phase: 'leaderboard',
      me: meInTop ? { playerId: 'p1', nickname: 'Ada' } : { playerId: 'p99', nickname: 'Zed' },
    }),
  );
  c.$leaderboard.set({ top: ranked(['Ada', 'Grace', LONG, RTL, 'Linus'], 4200), total: 22 });
  c.$standing.set({ score: 900, rank: 17, streak: 0, total: 22, last: null });
  return c;
}

export function finished(): FakeClient {
  const c = createFakeClient();
  const top = ranked(['Ada', 'Grace', LONG, RTL, 'Linus'], 6100);
  c.$session.set(session({ phase: 'finished' }));
  c.$finished.set({ podium: top.slice(0, 3), top, total: 22 });
  c.$standing.set({ score: 6100, rank: 1, streak: 2, total: 22, last: null });
  return c;
}

export function connection(state: 'connecting' | 'reconnecting' | 'kicked' | 'closed' | 'ended'): FakeClient {
  const c = createFakeClient();
  const base = { attempt: 0, recovered: null, closeCode: null, error: null };
  if (state === 'connecting') c.$connection.set({ ...base, state });
  if (state === 'reconnecting') c.$connection.set({ ...base, state, attempt: 3 });
  if (state === 'kicked') c.$connection.set({ ...base, state: 'closed', closeCode: 4002 });
  if (state === 'ended') c.$connection.set({ ...base, state: 'closed', closeCode: 4003 });
  if (state === 'closed') c.$connection.set({ ...base, state: 'closed', closeCode: 1006 });
  return c;
}

export function generation(status: 'running' | 'done' | 'failed'): FakeClient {
  const c = createFakeClient();
  const q = (prompt: string, options: string[], correct: number) => ({
    kind: 'single' as const,
    prompt,
    options,
    correct: [correct],
  });
  c.$session.set(session({ role: 'host', me: null, phase: status === 'running' ? 'generating' : 'lobby' }));
  c.$generation.set({
    status,
    ready: status === 'running' ? 2 : 5,
    requested: 5,
    fromModel: status === 'failed' ? 2 : status === 'running' ? 2 : 5,
    fromBank: status === 'failed' ? 3 : 0,
    ...(status === 'failed' ? { reason: 'the model did not answer within 20 s' } : {}),
    questions: [
      q('Which volcano buried Pompeii?', ['Etna', 'Vesuvius', 'Stromboli'], 1),
      q('What is molten rock called once it reaches the surface?', ['Magma', 'Lava', 'Tephra'], 1),
    ],
  });
  return c;
}

export function duel(phase: 'waiting' | 'question' | 'opponentLeft' | 'won' | 'rematch'): FakeClient {
  const c = createFakeClient();
  const two = players(['Ada', 'Grace']);
  if (phase === 'waiting') {
    c.$session.set(session({ mode: 'duel', players: two.slice(0, 1), playerCount: 1 }));
    return c;
  }
  const finishedPhase = phase === 'won' || phase === 'rematch';
  c.$session.set(
    session({ mode: 'duel', players: two, playerCount: 2, phase: finishedPhase ? 'finished' : 'question' }),
  );
  c.$leaderboard.set({ top: ranked(['Ada', 'Grace'], 2700), total: 2 });
  if (!finishedPhase) openQuestion(c);
  if (phase === 'opponentLeft')
    c.$duel.set({ opponentLeft: { playerId: 'p2', graceUntil: c.now + 25_000 }, rematch: [] });
  if (finishedPhase) {
    const top = ranked(['Ada', 'Grace'], 5400);
    c.$finished.set({ podium: top, top, total: 2, duel: { winnerId: 'p1', players: top } });
    c.$duel.set({ opponentLeft: null, rematch: phase === 'rematch' ? ['p2'] : [] });
  }
  return c;
}
