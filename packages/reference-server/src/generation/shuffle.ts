import { randomInt, randomUUID } from 'node:crypto';
import type { Difficulty, Question } from '@quizwire/protocol';
import { questionSchema } from '@quizwire/protocol/schemas';
import type { RandomInt } from './types.js';
import type { ValidElement } from './validate.js';

/** `crypto.randomInt`: the default source, so the correct option's position is unpredictable. */
export const secureRandomInt: RandomInt = (maxExclusive) => randomInt(maxExclusive);

/**
 * Fisher–Yates: every permutation equally likely given a uniform `random`. Models put the right
 * answer first far more often than chance, so the server always reorders.
 */
export function shuffleInPlace<T>(items: T[], random: RandomInt = secureRandomInt): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = random(i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/**
 * Turn a validated element into a protocol `single` question with shuffled options and a fresh
 * id, and check it against the protocol schema. Returns the schema's message when it refuses.
 */
export function toQuestion(
  el: ValidElement,
  opts: { difficulty?: Difficulty; random?: RandomInt },
): { ok: true; question: Question } | { ok: false; reason: string } {
  const all = [el.correct, ...el.distractors];
  const order = shuffleInPlace(
    all.map((_, i) => i),
    opts.random,
  );
  const candidate: Question = {
    id: `gen-${randomUUID()}`,
    kind: 'single',
    prompt: el.prompt,
    options: order.map((i) => all[i]!),
    correct: [order.indexOf(0)],
    ...(opts.difficulty ? { difficulty: opts.difficulty } : {}),
    ...(el.source ? { source: el.source } : {}),
  };
  const parsed = questionSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `protocol: ${issue?.path.join('.')} ${issue?.message}` };
  }
  return { ok: true, question: parsed.data };
}

/**
 * Reorder a bank question's options (single and multiple only; true/false keeps its order)
 * and give it an id if it has none. The bank's own order is fixed in its files.
 */
export function shuffleBankQuestion(q: Question, random: RandomInt = secureRandomInt): Question {
  const id = q.id ?? `bank-${randomUUID()}`;
  if (q.kind !== 'single' && q.kind !== 'multiple') return { ...q, id };
  const order = shuffleInPlace(
    q.options.map((_, i) => i),
    random,
  );
  return {
    ...q,
    id,
    options: order.map((i) => q.options[i]!),
    correct: q.correct.map((c) => order.indexOf(c)).sort((a, b) => a - b),
  };
}
