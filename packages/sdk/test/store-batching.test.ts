import type { ServerMessage } from '@quizwire/protocol';
import { batch } from 'nanostores';
import { describe, expect, it } from 'vitest';
import { applyMessage } from '../src/apply.js';
import { createStores } from '../src/stores.js';
import { lobby, next, result, settings, snapshot } from './helpers/messages.js';

const ctx = { serverNow: () => 1_000_000, pendingAnswer: () => undefined };

function applyRun(stores: ReturnType<typeof createStores>, messages: ServerMessage[]) {
  batch(() => {
    for (const m of messages) applyMessage(stores, m, ctx);
  });
}

describe('store batching', () => {
  it('never lets a listener see a half-applied snapshot', () => {
    const s = createStores();
    applyRun(s, [snapshot(1), next(2)]);
    const seen: string[] = [];
    // Whenever $question changes, the other stores must already agree with it.
    s.$question.listen((q) =>
      seen.push(
        `${q?.question.id ?? 'none'}:${s.$session.get()?.phase}:${s.$result.get()?.questionId ?? '-'}`,
      ),
    );
    applyRun(s, [
      snapshot(9, {
        phase: 'reveal',
        question: {
          question: { ...next(0).question, id: 'q2' },
          index: 1,
          total: 3,
          opensAt: 1,
          deadline: 2,
          yourChoice: [1],
        },
        result: { questionId: 'q2', correct: [1], counts: [0, 1, 0], answered: 1, total: 1 },
      }),
    ]);
    expect(seen).toEqual(['q2:reveal:q2']);
  });

  it('notifies each listener once for a whole replay, with the final state', () => {
    const s = createStores();
    applyRun(s, [snapshot(1)]);
    const phases: string[] = [];
    s.$session.listen((session) => phases.push(`${session?.phase}/${session?.playerCount}`));
    applyRun(s, [lobby(2, 2), lobby(3, 3), next(4), result(5)]);
    expect(phases).toEqual(['reveal/3']);
  });

  it('replaces every store from a snapshot, keeping nothing of the previous game', () => {
    const s = createStores();
    applyRun(s, [snapshot(1), next(2), result(3), { type: 'leaderboard', seq: 4, top: [], total: 1 }]);
    expect(s.$leaderboard.get()).not.toBeNull();
    applyRun(s, [snapshot(10)]);
    expect(s.$question.get()).toBeNull();
    expect(s.$result.get()).toBeNull();
    expect(s.$leaderboard.get()).toBeNull();
    expect(s.$histogram.get()).toBeNull();
    expect(s.$session.get()?.phase).toBe('lobby');
    expect(s.$standing.get()).toEqual({ score: 0, rank: 1, streak: 0, total: 1, last: null });
  });

  it('shows a question that opens later as a countdown', () => {
    const s = createStores();
    applyRun(s, [snapshot(1, { settings: { ...settings, countdownMs: 3000 } }), next(2, 1_003_000)]);
    expect(s.$session.get()?.phase).toBe('countdown');
    applyRun(s, [next(3, 999_000, 'q2')]);
    expect(s.$session.get()?.phase).toBe('question');
  });

  it('keeps my answer to the same question when question.next repeats and drops it on a new one', () => {
    const s = createStores();
    applyRun(s, [snapshot(1), next(2)]);
    s.$myAnswer.set({ questionId: 'q1', choice: [1], status: 'accepted', error: null });
    applyRun(s, [result(3)]);
    expect(s.$myAnswer.get()?.questionId).toBe('q1');
    applyRun(s, [next(4, 1_000_000, 'q2')]);
    expect(s.$myAnswer.get()).toBeNull();
  });
});
