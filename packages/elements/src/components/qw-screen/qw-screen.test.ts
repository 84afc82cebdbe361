import { expect, fixture, html } from '@open-wc/testing';
import { createFakeClient, openQuestion, session } from '../../testing/fake-client.js';
import { expectAccessible, text, until } from '../../testing/helpers.js';
import './define.js';
import type { QwScreen } from './qw-screen.js';

describe('qw-screen', () => {
  it('watches the room of its code', async () => {
    const client = createFakeClient();
    const el = await fixture<QwScreen>(html`<qw-screen .client=${client} code="k7qf"></qw-screen>`);
    await until(() => client.calls.length > 0);
    expect(client.calls[0]).to.deep.equal({ method: 'screen.watch', args: ['K7QF'] });
    expect(text(el)).to.contain('Waiting for a game');
    await expectAccessible(el);
  });

  it('shows the lobby with the QR code, then the question with live counts', async () => {
    const client = createFakeClient();
    client.$session.set(session({ role: 'screen', me: null }));
    const el = await fixture<QwScreen>(
      html`<qw-screen .client=${client} code="K7QF" join-url="https://q.example/play?code={code}"></qw-screen>`,
    );
    expect(text(el)).to.contain('Join at https://q.example/play?code=K7QF');
    expect(el.shadowRoot!.querySelector('qw-lobby')!.hasAttribute('show-share')).to.equal(true);
    client.$session.set(session({ role: 'screen', me: null, phase: 'question' }));
    openQuestion(client);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('qw-question')).to.exist;
    expect(el.shadowRoot!.querySelector('qw-histogram')).to.exist;
    await expectAccessible(el);
  });
});
