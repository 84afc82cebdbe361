import { expect, fixture, html } from '@open-wc/testing';
import { createFakeClient, openQuestion, session } from '../../testing/fake-client.js';
import { $, expectAccessible, text, until } from '../../testing/helpers.js';
import './define.js';
import type { QwSolo } from './qw-solo.js';

describe('qw-solo', () => {
  it('starts a practice round from the bank', async () => {
    const client = createFakeClient();
    const el = await fixture<QwSolo>(
      html`<qw-solo .client=${client} nickname="Ada" count="3" category="science"></qw-solo>`,
    );
    await expectAccessible(el);
    $<HTMLFormElement>(el, 'form').requestSubmit();
    await until(() => client.calls.length > 0);
    expect(client.calls[0]!.args[0]).to.deep.equal({
      mode: 'solo',
      nickname: 'Ada',
      bank: { count: 3, category: 'science' },
    });
  });

  it('moves on when the player is ready', async () => {
    const client = createFakeClient();
    client.$session.set(session({ mode: 'solo', phase: 'reveal', players: [], playerCount: 1 }));
    openQuestion(client, {}, 0, 3);
    const el = await fixture<QwSolo>(html`<qw-solo .client=${client}></qw-solo>`);
    $<HTMLButtonElement>(el, '[part=next-button]').click();
    await until(() => client.calls.some((c) => c.method === 'player.next'));
    await expectAccessible(el);
  });

  it('shows the final score and offers another round', async () => {
    const client = createFakeClient();
    client.$session.set(session({ mode: 'solo', phase: 'finished' }));
    client.$standing.set({ score: 4200, rank: 1, streak: 0, total: 1, last: null });
    const el = await fixture<QwSolo>(html`<qw-solo .client=${client} nickname="Ada"></qw-solo>`);
    expect(text(el)).to.contain('4200 pts');
    expect($(el, '[part=start-button]').textContent!.trim()).to.equal('Play again');
  });
});
