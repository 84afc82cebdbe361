import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { SessionValue } from '../../client.js';
import { createFakeClient, FakeQuizError, openQuestion, ranked, session } from '../../testing/fake-client.js';
import { $, $$, expectAccessible, text, until } from '../../testing/helpers.js';
import { csvCell, reportCsv } from './report.js';
import './define.js';
import type { QwHost } from './qw-host.js';

const hostSession = (phase: SessionValue['phase'] = 'lobby') => session({ role: 'host', me: null, phase });

function buttons(el: Element): string[] {
  return $$(el, '[part=controls] button').map((b) => b.textContent!.trim());
}

describe('qw-host', () => {
  it('creates a classic game from the bank', async () => {
    const client = createFakeClient();
    const el = await fixture<QwHost>(html`<qw-host .client=${client}></qw-host>`);
    await expectAccessible(el);
    const form = $<HTMLFormElement>(el, 'form');
    $<HTMLInputElement>(el, 'input[name=count]').value = '3';
    $<HTMLInputElement>(el, 'input[name=category]').value = 'geography';
    const created = oneEvent(el, 'qw-created');
    form.requestSubmit();
    await until(() => client.calls.length > 0);
    client.$session.set(hostSession());
    await created;
    expect(client.calls[0]).to.deep.equal({
      method: 'host.create',
      args: [
        {
          mode: 'classic',
          settings: { autoAdvance: false, speedScoring: true },
          bank: { count: 3, category: 'geography' },
        },
      ],
    });
  });

  it('creates a duel with the host as a player', async () => {
    const client = createFakeClient();
    const el = await fixture<QwHost>(html`<qw-host .client=${client}></qw-host>`);
    $<HTMLInputElement>(el, 'input[name=mode][value=duel]').click();
    await el.updateComplete;
    $<HTMLInputElement>(el, 'input[name=nickname]').value = 'Ada';
    $<HTMLFormElement>(el, 'form').requestSubmit();
    await until(() => client.calls.length > 0);
    expect(client.calls[0]!.args[0]).to.deep.include({ mode: 'duel', nickname: 'Ada' });
  });

  it('creates a game and asks for AI generation', async () => {
    const client = createFakeClient();
    const el = await fixture<QwHost>(html`<qw-host .client=${client}></qw-host>`);
    $<HTMLInputElement>(el, 'input[name=source][value=generate]').click();
    await el.updateComplete;
    $<HTMLInputElement>(el, 'input[name=topic]').value = 'Volcanoes';
    $<HTMLFormElement>(el, 'form').requestSubmit();
    await until(() => client.calls.length > 1);
    expect(client.calls.map((c) => c.method)).to.deep.equal(['host.create', 'host.generate']);
    expect(client.calls[1]!.args[0]).to.deep.equal({ topic: 'Volcanoes', count: 10 });
  });

  it('shows INVALID_QUIZ details from the server', async () => {
    const client = createFakeClient();
    const error = Object.assign(new FakeQuizError('INVALID_QUIZ'), {
      details: [{ path: 'questions.0.correct', message: 'option 7 does not exist' }],
    });
    client.failNext('host.create', error);
    const el = await fixture<QwHost>(html`<qw-host .client=${client}></qw-host>`);
    $<HTMLFormElement>(el, 'form').requestSubmit();
    await until(() => text(el).includes('option 7 does not exist'));
    expect(text(el)).to.contain('The quiz is not valid.');
  });

  it('runs the game: start, close, next, and the lobby with kick', async () => {
    const client = createFakeClient();
    client.$session.set(hostSession('lobby'));
    const el = await fixture<QwHost>(html`<qw-host .client=${client}></qw-host>`);
    expect(el.shadowRoot!.querySelector('qw-lobby')!.hasAttribute('kickable')).to.equal(true);
    expect(buttons(el)).to.deep.equal(['Start game', 'End game']);
    $$<HTMLButtonElement>(el, '[part=controls] button')[0]!.click();
    await until(() => client.calls.some((c) => c.method === 'host.start'));

    client.$session.set(hostSession('question'));
    openQuestion(client);
    await el.updateComplete;
    expect(buttons(el)).to.deep.equal(['Close question', 'End game']);
    expect(el.shadowRoot!.querySelector('qw-histogram')).to.exist;
    expect(el.shadowRoot!.querySelector('qw-question')!.hasAttribute('readonly')).to.equal(true);
    $$<HTMLButtonElement>(el, '[part=controls] button')[0]!.click();
    await until(() => client.calls.some((c) => c.method === 'host.close'));

    client.$session.set(hostSession('reveal'));
    await el.updateComplete;
    expect(buttons(el)[0]).to.equal('Next');
    await expectAccessible(el);
  });

  it('offers the final results as CSV and JSON and fires qw-finished with the report', async () => {
    const client = createFakeClient();
    client.$session.set(hostSession('question'));
    openQuestion(client);
    const el = await fixture<QwHost>(html`<qw-host .client=${client}></qw-host>`);
    client.$result.set({ questionId: 'q1', correct: [1], counts: [0, 2, 1, 0], answered: 3, total: 3 });
    await el.updateComplete;
    const finished = oneEvent(el, 'qw-finished');
    client.$finished.set({ podium: ranked(['Ada', 'Grace']), top: ranked(['Ada', 'Grace']), total: 2 });
    client.$session.set(hostSession('finished'));
    const report = (await finished).detail;
    expect(report.players).to.have.length(2);
    expect(report.questions[0]).to.deep.include({
      prompt: 'What is the capital of France?',
      counts: [0, 2, 1, 0],
    });
    await el.updateComplete;
    expect(buttons(el)).to.deep.equal(['Download CSV', 'Download JSON']);
    await expectAccessible(el);
  });

  it('keeps formulas in nicknames from running in a spreadsheet', () => {
    expect(csvCell('=HYPERLINK("x")')).to.equal('"\'=HYPERLINK(""x"")"');
    expect(csvCell('@SUM(A1)')).to.equal("'@SUM(A1)");
    const csv = reportCsv({
      code: 'K',
      title: null,
      mode: 'classic',
      finishedAt: '',
      players: ranked(['+1', 'Ada']),
      questions: [],
    });
    expect(csv.split('\r\n')[1]).to.equal("1,'+1,3000");
  });
});

describe('qw-host start button', () => {
  it('does nothing while no player has joined', async () => {
    const client = createFakeClient();
    client.$session.set({ ...session({ role: 'host', me: null }), players: [], playerCount: 0 });
    const el = await fixture<QwHost>(html`<qw-host .client=${client}></qw-host>`);
    const start = $$<HTMLButtonElement>(el, '[part=controls] button')[0]!;
    expect(start.getAttribute('aria-disabled')).to.equal('true');
    start.click();
    await el.updateComplete;
    expect(client.calls).to.have.length(0);
  });
});
