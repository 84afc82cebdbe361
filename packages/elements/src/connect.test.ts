import { expect } from '@open-wc/testing';
import { createClientFor, resolveServerUrl, setClientFactory } from './connect.js';
import { codeFromUrl } from './internal/composite.js';
import { createFakeClient } from './testing/fake-client.js';

describe('resolveServerUrl', () => {
  it('keeps ws and wss URLs, maps http(s) origins to their /ws endpoint, resolves paths against the page', () => {
    expect(resolveServerUrl('wss://quiz.example/ws')).to.equal('wss://quiz.example/ws');
    expect(resolveServerUrl('https://quiz.example')).to.equal('wss://quiz.example/ws');
    expect(resolveServerUrl('http://localhost:8787/')).to.equal('ws://localhost:8787/ws');
    expect(resolveServerUrl('/ws', 'https://site.example/play?code=A')).to.equal('wss://site.example/ws');
  });
});

describe('codeFromUrl', () => {
  it('reads ?code= first, then a /screen/<code> path', () => {
    expect(codeFromUrl({ search: '?code=K7QF', pathname: '/play' })).to.equal('K7QF');
    expect(codeFromUrl({ search: '', pathname: '/screen/AB12' })).to.equal('AB12');
    expect(codeFromUrl({ search: '', pathname: '/play' })).to.equal('');
  });
});

describe('createClientFor', () => {
  it('uses the configured factory with a per-widget storage key', async () => {
    const fake = createFakeClient();
    const seen: unknown[] = [];
    setClientFactory((options) => {
      seen.push(options);
      return fake;
    });
    expect(await createClientFor('/ws', 'quizwire:qw-player')).to.equal(fake);
    expect(seen[0]).to.deep.equal({ url: `ws://${location.host}/ws`, storageKey: 'quizwire:qw-player' });
    setClientFactory(undefined);
  });
});
