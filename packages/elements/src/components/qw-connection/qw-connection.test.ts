import { expect, fixture, html } from '@open-wc/testing';
import { createFakeClient } from '../../testing/fake-client.js';
import { $, expectAccessible, text } from '../../testing/helpers.js';
import './define.js';
import type { QwConnection } from './qw-connection.js';

const conn = (state: 'idle' | 'connecting' | 'open' | 'reconnecting' | 'closed', extra = {}) => ({
  state,
  attempt: 0,
  recovered: null,
  closeCode: null,
  error: null,
  ...extra,
});

describe('qw-connection', () => {
  it('renders an empty, hidden banner while the connection is healthy', async () => {
    const client = createFakeClient();
    const el = await fixture<QwConnection>(html`<qw-connection .client=${client}></qw-connection>`);
    expect(text(el)).to.equal('');
    expect(el.hasAttribute('active')).to.equal(false);
    expect(getComputedStyle($(el, '[part=banner]')).display).to.equal('none');
  });

  it('says it is reconnecting, with the attempt, in a live region', async () => {
    const client = createFakeClient();
    const el = await fixture<QwConnection>(html`<qw-connection .client=${client}></qw-connection>`);
    client.$connection.set(conn('reconnecting', { attempt: 3 }));
    await el.updateComplete;
    expect($(el, '[part=banner]').getAttribute('role')).to.equal('status');
    expect(text(el)).to.contain('Reconnecting (attempt 3)');
    expect(el.hasAttribute('active')).to.equal(true);
    await expectAccessible(el);
  });

  it('says whether continuity held after reconnecting', async () => {
    const client = createFakeClient();
    const el = await fixture<QwConnection>(html`<qw-connection .client=${client}></qw-connection>`);
    client.$connection.set(conn('reconnecting', { attempt: 1 }));
    await el.updateComplete;
    client.$connection.set(conn('open', { recovered: false }));
    await el.updateComplete;
    expect(text(el)).to.contain('You are up to date again.');
  });

  it('explains a kick and offers no retry', async () => {
    const client = createFakeClient();
    client.$connection.set(conn('closed', { closeCode: 4002 }));
    const el = await fixture<QwConnection>(html`<qw-connection .client=${client}></qw-connection>`);
    expect(text(el)).to.contain('The host removed you');
    expect(el.shadowRoot!.querySelector('[part=retry]')).to.equal(null);
  });

  it('offers a retry after a non-fatal close', async () => {
    const client = createFakeClient();
    client.$connection.set(conn('closed', { closeCode: 1006 }));
    const el = await fixture<QwConnection>(html`<qw-connection .client=${client}></qw-connection>`);
    $<HTMLButtonElement>(el, '[part=retry]').click();
    expect(client.calls.map((c) => c.method)).to.include('connect');
    await expectAccessible(el);
  });

  it('unsubscribes when removed from the page', async () => {
    const client = createFakeClient();
    const el = await fixture<QwConnection>(html`<qw-connection .client=${client}></qw-connection>`);
    expect(client.$connection.lc).to.be.greaterThan(0);
    el.remove();
    expect(client.$connection.lc).to.equal(0);
  });
});
