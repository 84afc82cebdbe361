import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { createFakeClient, players, session, XSS_CORPUS } from '../../testing/fake-client.js';
import { $, $$, expectAccessible, text } from '../../testing/helpers.js';
import './define.js';
import type { QwLobby } from './qw-lobby.js';

describe('qw-lobby', () => {
  it('shows the host the code, share link, QR code and players with remove buttons', async () => {
    const client = createFakeClient();
    client.$session.set(session({ role: 'host', me: null }));
    const el = await fixture<QwLobby>(
      html`<qw-lobby .client=${client} join-url="https://quiz.example/play?code={code}"></qw-lobby>`,
    );
    expect($(el, '[part=code]').textContent).to.equal('K7QF');
    expect($(el, '[part=link]').getAttribute('href')).to.equal('https://quiz.example/play?code=K7QF');
    expect($(el, 'svg[part=qr]').getAttribute('aria-label')).to.contain(
      'https://quiz.example/play?code=K7QF',
    );
    expect($$(el, '[part=player]')).to.have.length(3);
    expect($$(el, '[part=kick-button]')).to.have.length(3);
    expect($$(el, '[part=kick-button]')[0]!.getAttribute('aria-label')).to.equal('Remove Ada');
    await expectAccessible(el);
  });

  it('removes a player through the client and fires qw-kick', async () => {
    const client = createFakeClient();
    client.$session.set(session({ role: 'host', me: null }));
    const el = await fixture<QwLobby>(html`<qw-lobby .client=${client}></qw-lobby>`);
    const fired = oneEvent(el, 'qw-kick');
    $$<HTMLButtonElement>(el, '[part=kick-button]')[1]!.click();
    expect((await fired).detail).to.deep.equal({ playerId: 'p2' });
    expect(client.calls).to.deep.include({ method: 'host.kick', args: ['p2'] });
  });

  it('shows a player the waiting message, marks them as "you", and offers no kick', async () => {
    const client = createFakeClient();
    client.$session.set(session());
    const el = await fixture<QwLobby>(html`<qw-lobby .client=${client}></qw-lobby>`);
    expect(text(el)).to.contain('Waiting for the host');
    expect(text(el)).to.contain('Ada (you)');
    expect($$(el, '[part=kick-button]')).to.have.length(0);
    expect(el.shadowRoot!.querySelector('[part=qr]')).to.equal(null);
    await expectAccessible(el);
  });

  it('says when nobody joined and counts players beyond the list', async () => {
    const client = createFakeClient();
    client.$session.set(session({ role: 'host', me: null, players: [], playerCount: 0 }));
    const el = await fixture<QwLobby>(html`<qw-lobby .client=${client}></qw-lobby>`);
    expect(text(el)).to.contain('No one has joined yet.');
    client.$session.set(session({ role: 'host', me: null, players: players(['A', 'B']), playerCount: 250 }));
    await el.updateComplete;
    expect(text(el)).to.contain('250 players');
    expect(text(el)).to.contain('and 248 more');
  });

  it('shows a player of a big room the count alone, without claiming nobody joined', async () => {
    const client = createFakeClient();
    client.$session.set(session({ players: [], playerCount: 4000 }));
    const el = await fixture<QwLobby>(html`<qw-lobby .client=${client}></qw-lobby>`);
    expect(text(el)).to.contain('4000 players');
    expect(text(el)).not.to.contain('No one has joined yet.');
    expect(text(el)).not.to.contain('more');
    await expectAccessible(el);
  });

  it('renders hostile and right-to-left nicknames as isolated text', async () => {
    const client = createFakeClient();
    const names = [...XSS_CORPUS, 'مرحبا بالعالم', 'A_really_long_nickname_24'];
    client.$session.set(
      session({ role: 'host', me: null, players: players(names), playerCount: names.length }),
    );
    const el = await fixture<QwLobby>(html`<qw-lobby .client=${client}></qw-lobby>`);
    expect($$(el, 'bdi.name').map((b) => b.textContent)).to.deep.equal(names);
    expect(el.shadowRoot!.querySelector('img, script, [onload], [onerror], a[href^="javascript"]')).to.equal(
      null,
    );
    expect((window as unknown as { __xss?: number }).__xss).to.equal(undefined);
  });
});
