import { expect, fixture, html } from '@open-wc/testing';
import { createFakeClient, ranked, session, XSS_CORPUS } from '../../testing/fake-client.js';
import { $$, expectAccessible, text } from '../../testing/helpers.js';
import './define.js';
import type { QwLeaderboard } from './qw-leaderboard.js';

describe('qw-leaderboard', () => {
  it('lists the top players and marks your row with a word', async () => {
    const client = createFakeClient();
    client.$session.set(session());
    client.$leaderboard.set({ top: ranked(['Ada', 'Grace', 'Linus']), total: 3 });
    const el = await fixture<QwLeaderboard>(html`<qw-leaderboard .client=${client}></qw-leaderboard>`);
    expect($$(el, '[part=row]')).to.have.length(3);
    expect($$(el, '[part=row]')[0]!.textContent).to.contain('(you)');
    await expectAccessible(el);
  });

  it('adds your own rank when you are not in the top N', async () => {
    const client = createFakeClient();
    client.$session.set(session({ me: { playerId: 'p9', nickname: 'Zed' } }));
    client.$leaderboard.set({ top: ranked(['Ada', 'Grace']), total: 40 });
    client.$standing.set({ score: 120, rank: 31, streak: 0, total: 40, last: null });
    const el = await fixture<QwLeaderboard>(html`<qw-leaderboard .client=${client}></qw-leaderboard>`);
    expect(text(el)).to.contain('You are #31 of 40 with 120 points.');
  });

  it('shows the final ranking with source="final" and renders nicknames as text', async () => {
    const client = createFakeClient();
    client.$finished.set({ podium: [], top: ranked(XSS_CORPUS.slice(0, 3)), total: 3 });
    const el = await fixture<QwLeaderboard>(
      html`<qw-leaderboard .client=${client} source="final"></qw-leaderboard>`,
    );
    expect($$(el, 'bdi').map((b) => b.textContent)).to.deep.equal(XSS_CORPUS.slice(0, 3));
    expect(el.shadowRoot!.querySelector('img, script, svg')).to.equal(null);
  });
});
