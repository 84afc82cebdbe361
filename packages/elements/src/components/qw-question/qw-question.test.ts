import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia, resetMouse, sendMouse } from '@web/test-runner-commands';
import {
  createFakeClient,
  FakeQuizError,
  openQuestion,
  session,
  XSS_CORPUS,
} from '../../testing/fake-client.js';
import { $, $$, expectAccessible, key, text, until } from '../../testing/helpers.js';
import './define.js';
import type { QwQuestion } from './qw-question.js';

async function setup(q = {}) {
  const client = createFakeClient();
  client.$session.set(session({ phase: 'question' }));
  openQuestion(client, q);
  const el = await fixture<QwQuestion>(html`<qw-question .client=${client}></qw-question>`);
  return { client, el };
}

describe('qw-question', () => {
  it('shows the prompt, numbered options with shapes, and the time left', async () => {
    const { el } = await setup();
    expect($(el, '[part=prompt]').textContent).to.equal('What is the capital of France?');
    const options = $$(el, '[part=option]');
    expect(options.map((o) => o.querySelector('.text')!.textContent)).to.deep.equal([
      'Berlin',
      'Paris',
      'Madrid',
      'Rome',
    ]);
    expect(options.every((o) => o.querySelector('svg.shape'))).to.equal(true);
    expect(options.map((o) => o.querySelector('.key')!.textContent)).to.deep.equal(['1', '2', '3', '4']);
    expect($(el, '[part=timer]').getAttribute('aria-label')).to.equal('15 seconds left');
    expect(text(el)).to.contain('Question 1 of 5');
    await expectAccessible(el);
  });

  it('answers with a click and fires qw-answer', async () => {
    const { el, client } = await setup();
    const fired = oneEvent(el, 'qw-answer');
    $$<HTMLButtonElement>(el, '[part=option]')[1]!.click();
    expect((await fired).detail).to.deep.equal({ questionId: 'q1', choice: [1] });
    expect(client.calls).to.deep.include({ method: 'player.answer', args: [[1]] });
  });

  it('answers with keys 1–6', async () => {
    const { el, client } = await setup();
    key(el, '3');
    await until(() => client.calls.length === 1);
    expect(client.calls[0]).to.deep.equal({ method: 'player.answer', args: [[2]] });
  });

  it('ignores keys for options that do not exist and keys with modifiers', async () => {
    const { el, client } = await setup();
    key(el, '6');
    el.dispatchEvent(
      new KeyboardEvent('keydown', { key: '1', ctrlKey: true, bubbles: true, composed: true }),
    );
    await el.updateComplete;
    expect(client.calls).to.have.length(0);
  });

  it('toggles options of a multiple-select question and submits them together', async () => {
    const { el, client } = await setup({ kind: 'multiple', options: ['2', '3', '4', '5'] });
    key(el, '1');
    key(el, '2');
    key(el, '4');
    key(el, '2');
    await el.updateComplete;
    expect($$(el, '[part=option]').map((o) => o.getAttribute('aria-pressed'))).to.deep.equal([
      'true',
      'false',
      'false',
      'true',
    ]);
    expect(client.calls).to.have.length(0);
    $<HTMLButtonElement>(el, '[part=submit-button]').click();
    await until(() => client.calls.length === 1);
    expect(client.calls[0]!.args).to.deep.equal([[0, 3]]);
  });

  it('locks after answering and says the answer is locked in', async () => {
    const { el, client } = await setup();
    client.$myAnswer.set({ questionId: 'q1', choice: [1], status: 'accepted', error: null });
    await el.updateComplete;
    const options = $$<HTMLButtonElement>(el, '[part=option]');
    expect(options.every((o) => o.getAttribute('aria-disabled') === 'true')).to.equal(true);
    expect(options[1]!.getAttribute('aria-pressed')).to.equal('true');
    expect($(el, '[part=status]').textContent).to.contain('Answer locked in');
    options[0]!.click();
    key(el, '1');
    expect(client.calls).to.have.length(0);
    await expectAccessible(el);
  });

  it('locks when time is up and announces it', async () => {
    const { el, client } = await setup();
    client.$timeLeft.set(0);
    await el.updateComplete;
    expect($$(el, '[part=option]').every((o) => o.getAttribute('aria-disabled') === 'true')).to.equal(true);
    expect(text(el)).to.contain('Time is up.');
  });

  it('announces the new question and time warnings in a live region', async () => {
    const { el, client } = await setup();
    const live = $(el, '[aria-live]');
    expect(live.textContent).to.contain('Question 1 of 5. What is the capital of France?');
    client.$timeLeft.set(9_500);
    await el.updateComplete;
    expect(live.textContent).to.equal('10 seconds left');
  });

  it('shows the rejection reason of a refused answer', async () => {
    const { el, client } = await setup();
    client.$myAnswer.set({
      questionId: 'q1',
      choice: [1],
      status: 'rejected',
      error: new FakeQuizError('TOO_LATE'),
    });
    await el.updateComplete;
    expect($(el, '[part=status]').textContent).to.contain('Too late');
  });

  it('marks the correct option with a check and a word after the reveal', async () => {
    const { el, client } = await setup();
    client.$result.set({ questionId: 'q1', correct: [1], counts: [1, 5, 0, 0], answered: 6, total: 6 });
    await el.updateComplete;
    const marks = $$(el, '[part=option]').map((o) => o.querySelector('.mark')?.textContent ?? '');
    expect(marks[1]).to.contain('correct');
    expect(marks[0]).to.equal('');
    await expectAccessible(el);
  });

  it('shows a countdown before the question opens, without options', async () => {
    const client = createFakeClient();
    client.$session.set(session({ phase: 'countdown' }));
    const q = openQuestion(client);
    client.$timeLeft.set(q.deadline - q.opensAt + 2_000);
    const el = await fixture<QwQuestion>(html`<qw-question .client=${client}></qw-question>`);
    expect(text(el)).to.contain('Question 1 starts in 2 s');
    expect($$(el, '[part=option]')).to.have.length(0);
  });

  it('is read-only for the host', async () => {
    const client = createFakeClient();
    client.$session.set(session({ role: 'host', me: null, phase: 'question' }));
    openQuestion(client);
    const el = await fixture<QwQuestion>(html`<qw-question .client=${client}></qw-question>`);
    key(el, '1');
    $$<HTMLButtonElement>(el, '[part=option]')[0]!.click();
    expect(client.calls).to.have.length(0);
  });

  it('renders question and option text from the XSS corpus as text', async () => {
    for (const attack of XSS_CORPUS) {
      const { el } = await setup({ prompt: attack, options: [attack, 'b'] });
      expect($(el, '[part=prompt]').textContent).to.equal(attack);
      expect(
        el.shadowRoot!.querySelector('img, script, a[href^="javascript"], [onload], [onerror]'),
      ).to.equal(null);
    }
    expect((window as unknown as { __xss?: number }).__xss).to.equal(undefined);
  });

  it('keeps an option still under a resting pointer: hover changes paint, not layout', async () => {
    // Reduced motion makes transitions instant, so one frame shows the hovered layout.
    await emulateMedia({ reducedMotion: 'reduce' });
    const { el } = await setup();
    const option = $$(el, '[part=option]')[1]!;
    const before = option.getBoundingClientRect();
    // The pointer rests on the option's bottom edge, where a lifting hover would flicker.
    await sendMouse({ type: 'move', position: [Math.round(before.x + 10), Math.round(before.bottom - 1)] });
    try {
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      expect(option.matches(':hover')).to.equal(true);
      const after = option.getBoundingClientRect();
      expect([after.x, after.y, after.width, after.height]).to.deep.equal([
        before.x,
        before.y,
        before.width,
        before.height,
      ]);
    } finally {
      await resetMouse();
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });

  it('takes colours from the option custom properties', async () => {
    const { el } = await setup();
    el.style.setProperty('--qw-option-1', 'rgb(1, 2, 3)');
    expect(getComputedStyle($$(el, '[part=option]')[0]!).backgroundColor).to.equal('rgb(1, 2, 3)');
  });
});
