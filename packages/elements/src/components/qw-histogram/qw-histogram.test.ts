import { expect, fixture, html } from '@open-wc/testing';
import { createFakeClient, openQuestion, session } from '../../testing/fake-client.js';
import { $, $$, expectAccessible, text } from '../../testing/helpers.js';
import './define.js';
import type { QwHistogram } from './qw-histogram.js';

describe('qw-histogram', () => {
  it('shows live counts per option', async () => {
    const client = createFakeClient();
    client.$session.set(session({ role: 'host', me: null }));
    openQuestion(client);
    client.$histogram.set({ questionId: 'q1', counts: [1, 4, 0, 1], answered: 6, total: 9 });
    const el = await fixture<QwHistogram>(html`<qw-histogram .client=${client}></qw-histogram>`);
    expect(text(el)).to.contain('6 of 9 answered');
    expect($$(el, '.count').map((c) => c.textContent)).to.deep.equal([
      '1 vote',
      '4 votes',
      '0 votes',
      '1 vote',
    ]);
    expect($$<HTMLElement>(el, '[part~=bar]')[1]!.style.width).to.equal('100%');
    await expectAccessible(el);
  });

  it('marks correct options in words after the reveal', async () => {
    const client = createFakeClient();
    openQuestion(client);
    client.$result.set({ questionId: 'q1', correct: [1], counts: [1, 5, 0, 1], answered: 7, total: 9 });
    const el = await fixture<QwHistogram>(html`<qw-histogram .client=${client}></qw-histogram>`);
    expect($(el, '[part~=bar-correct]')).to.exist;
    expect($$(el, 'li')[1]!.textContent).to.contain('✓ correct');
    expect($$(el, 'li.wrong')).to.have.length(3);
  });

  it('ignores counts of another question', async () => {
    const client = createFakeClient();
    openQuestion(client);
    client.$histogram.set({ questionId: 'old', counts: [9, 9, 9, 9], answered: 36, total: 36 });
    const el = await fixture<QwHistogram>(html`<qw-histogram .client=${client}></qw-histogram>`);
    expect(text(el)).to.contain('0 of 0 answered');
  });
});
