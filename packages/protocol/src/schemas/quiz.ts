import * as z from 'zod/mini';
import { Limits } from '../limits.js';
import { difficulty, optionIndex, pointsMode, questionKind, text } from './common.js';

/** Where a generated question came from in an uploaded document. */
export const questionSource = z.strictObject({
  page: z.int().check(z.gte(1), z.lte(10_000)),
  quote: text(1, 300),
});

const questionFields = {
  /** Stable id; the server assigns one when absent. */
  id: z.optional(text(1, 64)),
  kind: questionKind,
  prompt: text(1, Limits.MAX_PROMPT_LENGTH),
  options: z
    .array(text(1, Limits.MAX_OPTION_LENGTH))
    .check(z.minLength(Limits.MIN_OPTIONS), z.maxLength(Limits.MAX_OPTIONS)),
  /** Indices of the correct options: one for single and truefalse, ≥ 1 for multiple, none for poll. */
  correct: z.array(optionIndex).check(z.maxLength(Limits.MAX_OPTIONS)),
  timeLimitMs: z.optional(z.int().check(z.gte(Limits.MIN_TIME_LIMIT_MS), z.lte(Limits.MAX_TIME_LIMIT_MS))),
  points: z.optional(pointsMode),
  category: z.optional(text(1, 40)),
  difficulty: z.optional(difficulty),
  explanation: z.optional(text(1, 500)),
  source: z.optional(questionSource),
};

/**
 * A question as a host authors it (quiz JSON, bank files, generation output after shuffling).
 * Cross-field rules: indices in range, no duplicates, the right number of correct options per
 * kind, options distinct ignoring case and spacing.
 */
export const question = z.strictObject(questionFields).check(
  z.superRefine((q, ctx) => {
    const issue = (message: string, path: PropertyKey[]) =>
      ctx.issues.push({ code: 'custom', message, input: q, path });
    q.correct.forEach((i, n) => {
      if (i >= q.options.length) issue(`option ${i} does not exist`, ['correct', n]);
    });
    if (new Set(q.correct).size !== q.correct.length) issue('duplicate index', ['correct']);
    const seen = new Set<string>();
    q.options.forEach((o, n) => {
      const key = o.trim().replace(/\s+/g, ' ').toLowerCase();
      if (key.length === 0) issue('option is blank', ['options', n]);
      if (seen.has(key)) issue('duplicate option', ['options', n]);
      seen.add(key);
    });
    if (q.prompt.trim().length === 0) issue('prompt is blank', ['prompt']);
    switch (q.kind) {
      case 'single':
        if (q.correct.length !== 1) issue('single choice needs exactly one correct option', ['correct']);
        break;
      case 'truefalse':
        if (q.options.length !== 2) issue('true/false needs exactly two options', ['options']);
        if (q.correct.length !== 1) issue('true/false needs exactly one correct option', ['correct']);
        break;
      case 'multiple':
        if (q.correct.length < 1) issue('multiple select needs at least one correct option', ['correct']);
        break;
      case 'poll':
        if (q.correct.length !== 0) issue('a poll has no correct option', ['correct']);
        break;
    }
  }),
);

/** A quiz: a title and 1–100 questions. */
export const quiz = z.strictObject({
  title: text(1, Limits.MAX_TITLE_LENGTH),
  questions: z.array(question).check(z.minLength(1), z.maxLength(Limits.MAX_QUESTIONS)),
});

/** A question as players see it: never the correct answer, never the explanation. */
export const publicQuestion = z.strictObject({
  id: text(1, 64),
  kind: questionKind,
  prompt: text(1, Limits.MAX_PROMPT_LENGTH),
  options: z
    .array(text(1, Limits.MAX_OPTION_LENGTH))
    .check(z.minLength(Limits.MIN_OPTIONS), z.maxLength(Limits.MAX_OPTIONS)),
  timeLimitMs: z.int().check(z.gte(Limits.MIN_TIME_LIMIT_MS), z.lte(Limits.MAX_TIME_LIMIT_MS)),
  points: pointsMode,
});

/** Ask the server to fill the quiz from its built-in bank. */
export const bankRequest = z.strictObject({
  count: z.int().check(z.gte(1), z.lte(Limits.MAX_QUESTIONS)),
  category: z.optional(text(1, 40)),
  difficulty: z.optional(difficulty),
});
