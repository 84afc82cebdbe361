import { describe, expect, it } from 'vitest';
import { JsonExtractor } from '../../src/generation/json-stream.js';
import { matchKey } from '../../src/generation/text.js';
import { matchesLanguage, type ValidationContext, validateElement } from '../../src/generation/validate.js';

const ok = {
  question: 'Which planet is known as the red planet?',
  correct: 'Mars',
  distractors: ['Venus', 'Jupiter', 'Saturn'],
};
const ctx: ValidationContext = { seen: new Set() };
const reason = (raw: unknown, c: ValidationContext = ctx) => {
  const r = validateElement(raw, c);
  return r.ok ? 'ok' : r.reason;
};

describe('validateElement', () => {
  it('accepts a well-formed element and cleans its strings', () => {
    const r = validateElement({ ...ok, question: ' Which planet is\u200B known as   the red planet? ' }, ctx);
    expect(r).toEqual({
      ok: true,
      value: {
        prompt: 'Which planet is known as the red planet?',
        correct: 'Mars',
        distractors: ['Venus', 'Jupiter', 'Saturn'],
        key: 'which planet is known as the red planet',
      },
    });
  });

  it.each([
    [{ ...ok, distractors: ['Venus', 'Jupiter'] }, 'expected 3 distractors, got 2'],
    [{ ...ok, distractors: ['Venus', 'Jupiter', 'Saturn', 'Pluto'] }, 'expected 3 distractors, got 4'],
    [{ ...ok, distractors: ['Venus', 'MARS.', 'Saturn'] }, 'options not distinct'],
    [{ ...ok, distractors: ['Venus', 'None of the above', 'Saturn'] }, 'catch-all option'],
    [{ ...ok, distractors: ['Venus', 'Both A and B', 'Saturn'] }, 'catch-all option'],
    [{ ...ok, distractors: ['Venus', 'Alle oben genannten', 'Saturn'] }, 'catch-all option'],
    [{ ...ok, distractors: ['Venus', 'Ninguna de las anteriores', 'Saturn'] }, 'catch-all option'],
    [{ ...ok, question: 'Is Mars the red planet, or is it Venus?' }, 'answer appears in question'],
    [{ ...ok, question: 'Red?' }, 'question too short'],
    [{ ...ok, question: 'x'.repeat(301) }, 'question too long'],
    [{ ...ok, correct: 'y'.repeat(121) }, 'option too long'],
    [{ ...ok, distractors: ['Venus', '???', 'Saturn'] }, 'blank option'],
    [{ ...ok, distractors: 'Venus, Jupiter, Saturn' }, 'distractors is not a list of strings'],
    [['not', 'an', 'object'], 'element is not an object'],
    [null, 'element is not an object'],
  ])('rejects %j: %s', (raw, expected) => {
    expect(reason(raw)).toBe(expected);
  });

  it('allows options that merely contain letters like "A and B"', () => {
    expect(reason({ ...ok, distractors: ['Vitamins A and B', 'Jupiter', 'Saturn'] })).toBe('ok');
  });

  it('does not mistake a short answer inside a longer word for a copied answer', () => {
    expect(
      reason({
        question: 'What is the chemical symbol of iron?',
        correct: 'Fe',
        distractors: ['Ir', 'In', 'I'],
      }),
    ).toBe('ok');
  });

  it('rejects duplicates of prompts already seen, ignoring case and punctuation', () => {
    const seen = new Set([matchKey('which planet is known as the RED planet')]);
    expect(reason(ok, { seen })).toBe('duplicate question');
  });

  it('checks the script of the requested language', () => {
    expect(reason(ok, { ...ctx, language: 'ja' })).toBe('wrong language');
    expect(
      reason(
        {
          question: '赤い惑星として知られている惑星は？',
          correct: '火星',
          distractors: ['金星', '木星', '土星'],
        },
        { ...ctx, language: 'ja' },
      ),
    ).toBe('ok');
    expect(reason(ok, { ...ctx, language: 'de-CH' })).toBe('ok');
    expect(matchesLanguage('Какая планета красная?', 'Russian')).toBe(true);
    expect(matchesLanguage('Which planet is red?', 'ru')).toBe(false);
    expect(matchesLanguage('anything', 'Klingon')).toBe(true);
  });
});

describe('JsonExtractor', () => {
  const run = (deltas: string[]) => {
    const ex = new JsonExtractor();
    return deltas.map((d) => ex.push(d)).join('');
  };

  it('strips a fence and trailing prose, keeping strings with braces intact', () => {
    expect(run(['```json\n{"elements":[{"q":"a } ` ] \\" b"}', ']}\n```', '\nDone {x}'])).toBe(
      '{"elements":[{"q":"a } ` ] \\" b"}]}',
    );
  });

  it('wraps a bare array and skips a think block split across deltas', () => {
    expect(run(['<thi', 'nk>{not this}</thi', 'nk>[1,', '2]', ' trailing'])).toBe('{"elements":[1,2]}');
  });

  it('gives the complete elements of a cut-off stream', async () => {
    const ex = new JsonExtractor();
    ex.push('{"elements":[{"a":1},{"a":2}');
    expect(await ex.completeElements()).toEqual([{ a: 1 }, { a: 2 }]);
    ex.push(',{"a":3,"b":"unfinish');
    expect(await ex.completeElements()).toEqual([{ a: 1 }, { a: 2 }]);
  });
});
