import { expect, fixture, html } from '@open-wc/testing';
import { createFakeClient } from '../../testing/fake-client.js';
import { $, $$, expectAccessible, text } from '../../testing/helpers.js';
import './define.js';
import type { QwGeneration } from './qw-generation.js';

const question = (prompt: string) => ({ kind: 'single' as const, prompt, options: ['A', 'B'], correct: [1] });

describe('qw-generation', () => {
  it('shows progress, sources and the questions as they arrive', async () => {
    const client = createFakeClient();
    client.$generation.set({
      status: 'running',
      ready: 2,
      requested: 5,
      fromModel: 2,
      fromBank: 0,
      questions: [question('One?'), question('Two?')],
    });
    const el = await fixture<QwGeneration>(html`<qw-generation .client=${client}></qw-generation>`);
    expect($(el, '[part=progress]').getAttribute('aria-valuenow')).to.equal('2');
    expect(text(el)).to.contain('2 of 5 questions ready');
    expect(text(el)).to.contain('2 from the model, 0 from the question bank');
    expect($$(el, '[part=questions] li')).to.have.length(2);
    await expectAccessible(el);
  });

  it('says why generation stopped and hides questions from players', async () => {
    const client = createFakeClient();
    client.$generation.set({
      status: 'failed',
      ready: 5,
      requested: 5,
      fromModel: 1,
      fromBank: 4,
      reason: 'model timed out',
      questions: [question('One?')],
    });
    const el = await fixture<QwGeneration>(
      html`<qw-generation .client=${client} hide-questions></qw-generation>`,
    );
    expect(text(el)).to.contain('Generation stopped: model timed out');
    expect(el.shadowRoot!.querySelector('[part=questions]')).to.equal(null);
  });
});
