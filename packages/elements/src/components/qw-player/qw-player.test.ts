import { expect, fixture, html } from '@open-wc/testing';
import { createFakeClient, openQuestion, ranked, session } from '../../testing/fake-client.js';
import { $, expectAccessible, key, text, until } from '../../testing/helpers.js';
import './define.js';
import type { QwPlayer } from './qw-player.js';

const inner = (el: Element, tag: string) =>
  el.shadowRoot!.querySelector(tag) as HTMLElement & { updateComplete: Promise<boolean> };

describe('qw-player', () => {
  it('starts with the join form, prefilled with the code', async () => {
    const client = createFakeClient();
    const el = await fixture<QwPlayer>(html`<qw-player .client=${client} code="K7QF"></qw-player>`);
    const join = inner(el, 'qw-join');
    await join.updateComplete;
    expect($<HTMLInputElement>(join, 'input[name=code]').value).to.equal('K7QF');
    await expectAccessible(el);
  });

  it('follows the game from lobby to podium', async () => {
    const client = createFakeClient();
    const el = await fixture<QwPlayer>(html`<qw-player .client=${client}></qw-player>`);
    client.$session.set(session());
    await el.updateComplete;
    expect(inner(el, 'qw-lobby')).to.exist;
    expect(text(el)).to.contain('Ada');

    client.$session.set(session({ phase: 'question' }));
    openQuestion(client);
    await el.updateComplete;
    expect(inner(el, 'qw-question')).to.exist;
    expect(inner(el, 'qw-histogram')).to.equal(null);
    await expectAccessible(el);

    client.$session.set(session({ phase: 'reveal' }));
    client.$result.set({ questionId: 'q1', correct: [1], counts: [0, 3, 0, 0], answered: 3, total: 3 });
    client.$standing.set({
      score: 900,
      rank: 1,
      streak: 1,
      total: 3,
      last: { questionId: 'q1', answered: true, correct: true, points: 900, streakBonus: 0, choice: [1] },
    });
    await el.updateComplete;
    expect(inner(el, 'qw-result')).to.exist;
    expect(text(el)).to.contain('900 pts');

    client.$session.set(session({ phase: 'leaderboard' }));
    client.$leaderboard.set({ top: ranked(['Ada', 'Grace']), total: 3 });
    await el.updateComplete;
    expect(inner(el, 'qw-leaderboard')).to.exist;

    client.$session.set(session({ phase: 'finished' }));
    client.$finished.set({
      podium: ranked(['Ada', 'Grace', 'Linus']),
      top: ranked(['Ada', 'Grace', 'Linus']),
      total: 3,
    });
    await el.updateComplete;
    expect(inner(el, 'qw-podium')).to.exist;
    await expectAccessible(el);
  });

  it('forwards keys 1–6 pressed anywhere inside it to the question', async () => {
    const client = createFakeClient();
    client.$session.set(session({ phase: 'question' }));
    openQuestion(client);
    const el = await fixture<QwPlayer>(html`<qw-player .client=${client}></qw-player>`);
    await inner(el, 'qw-question').updateComplete;
    key(el.shadowRoot!.querySelector('.frame')!, '2');
    await until(() => client.calls.some((c) => c.method === 'player.answer'));
    expect(client.calls.find((c) => c.method === 'player.answer')!.args).to.deep.equal([[1]]);
  });

  it('shows players the histogram when the game allows it', async () => {
    const client = createFakeClient();
    const s = session({ phase: 'question' });
    client.$session.set({ ...s, settings: { ...s.settings!, playerHistogram: true } });
    openQuestion(client);
    const el = await fixture<QwPlayer>(html`<qw-player .client=${client}></qw-player>`);
    expect(inner(el, 'qw-histogram')).to.exist;
  });

  it('switches to the head-to-head view in a duel', async () => {
    const client = createFakeClient();
    client.$session.set(session({ mode: 'duel', phase: 'question', playerCount: 2 }));
    openQuestion(client);
    const el = await fixture<QwPlayer>(html`<qw-player .client=${client}></qw-player>`);
    expect(inner(el, 'qw-duel')).to.exist;
  });

  it('hands its strings and theme hooks down', async () => {
    const client = createFakeClient();
    const el = await fixture<QwPlayer>(
      html`<qw-player .client=${client} theme="dark" .strings=${{ joinTitle: 'Mach mit' }}></qw-player>`,
    );
    const join = inner(el, 'qw-join');
    await join.updateComplete;
    expect(text(join)).to.contain('Mach mit');
    expect(getComputedStyle(el).colorScheme).to.equal('dark');
    el.style.setProperty('--qw-color-accent', 'rgb(10, 20, 30)');
    expect(getComputedStyle($(join, '[part=join-button]')).backgroundColor).to.equal('rgb(10, 20, 30)');
  });
});

describe('qw-player theming and resume', () => {
  it('forwards the parts of its pieces, so a page can style qw-player::part(option)', async () => {
    const style = document.createElement('style');
    style.textContent = 'qw-player.themed::part(option) { background-color: rgb(7, 8, 9); }';
    document.head.append(style);
    const client = createFakeClient();
    client.$session.set(session({ phase: 'question' }));
    openQuestion(client);
    const el = await fixture<QwPlayer>(html`<qw-player class="themed" .client=${client}></qw-player>`);
    const question = inner(el, 'qw-question');
    await question.updateComplete;
    expect(getComputedStyle($(question, '[part=option]')).backgroundColor).to.equal('rgb(7, 8, 9)');
    style.remove();
  });

  it('shows "Connecting…" instead of the join form while a stored session resumes', async () => {
    const client = Object.assign(createFakeClient(), { resumable: true });
    client.$connection.set({
      state: 'connecting',
      attempt: 0,
      recovered: null,
      closeCode: null,
      error: null,
    });
    const el = await fixture<QwPlayer>(html`<qw-player .client=${client}></qw-player>`);
    expect(inner(el, 'qw-join')).to.equal(null);
    expect(text(el)).to.contain('Connecting…');
  });

  it('is accessible in the dark theme', async () => {
    const el = await fixture<QwPlayer>(
      html`<qw-player theme="dark" .client=${finishedClient()}></qw-player>`,
    );
    await expectAccessible(el);
  });
});

function finishedClient() {
  const client = createFakeClient();
  client.$session.set(session({ phase: 'finished' }));
  client.$finished.set({
    podium: ranked(['Ada', 'Grace', 'Linus']),
    top: ranked(['Ada', 'Grace', 'Linus']),
    total: 3,
  });
  return client;
}
