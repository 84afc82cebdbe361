import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { createFakeClient, FakeQuizError } from '../../testing/fake-client.js';
import { $, $$, expectAccessible, text, until } from '../../testing/helpers.js';
import './define.js';
import type { QwJoin } from './qw-join.js';

describe('qw-join', () => {
  it('prefills the code from its attribute and is accessible', async () => {
    const el = await fixture<QwJoin>(html`<qw-join code="K7QF"></qw-join>`);
    expect($<HTMLInputElement>(el, 'input[name=code]').value).to.equal('K7QF');
    await expectAccessible(el);
  });

  it('joins through the client and fires qw-join then qw-joined', async () => {
    const client = createFakeClient();
    const el = await fixture<QwJoin>(html`<qw-join .client=${client} code="k7qf" nickname="Ada"></qw-join>`);
    const joining = oneEvent(el, 'qw-join');
    const joined = oneEvent(el, 'qw-joined');
    $<HTMLButtonElement>(el, '[part=join-button]').click();
    expect((await joining).detail).to.deep.equal({ code: 'K7QF', nickname: 'Ada' });
    await joined;
    expect(client.calls).to.deep.include({
      method: 'player.join',
      args: [{ code: 'K7QF', nickname: 'Ada' }],
    });
  });

  it('asks the server for a friendly name', async () => {
    const client = createFakeClient();
    const el = await fixture<QwJoin>(html`<qw-join .client=${client} code="K7QF"></qw-join>`);
    $<HTMLButtonElement>(el, '[part=friendly-button]').click();
    await until(() => client.calls.length > 0);
    expect(client.calls[0]!.args[0]).to.deep.equal({ code: 'K7QF', friendlyName: true });
  });

  it('shows NAME_TAKEN inline under the nickname and focuses it', async () => {
    const client = createFakeClient();
    client.failNext('player.join', new FakeQuizError('NAME_TAKEN'));
    const el = await fixture<QwJoin>(html`<qw-join .client=${client} code="K7QF" nickname="Ada"></qw-join>`);
    $<HTMLButtonElement>(el, '[part=join-button]').click();
    await until(() => !!el.shadowRoot!.querySelector('#nickname-error'));
    const input = $<HTMLInputElement>(el, 'input[name=nickname]');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')).to.equal('nickname-error');
    expect(text(el)).to.contain('Someone already uses this nickname');
    expect(el.shadowRoot!.activeElement).to.equal(input);
    await expectAccessible(el);
  });

  it('shows ROOM_NOT_FOUND under the code', async () => {
    const client = createFakeClient();
    client.failNext('player.join', new FakeQuizError('ROOM_NOT_FOUND'));
    const el = await fixture<QwJoin>(html`<qw-join .client=${client} code="NOPE" nickname="Ada"></qw-join>`);
    $<HTMLButtonElement>(el, '[part=join-button]').click();
    await until(() => !!el.shadowRoot!.querySelector('#code-error'));
    expect($(el, '#code-error').textContent).to.contain('No game with this code');
  });

  it('validates empty fields without calling the server', async () => {
    const client = createFakeClient();
    const el = await fixture<QwJoin>(html`<qw-join .client=${client}></qw-join>`);
    $<HTMLButtonElement>(el, '[part=join-button]').click();
    await until(() => $$(el, '.field-error').length === 2);
    expect(client.calls).to.have.length(0);
  });

  it('lets a listener cancel the join', async () => {
    const client = createFakeClient();
    const el = await fixture<QwJoin>(html`<qw-join .client=${client} code="K7QF" nickname="Ada"
      @qw-join=${(e: Event) => e.preventDefault()}></qw-join>`);
    $<HTMLButtonElement>(el, '[part=join-button]').click();
    await el.updateComplete;
    expect(client.calls).to.have.length(0);
  });

  it('uses overridden strings', async () => {
    const el = await fixture<QwJoin>(
      html`<qw-join strings='{"joinTitle":"Rejoindre une partie","joinButton":"Rejoindre"}'></qw-join>`,
    );
    expect(text(el)).to.contain('Rejoindre une partie');
    expect($(el, '[part=join-button]').textContent!.trim()).to.equal('Rejoindre');
  });
});
