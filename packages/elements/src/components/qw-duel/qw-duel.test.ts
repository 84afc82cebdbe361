import { expect, fixture, html } from '@open-wc/testing';
import type { SessionValue } from '../../client.js';
import { createFakeClient, openQuestion, players, ranked, session } from '../../testing/fake-client.js';
import { $, expectAccessible, text, until } from '../../testing/helpers.js';
import './define.js';
import type { QwDuel } from './qw-duel.js';

const duelSession = (phase: SessionValue['phase']) =>
  session({ mode: 'duel', phase, players: players(['Ada', 'Grace']), playerCount: 2 });

describe('qw-duel', () => {
  it('starts a duel with a nickname', async () => {
    const client = createFakeClient();
    const el = await fixture<QwDuel>(html`<qw-duel .client=${client} count="5"></qw-duel>`);
    await expectAccessible(el);
    $<HTMLInputElement>(el, 'input[name=nickname]').value = 'Ada';
    $<HTMLInputElement>(el, 'input[name=nickname]').dispatchEvent(new Event('input'));
    $<HTMLFormElement>(el, 'form').requestSubmit();
    await until(() => client.calls.length > 0);
    expect(client.calls[0]!.args[0]).to.deep.equal({ mode: 'duel', nickname: 'Ada', bank: { count: 5 } });
  });

  it('joins with a code', async () => {
    const el = await fixture<QwDuel>(html`<qw-duel .client=${createFakeClient()} code="D1"></qw-duel>`);
    expect(el.shadowRoot!.querySelector('qw-join')).to.exist;
  });

  it('waits for the opponent with a share link', async () => {
    const client = createFakeClient();
    client.$session.set(session({ mode: 'duel', players: players(['Ada']), playerCount: 1 }));
    const el = await fixture<QwDuel>(html`<qw-duel .client=${client}></qw-duel>`);
    expect(text(el)).to.contain('Waiting for your opponent');
    expect(el.shadowRoot!.querySelector('qw-lobby[show-share]')).to.exist;
  });

  it('shows both scores side by side and the opponent-left countdown', async () => {
    const client = createFakeClient();
    client.$session.set(duelSession('question'));
    openQuestion(client);
    client.$leaderboard.set({ top: ranked(['Ada', 'Grace'], 1800), total: 2 });
    client.$duel.set({ opponentLeft: { playerId: 'p2', graceUntil: client.now + 20_000 }, rematch: [] });
    const el = await fixture<QwDuel>(html`<qw-duel .client=${client}></qw-duel>`);
    const versus = $(el, '[part=versus]').textContent!.replace(/\s+/g, ' ');
    expect(versus).to.contain('Ada (you) 1800 pts');
    expect(versus).to.contain('Grace 1100 pts');
    expect(text(el)).to.contain('Grace lost connection. Waiting 20 s');
    await expectAccessible(el);
  });

  it('says who won and asks for a rematch', async () => {
    const client = createFakeClient();
    client.$session.set(duelSession('finished'));
    client.$finished.set({
      podium: ranked(['Ada', 'Grace']),
      top: ranked(['Ada', 'Grace']),
      total: 2,
      duel: { winnerId: 'p1', players: ranked(['Ada', 'Grace']) },
    });
    client.$duel.set({ opponentLeft: null, rematch: ['p2'] });
    const el = await fixture<QwDuel>(html`<qw-duel .client=${client}></qw-duel>`);
    expect($(el, '[part=outcome]').textContent).to.equal('You win!');
    expect(text(el)).to.contain('Grace wants a rematch!');
    $<HTMLButtonElement>(el, '[part=rematch-button]').click();
    await until(() => client.calls.some((c) => c.method === 'player.rematch'));
    client.$duel.set({ opponentLeft: null, rematch: ['p2', 'p1'] });
    await el.updateComplete;
    expect(text(el)).to.contain('Rematch requested');
    await expectAccessible(el);
  });
});
