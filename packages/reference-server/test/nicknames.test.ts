import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { friendlyName, normaliseNickname } from '../src/game/nicknames.js';
import { type Harness, hostClassic, startHarness } from './helpers/client.js';

describe('normaliseNickname', () => {
  it('applies NFKC, so full-width letters become ASCII', () => {
    expect(normaliseNickname('Ａｌｉｃｅ')).toEqual({ ok: true, nickname: 'Alice', key: 'alice' });
  });

  it('composes combining accents (NFKC)', () => {
    const r = normaliseNickname('Jose\u0301');
    expect(r.ok && r.nickname).toBe('José');
  });

  it('strips zero-width and bidi control characters', () => {
    const r = normaliseNickname('\u202Eevil\u200B\u200D\u2066bob\u2069\uFEFF');
    expect(r).toEqual({ ok: true, nickname: 'evilbob', key: 'evilbob' });
  });

  it('strips control characters and collapses whitespace', () => {
    const r = normaliseNickname('  Ann\u0000\u0007  \t Lee \n');
    expect(r.ok && r.nickname).toBe('Ann Lee');
  });

  it('refuses a name that is empty after normalisation', () => {
    expect(normaliseNickname('\u200B\u202E  ').ok).toBe(false);
    expect(normaliseNickname('').ok).toBe(false);
  });

  it('accepts 24 characters and refuses 25, counting code points', () => {
    expect(normaliseNickname('a'.repeat(24)).ok).toBe(true);
    expect(normaliseNickname('a'.repeat(25)).ok).toBe(false);
    // 24 emoji are 48 UTF-16 units but 24 characters.
    expect(normaliseNickname('😀'.repeat(24)).ok).toBe(true);
  });

  it('refuses blocklisted names, whatever the case or spacing', () => {
    for (const name of ['admin', 'ADMIN', 'A d m i n', 'Host', 'quiz-wire', 'xxhitlerxx']) {
      expect(normaliseNickname(name), name).toMatchObject({ ok: false });
    }
  });

  it('does not block ordinary names that contain a short blocked word', () => {
    expect(normaliseNickname('Hostess').ok).toBe(true);
    expect(normaliseNickname('Ghostly').ok).toBe(true);
  });

  it('gives a lower-case key for case-insensitive comparison', () => {
    const r = normaliseNickname('MiXeD Case');
    expect(r.ok && r.key).toBe('mixed case');
  });
});

describe('friendlyName', () => {
  it('makes a two-word name', () => {
    expect(friendlyName(() => false)).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/);
  });

  it('avoids names that are taken', () => {
    const taken = new Set<string>();
    for (let i = 0; i < 100; i++) {
      const name = friendlyName((key) => taken.has(key));
      expect(taken.has(name.toLowerCase())).toBe(false);
      taken.add(name.toLowerCase());
    }
  });

  it('falls back to a numbered name when everything is taken', () => {
    expect(friendlyName(() => true)).toMatch(/^Player \d{6}$/);
  });
});

describe('nicknames through the server', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.stop();
  });

  it('refuses a nickname another player uses, ignoring case (NAME_TAKEN)', async () => {
    const { code } = await hostClassic(h);
    const a = await h.connect();
    expect((await a.ok({ type: 'session.join', code, nickname: 'Alice' })).nickname).toBe('Alice');
    const b = await h.connect();
    expect((await b.fails({ type: 'session.join', code, nickname: 'aLICE' })).code).toBe('NAME_TAKEN');
    // Normalisation happens before the comparison: full-width and zero-width tricks do not help.
    expect((await b.fails({ type: 'session.join', code, nickname: 'Ａlice\u200B' })).code).toBe('NAME_TAKEN');
    expect((await b.ok({ type: 'session.join', code, nickname: 'Alicia' })).nickname).toBe('Alicia');
  });

  it('frees a nickname when its player leaves', async () => {
    const { code } = await hostClassic(h);
    const a = await h.connect();
    await a.ok({ type: 'session.join', code, nickname: 'Bob' });
    await a.ok({ type: 'session.leave' });
    const b = await h.connect();
    expect((await b.ok({ type: 'session.join', code, nickname: 'BOB' })).nickname).toBe('BOB');
  });

  it('returns the normalised nickname in the join ack', async () => {
    const { code } = await hostClassic(h);
    const a = await h.connect();
    const r = await a.ok({ type: 'session.join', code, nickname: '  \u202EＺoë\u200B  ' });
    expect(r.nickname).toBe('Zoë');
  });

  it('refuses an invalid nickname with NAME_INVALID', async () => {
    const { code } = await hostClassic(h);
    const a = await h.connect();
    expect((await a.fails({ type: 'session.join', code, nickname: 'x'.repeat(25) })).code).toBe(
      'NAME_INVALID',
    );
    expect((await a.fails({ type: 'session.join', code, nickname: 'Admin' })).code).toBe('NAME_INVALID');
    expect((await a.fails({ type: 'session.join', code, nickname: '\u200B\u200B' })).code).toBe(
      'NAME_INVALID',
    );
  });

  it('picks a friendly name on request, unique in the room', async () => {
    const { code } = await hostClassic(h);
    const names = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const c = await h.connect();
      const r = await c.ok({ type: 'session.join', code, friendlyName: true });
      expect(r.nickname).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+( \d+)?$/);
      names.add(r.nickname.toLowerCase());
    }
    expect(names.size).toBe(5);
  });

  it('picks a friendly name when no nickname is given', async () => {
    const { code } = await hostClassic(h);
    const c = await h.connect();
    const r = await c.ok({ type: 'session.join', code });
    expect(r.nickname.length).toBeGreaterThan(0);
  });
});
