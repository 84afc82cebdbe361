import type { ClientMessageOf, ServerMessage, ServerMessageOf } from '@quizwire/protocol';
import { AnswerStatus, type GenerationInfo, type MyAnswer, patch, type Stores } from './stores.js';

/** What applying needs from the client besides the stores. */
export interface ApplyContext {
  /** Current server time estimate. */
  serverNow(): number;
  /** The unacknowledged answer to `questionId` in the outbox, if any. */
  pendingAnswer(questionId: string): ClientMessageOf<'answer.submit'> | undefined;
}

/** `$generation` before the first progress report. */
const NO_GENERATION: GenerationInfo = {
  status: 'running',
  ready: 0,
  requested: 0,
  fromModel: 0,
  fromBank: 0,
  questions: [],
};

/**
 * Replace every game store from a snapshot: nothing of the previous state survives except
 * what the snapshot cannot know (our own unacknowledged or refused answer, generated
 * questions already streamed to the host).
 */
function applySnapshot(s: Stores, m: ServerMessageOf<'session.snapshot'>, ctx: ApplyContext): void {
  const {
    type: _type,
    seq: _seq,
    serverTime: _serverTime,
    you,
    question: q,
    histogram,
    result,
    last,
    leaderboard,
    finished,
    generation,
    rematch,
    opponentLeft,
    ...session
  } = m;
  s.$session.set({ ...session, me: you && { playerId: you.playerId, nickname: you.nickname }, closed: null });
  let answer: MyAnswer | null = null;
  if (q) {
    const { yourChoice, ...question } = q;
    const id = q.question.id;
    const pending = ctx.pendingAnswer(id);
    const previous = s.$myAnswer.get();
    s.$question.set(question);
    if (yourChoice)
      answer = { questionId: id, choice: yourChoice, status: AnswerStatus.ACCEPTED, error: null };
    else if (pending)
      answer = { questionId: id, choice: pending.choice, status: AnswerStatus.SENDING, error: null };
    else if (previous?.questionId === id && previous.error) answer = previous;
  } else s.$question.set(null);
  s.$myAnswer.set(answer);
  const histogramOf = q?.question.id ?? result?.questionId;
  s.$histogram.set(histogram && histogramOf ? { questionId: histogramOf, ...histogram } : null);
  s.$result.set(result);
  s.$standing.set(
    you && { score: you.score, rank: you.rank, streak: you.streak, total: m.playerCount, last },
  );
  s.$leaderboard.set(leaderboard && { top: leaderboard, total: m.playerCount });
  s.$finished.set(finished);
  const before = s.$generation.get();
  s.$generation.set(generation && { ...NO_GENERATION, ...before, ...generation, reason: undefined });
  s.$duel.set({ opponentLeft, rematch });
}

/**
 * Apply one server message to the stores. The caller wraps a run of messages in nanostores'
 * `batch`, so listeners see the state after the whole run, never in between.
 */
export function applyMessage(s: Stores, m: ServerMessage, ctx: ApplyContext) {
  const { type: _type, seq: _seq, ...body } = m as ServerMessage & { seq?: number };
  const duel = s.$duel.get();
  switch (m.type) {
    case 'session.snapshot':
      return applySnapshot(s, m, ctx);
    case 'lobby.update':
      return patch(s.$session, { players: m.players, playerCount: m.count });
    case 'generation.progress':
      s.$generation.set({ questions: s.$generation.get()?.questions ?? [], ...(body as typeof m) });
      return patch(
        s.$session,
        m.status === 'running' ? { phase: 'generating' } : { phase: 'lobby', questionCount: m.ready },
      );
    case 'generation.question': {
      const g = s.$generation.get() ?? NO_GENERATION;
      // The host reviews at most a quiz's worth of questions.
      return s.$generation.set({ ...g, questions: [...g.questions, m.question].slice(-100) });
    }
    case 'question.next':
      s.$question.set({
        question: m.question,
        index: m.index,
        total: m.total,
        opensAt: m.opensAt,
        deadline: m.deadline,
      });
      if (s.$myAnswer.get()?.questionId !== m.question.id) s.$myAnswer.set(null);
      s.$histogram.set(null);
      s.$result.set(null);
      s.$leaderboard.set(null);
      // The server's rule: a countdown only when the room has one (our clock estimate is ± rtt/2).
      return patch(s.$session, {
        phase:
          s.$session.get()?.settings.countdownMs && m.opensAt > ctx.serverNow() ? 'countdown' : 'question',
        questionCount: m.total,
      });
    case 'histogram':
      return s.$histogram.set(body as typeof m);
    case 'question.result':
      // The final counts are in the result; `$histogram` keeps the last live ones.
      s.$result.set(body as typeof m);
      return patch(s.$session, { phase: 'reveal' });
    case 'player.standing':
      return s.$standing.set(body as typeof m);
    case 'leaderboard':
      s.$leaderboard.set(body as typeof m);
      return patch(s.$session, { phase: 'leaderboard' });
    case 'quiz.finished':
      s.$finished.set(body as typeof m);
      s.$question.set(null);
      return patch(s.$session, { phase: 'finished' });
    case 'opponent.left':
    case 'opponent.returned':
      return s.$duel.set({
        ...duel,
        opponentLeft: m.type === 'opponent.left' ? { playerId: m.playerId, graceUntil: m.graceUntil } : null,
      });
    case 'duel.rematch':
      return s.$duel.set({ ...duel, rematch: m.requestedBy });
    case 'session.closed':
      return patch(s.$session, { closed: m.reason });
  }
}
