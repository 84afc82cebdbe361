import { expect, fixture, html } from '@open-wc/testing';
import { createFakeClient, ranked, session } from '../../testing/fake-client.js';
import { $$, expectAccessible } from '../../testing/helpers.js';
import './define.js';
import type { QwPodium } from './qw-podium.js';

describe('qw-podium', () => {
  it('shows the top three in reading order with their place in words', async () => {
    const client = createFakeClient();
    client.$session.set(session());
    client.$finished.set({
      podium: ranked(['Ada', 'Grace', 'Linus']),
      top: ranked(['Ada', 'Grace', 'Linus']),
      total: 3,
    });
    const el = await fixture<QwPodium>(html`<qw-podium .client=${client}></qw-podium>`);
    const places = $$(el, '[part~=place]');
    expect(places.map((p) => p.querySelector('bdi')!.textContent)).to.deep.equal(['Ada', 'Grace', 'Linus']);
    expect(places.map((p) => p.querySelector('.step')!.textContent)).to.deep.equal(['1st', '2nd', '3rd']);
    await expectAccessible(el);
  });
});
