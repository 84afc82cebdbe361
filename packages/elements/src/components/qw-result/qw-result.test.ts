import { expect, fixture, html } from '@open-wc/testing';
import { createFakeClient, openQuestion } from '../../testing/fake-client.js';
import { expectAccessible, text } from '../../testing/helpers.js';
import './define.js';
import type { QwResult } from './qw-result.js';

function reveal(correct: boolean | null, answered = true) {
  const client = createFakeClient();
  openQuestion(client);
  client.$result.set({
    questionId: 'q1',
    correct: [1],
    counts: [1, 5, 0, 0],
    answered: 6,
    total: 6,
    explanation: 'Paris has been the capital since 987.',
  });
  client.$standing.set({
    score: 2350,
    rank: 2,
    streak: 3,
    total: 6,
    last: {
      questionId: 'q1',
      answered,
      correct,
      points: correct ? 850 : 0,
      streakBonus: correct ? 200 : 0,
      choice: answered ? [1] : null,
    },
  });
  return client;
}

describe('qw-result', () => {
  it('says a correct answer in words, with points, streak bonus, score and rank', async () => {
    const el = await fixture<QwResult>(html`<qw-result .client=${reveal(true)}></qw-result>`);
    const t = text(el);
    expect(t).to.contain('Correct!');
    expect(t).to.contain('+850 points');
    expect(t).to.contain('+200 streak bonus');
    expect(t).to.contain('Streak: 3');
    expect(t).to.contain('Score: 2350');
    expect(t).to.contain('Rank 2 of 6');
    expect(t).to.contain('Correct answer: Paris');
    expect(t).to.contain('Why: Paris has been the capital since 987.');
    await expectAccessible(el);
  });

  it('says a wrong answer and a missed one', async () => {
    const wrong = await fixture<QwResult>(html`<qw-result .client=${reveal(false)}></qw-result>`);
    expect(text(wrong)).to.contain('Not quite.');
    const missed = await fixture<QwResult>(html`<qw-result .client=${reveal(null, false)}></qw-result>`);
    expect(text(missed)).to.contain('No answer this time.');
    await expectAccessible(wrong);
  });

  it('thanks for a poll vote instead of judging it', async () => {
    const client = createFakeClient();
    openQuestion(client, { kind: 'poll', points: 'none' });
    client.$result.set({ questionId: 'q1', correct: [], counts: [3, 1, 0, 0], answered: 4, total: 4 });
    const el = await fixture<QwResult>(html`<qw-result .client=${client}></qw-result>`);
    expect(text(el)).to.contain('Thanks for voting!');
  });
});
